// Walking a lesson through the real UI, as a learner at a 1366×768 screen does it: the lesson is
// opened by its link, each step's task is done the way its text says (drag a slider with the
// mouse, Ctrl+click and type, type an answer, press buttons, pick from a menu), the task's
// condition is awaited by polling window.lab.state(), then Next. Shared by tests/web/walk_*.test.mjs.
import assert from 'node:assert/strict';

import { click, nextFrames, openLab, rectOf, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

export { click, nextFrames, rectOf, state, waitForState };
export { typeInto } from './lab_page.mjs';

export const WALK_VIEWPORT = { width: 1366, height: 768 };

// The fixture of one walk file: a page at 1366×768 with the lesson `id` open at its first step.
export function walkSession(id) {
  return labSession(async ({ page, server }) => {
    await page.setViewportSize(WALK_VIEWPORT);
    await openLab(page, server.url, `lesson=${id}&step=1`);
    await waitForState(page, (s) => s.lesson.id === id && s.lesson.step === 0);
  });
}

// Waits until the current step is `step` and its task holds, presses Next and waits for the
// following step; returns that state.
export async function next(page, step) {
  await waitForState(page, (s) => s.lesson.step === step && s.lesson.task_done);
  await click(page, 'Next');
  return waitForState(page, (s) => s.lesson.step === step + 1);
}

// The task's answer field: click into it, type, Enter.
export async function answer(page, text) {
  await click(page, 'Answer');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 20 });
  await page.keyboard.press('Enter');
  await nextFrames(page);
}

// Drags the slider `label` with the mouse: presses on it and moves along it, reading the state
// after each move, until score(state) is 0 (negative: the value must grow; positive: shrink),
// then releases. A slider's value grows to the right, so this is a bisection over the pixels.
export async function drag(page, label, score) {
  const r = await rectOf(page, label);
  const y = r.y + r.h / 2;
  let lo = r.x + 1, hi = r.x + r.w - 1;
  let x = (lo + hi) / 2;
  await page.mouse.move(x, y);
  await nextFrames(page);
  await page.mouse.down();
  for (let k = 0; k < 14; k++) {
    await nextFrames(page, 2);
    const d = score(await state(page));
    if (d === 0) break;
    if (d < 0) lo = x; else hi = x;
    x = Math.round((lo + hi) / 2);
    await page.mouse.move(x, y);
  }
  await page.mouse.up();
  await nextFrames(page);
  const s = await state(page);
  assert.equal(score(s), 0, `dragging "${label}" never met the task`);
  return s;
}

// Opens the combo `label` and clicks its entry `entry` (recorded as "<label>: <entry>").
export async function pick(page, label, entry) {
  const r = await rectOf(page, label);
  // On the combo's text, left of its arrow button.
  await page.mouse.move(r.x + r.w / 4, r.y + r.h / 2);
  await nextFrames(page);
  await page.mouse.down();
  await nextFrames(page, 1);
  await page.mouse.up();
  await click(page, `${label}: ${entry}`);
}

// Presses Play, waits until predicate(state) holds, then Pause; returns the state at the wait's end.
export async function train(page, predicate, timeout = 60000) {
  await click(page, 'Play');
  const s = await waitForState(page, predicate, timeout);
  if ((await state(page)).running) await click(page, 'Pause');
  return s;
}

// The walk reached the lesson's last step.
export async function atLastStep(page, errors) {
  const s = await state(page);
  assert.equal(s.lesson.step, s.lesson.steps - 1, 'the last step');
  assert.deepEqual(errors, []);
  return s;
}
