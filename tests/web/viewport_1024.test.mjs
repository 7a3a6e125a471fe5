// Every step of every shipped lesson at a 1024×600 screen (issue 14): each item the step
// highlights or asks for (its "highlight", the step widget's weight slider, the answer field,
// Hint, Previous and Next) must be drawn wholly inside the viewport, where a learner can see and
// reach it. One page: a lesson's link opens its last step (unlocking the steps before it), and
// the Lesson window's Previous (window.lab.lessonAction('back')) goes back through the others.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { nextFrames, openLab, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const VIEWPORT = { width: 1024, height: 600 };
const LESSONS_DIR = path.resolve(import.meta.dirname, '../../assets/lessons');
// Frames to wait for an item that the step should draw (the layout settles over a frame or two).
const DRAW_FRAMES = 6;

const session = labSession(({ page }) => page.setViewportSize(VIEWPORT));

// The course as the lab loads it: every lesson file, sorted by name.
const lessons = fs.readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(LESSONS_DIR, f), 'utf8')));

// The labels of what step k of `lesson` highlights or asks for (web/app/lesson_panel.h).
function itemsOf(lesson, k) {
  const step = lesson.steps[k];
  const items = [];
  if (step.highlight) items.push(step.highlight);
  if (step.widget) items.push('Weight slider');
  if (step.task?.input) items.push('Answer');
  if (step.task) items.push('Hint');
  if (k > 0) items.push('Previous');
  if (k + 1 < lesson.steps.length) items.push('Next');
  return items;
}

const rectsNow = (page, labels) => page.evaluate((ls) => ls.map((l) => window.lab.itemRect(l)), labels);

// The items' rectangles once all are drawn in the same places on two frames in a row, or as the
// last of DRAW_FRAMES frames drew them (null: not drawn).
async function settledRects(page, labels) {
  let last = null;
  for (let f = 0; f < DRAW_FRAMES; f++) {
    const rects = await rectsNow(page, labels);
    if (rects.every(Boolean) && JSON.stringify(rects) === JSON.stringify(last)) return rects;
    last = rects;
    await nextFrames(page, 1);
  }
  return last;
}

const inside = (r) => r.x >= 0 && r.y >= 0 && r.x + r.w <= VIEWPORT.width && r.y + r.h <= VIEWPORT.height;
const box = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.w)}×${Math.round(r.h)}`;

// Filled by the first test's walk over every step, read by both.
const clipped = [];
const missing = [];

test('at 1024×600 every item a lesson step highlights or asks for is inside the viewport', { timeout: 20 * 60000 }, async () => {
  const { page } = session;
  let steps = 0;
  for (const lesson of lessons) {
    const last = lesson.steps.length - 1;
    await openLab(page, session.server.url, `lesson=${lesson.id}&step=${last + 1}`);
    for (let k = last; k >= 0; k--) {
      await waitForState(page, (s) => s.lesson.id === lesson.id && s.lesson.step === k);
      const labels = itemsOf(lesson, k);
      const rects = await settledRects(page, labels);
      for (const [n, label] of labels.entries()) {
        const rect = rects[n];
        const where = `${lesson.id} step ${k + 1}: "${label}"`;
        if (!rect) missing.push(`${where} is not drawn`);
        else if (!inside(rect)) clipped.push(`${where} at ${box(rect)} is not wholly inside 1024×600`);
      }
      steps++;
      if (k > 0) await page.evaluate(() => window.lab.lessonAction('back'));
    }
  }
  console.log(`${lessons.length} lessons, ${steps} steps opened`);
  for (const p of [...clipped, ...missing]) console.log(`  ${p}`);
  assert.deepEqual(clipped, []);
  assert.deepEqual(session.errors, []);
});

// A highlight that names no item of its step is drawn nowhere, at any screen size: a lesson file's
// mistake (or an item the UI does not record).
test('every item a lesson step highlights or asks for is drawn', () => {
  assert.deepEqual(missing, []);
});
