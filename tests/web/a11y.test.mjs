// The page for screen readers and axe-core: the DOM layer beside the canvas (web/shell/
// a11y_layer.js) carries the open lesson as text, with real buttons and a real answer field that
// act on the lab; axe-core finds no serious or critical violation; prefers-reduced-motion stops
// the lesson highlight's pulse.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { nextFrames, openLab, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

// AxeBuilder works only on a page of a context made by browser.newContext(): this file's page.
const session = labSession(async (opened) => {
  await opened.page.close();
  opened.page = await (await opened.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  opened.page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  opened.page.on('pageerror', (error) => opened.errors.push(String(error)));
});

const lessonView = (page) => page.evaluate(() => window.lab.lesson());

// Polls the layer's ARIA snapshot until it contains every one of `parts`; returns it.
async function snapshotWith(page, parts, timeout = 30000) {
  const deadline = Date.now() + timeout;
  let snapshot = '';
  while (Date.now() < deadline) {
    snapshot = await page.locator('#a11y').ariaSnapshot();
    if (parts.every((p) => snapshot.includes(p))) return snapshot;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the ARIA snapshot lacks one of ${JSON.stringify(parts)}:\n${snapshot}`);
}

test('a lesson step reads as title, text and task, three named buttons and a textbox', async () => {
  const { page } = session;
  // Lesson 5's first step asks for a number (θ_h1), so it has the answer field.
  await openLab(page, session.server.url, 'lesson=backpropagation&step=1');
  await waitForState(page, (s) => s.lesson.id === 'backpropagation');
  const v = await lessonView(page);
  assert.ok(v.answerLabel, 'the step has an answer field');
  const firstParagraph = v.text.split(/\n\s*\n/)[0].trim();
  const snapshot = await snapshotWith(page, [
    `heading "${v.title}"`,
    `heading "${v.stepTitle}"`,
    firstParagraph.slice(0, 40),
    `Task: ${v.goal}`.slice(0, 40),
    'button "Previous"',
    'button "Hint"',
    'button "Next"',
    `textbox "Answer: ${v.answerLabel} ="`,
  ]);
  // The layer says what the lab's own buttons say: no way back from the first step, and Next
  // shut until the task holds.
  assert.match(snapshot, /button "Previous" \[disabled\]/);
  assert.match(snapshot, /button "Next" \[disabled\]/);

  // Hint, through the layer's button (Enter on it), shows the first hint in the lab and in the
  // layer.
  await page.locator('#a11y-hint').press('Enter');
  const hinted = await waitForLesson(page, (x) => x.hints.length === 1);
  await snapshotWith(page, [hinted.hints[0].slice(0, 40)]);

  // A wrong answer typed into the layer's field reaches the lab's field and leaves the task open.
  await page.locator('#a11y-answer').fill('12345');
  await waitForLesson(page, (x) => x.answer === '12345');
  await nextFrames(page, 3);
  assert.equal((await state(page)).lesson.task_done, false);
});

test('axe-core finds no serious or critical violation, with the layer hidden and shown', async () => {
  const { page } = session;
  const serious = async () => (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  assert.deepEqual(await serious(), []);
  // Focus inside the layer shows it as a panel over the canvas: its colours count then.
  await page.locator('#a11y-hint').focus();
  assert.deepEqual(await serious(), []);
});

test('with prefers-reduced-motion the lesson highlight stands still', async () => {
  const { page } = session;
  // Lesson 1's first step outlines the weight w1 and locks training: only the pulse moves.
  await openLab(page, session.server.url, 'lesson=guessing-a-weight&step=1');
  await waitForState(page, (s) => s.lesson.id === 'guessing-a-weight');
  // Screenshots a few frames apart: the pulse (period 1.2 s) changes the picture between some
  // of them; a still outline between none.
  const pictures = async () => {
    const shots = [];
    for (let k = 0; k < 4; k++) {
      await nextFrames(page, 3);
      shots.push((await page.screenshot()).toString('base64'));
    }
    return new Set(shots).size;
  };
  assert.ok(await pictures() > 1, 'the highlight pulses');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await nextFrames(page, 3);
  assert.equal(await pictures(), 1, 'with reduced motion every picture is the same');
  assert.deepEqual(session.errors, []);
});

async function waitForLesson(page, predicate, timeout = 30000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await lessonView(page);
    if (last && predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the lesson view never satisfied ${predicate}: ${JSON.stringify(last)}`);
}
