// Guided lessons through the real UI: a learner opens lesson 1 and lesson 5 from the Lessons tab
// and works through every step to the last one — dragging (Ctrl+click typing) the weight, typing
// answers into the task's field, stepping the inspector, pressing Step and Play — with mouse
// clicks at the rectangles window.lab.itemRect() reports and real keyboard input. Progress is
// read back from window.lab.state().lesson and from localStorage, and survives a reload, which
// returns to the open lesson and step.
//
// The page may draw only a few frames per second in headless Chromium (SwiftShader), so every
// wait polls the app's state with a generous timeout instead of sleeping a fixed time.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SKIP_WELCOME } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const WAIT_MS = 120000;

let page;
const session = labSession(async (opened) => {
  ({ page } = opened);
  await page.goto(`${opened.server.url}#${SKIP_WELCOME}`);
  await waitForState((s) => s.frame > 5, 'the first frames');
});

const state = () => page.evaluate(() => window.lab.state());

// Polls the state from Node until predicate(state) holds; returns that state.
async function waitForState(predicate, what, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await state();
    if (predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last?.lesson)}`);
}

// The item's rectangle once it has been drawn, in the same place on two frames in a row: the
// layout changes between steps (and when a lesson closes), and a click must not aim at a rectangle
// from before the change.
async function rectOf(label) {
  const deadline = Date.now() + WAIT_MS;
  const itemRect = () => page.evaluate((l) => window.lab.itemRect(l), label);
  while (Date.now() < deadline) {
    const rect = await itemRect();
    if (rect && rect.width > 0 && rect.height > 0) {
      await nextFrames(1);
      if (JSON.stringify(await itemRect()) === JSON.stringify(rect)) return rect;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no item "${label}" was drawn in one place on two frames`);
}

// Waits for the frame counter to advance, so ImGui has seen the last input event.
async function nextFrames(n = 2) {
  const now = (await state()).frame;
  await waitForState((s) => s.frame >= now + n, `frame ${now + n}`);
}

// A click as a person makes it: the pointer rests on the item for a couple of frames before the
// button goes down and up on separate frames. At a few frames per second a bare
// page.mouse.click() can put the move, the press and the release into one frame, and ImGui then
// misses the first click on the page.
async function clickAt(x, y) {
  await page.mouse.move(x, y);
  await nextFrames();
  await page.mouse.down();
  await nextFrames(1);
  await page.mouse.up();
  await nextFrames(1);
}

async function click(label) {
  const r = await rectOf(label);
  await clickAt(r.x + r.width / 2, r.y + r.height / 2);
}

// Ctrl+click turns an ImGui slider into a text field with its text selected; typing replaces it
// and Enter applies it.
async function typeIntoSlider(label, text) {
  const r = await rectOf(label);
  await page.keyboard.down('Control');
  await clickAt(r.x + r.width / 2, r.y + r.height / 2);
  await page.keyboard.up('Control');
  await nextFrames();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 30 });
  await page.keyboard.press('Enter');
  await nextFrames();
}

// The task's number field: click into it, type, Enter.
async function answer(text) {
  await click('Answer');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 30 });
  await page.keyboard.press('Enter');
}

const lesson = (s) => s.lesson;

async function expectStep(id, step) {
  return waitForState((s) => lesson(s).id === id && lesson(s).step === step, `${id} step ${step}`);
}

// Waits for the task to hold, then presses Next and waits for the following step.
async function finishStep(id, step) {
  await waitForState((s) => lesson(s).step === step && lesson(s).task_done, `${id} step ${step} done`);
  await click('Next');
  return expectStep(id, step + 1);
}

// Opens the Speed combo and picks "max", the last of its 7 entries. Combo entries are not in the
// item registry: the popup opens right below the combo's frame, with the window padding
// (8 px) above the first entry and one line (16 px text + 4 px spacing) per entry.
async function selectMaxSpeed() {
  const r = await rectOf('Speed');
  await clickAt(r.x + r.width / 4, r.y + r.height / 2);
  await clickAt(r.x + r.width / 4, r.y + r.height + 8 + 6 * 20 + 8);
  await waitForState((s) => s.speed === 0, 'speed "max"');
}

// The last task of a lesson: train at "max" until the loss is below 0.001, then Next to the
// closing step.
async function trainThroughLastTask(id, step) {
  await selectMaxSpeed();
  await click('Play');
  const s = await finishStep(id, step);
  assert.ok(s.loss_train < 0.001, `loss ${s.loss_train}`);
  assert.equal(s.lesson.step, s.lesson.steps - 1);
  return s;
}

async function openLesson(number, id) {
  await click('Lessons');
  await click(`Lesson ${number}`);
  return waitForState((s) => lesson(s).id === id, `lesson ${id} to open`);
}

const storedProgress = () =>
  page.evaluate(() => JSON.parse(localStorage.getItem('bplab-progress') || 'null'));

test('outside a lesson the state says so and the Lessons tab lists the course', async () => {
  const s = await state();
  assert.deepEqual(s.lesson, { id: null, step: 0, steps: 0, task_done: false });
  await click('Lessons');
  await rectOf('Lesson 14');
  await rectOf('Reset progress');
});

test('lesson 1 (guessing a weight) to its last step through the UI', { timeout: 15 * 60000 }, async () => {
  const id = 'guessing-a-weight';
  let s = await openLesson(1, id);
  assert.deepEqual(s.lesson, { id, step: 0, steps: 5, task_done: false });
  // Step 0 locks training: Play is drawn but disabled.
  await click('Play');
  await nextFrames(3);
  assert.equal((await state()).running, false);

  // E = 2·w − 3 is zero at w = 1.5.
  await typeIntoSlider('Weight slider', '1.5');
  s = await finishStep(id, 0);
  assert.ok(Math.abs((await state()).sample.error) < 0.01);
  // E = +1 at w = 2; Next stays shut until then.
  assert.equal(s.lesson.task_done, false);
  await typeIntoSlider('Weight slider', '2');
  await finishStep(id, 1);
  // Three purchases at 1.5 €/kg.
  await typeIntoSlider('Weight slider', '1.5');
  await finishStep(id, 2);
  // Training from w = 0.5 until the loss is below 0.001.
  s = await trainThroughLastTask(id, 3);
  assert.equal(s.lesson.task_done, true, 'the last step has no task');

  const stored = await storedProgress();
  assert.equal(stored.format, 'bplab-progress');
  assert.deepEqual(stored.lessons[id], { step: 4, completed: 5 });
});

test('lesson 5 (backpropagation) to its last step through the UI', { timeout: 30 * 60000 }, async () => {
  const id = 'backpropagation';
  let s = await openLesson(6, id); // sixth in the list, after 4b
  assert.deepEqual(s.lesson, { id, step: 0, steps: 13, task_done: false });
  // Typed values are Mazur's published ones.
  await answer('0.3775'); // θ_h1
  await finishStep(id, 0);
  await answer('0.298371109'); // E
  await finishStep(id, 1);
  // w5: the first weight of weight layer 2.
  await typeIntoSlider('Weight layer', '2');
  await waitForState((s) => s.inspector.weight === 'w5', 'w5 selected');
  await finishStep(id, 2);
  await answer('0.74136507'); // ∂E/∂y_o1
  await finishStep(id, 3);
  const stepInspectorTo = async (target) => {
    while ((await state()).inspector.step < target) {
      const before = (await state()).inspector.step;
      await click('Next step');
      await waitForState((s) => s.inspector.step > before, `inspector step ${before + 1}`);
    }
  };
  // Predict, then verify: δ_o1 typed while the inspector already shows it does not count …
  await stepInspectorTo(3);
  await answer('0.138498562');
  await nextFrames(3);
  assert.equal((await state()).lesson.task_done, false, 'the inspector already shows ∂E/∂θ');
  // … and counts once the walk is back before ∂E/∂θ.
  await click('Back');
  await waitForState((s) => s.inspector.step === 2, 'inspector step back to 2');
  await finishStep(id, 4);
  await answer('0.082167041'); // ∂E/∂w5, before the walk reaches ∂E/∂w
  await finishStep(id, 5);
  await answer('0.35891648'); // the new w5
  await finishStep(id, 6);
  await click('Step');
  s = await finishStep(id, 7);
  // Step 8 rebuilds the original network and selects w1.
  assert.equal(s.inspector.weight, 'w1');
  await answer('0.0363506'); // ∂E/∂y_h1 = w5·δ_o1 + w7·δ_o2
  await finishStep(id, 8);
  await answer('0.008771355'); // δ_h1 = ∂E/∂y_h1 · y_h1(1 − y_h1)
  await finishStep(id, 9);
  await answer('0.000438568'); // ∂E/∂w1
  await finishStep(id, 10);
  s = await trainThroughLastTask(id, 11);

  const stored = await storedProgress();
  assert.deepEqual(stored.lessons[id], { step: 12, completed: 13 });
});

test('a reload returns to the open step, progress survives it, and Reset progress forgets it', { timeout: 5 * 60000 }, async () => {
  // The page's hash keeps the open lesson and step (web/core/url_hash.h).
  assert.match(await page.evaluate(() => location.hash), /&lesson=backpropagation&step=13$/);
  await page.reload();
  await waitForState((s) => s.frame > 5, 'the first frames after the reload');
  const reloaded = (await state()).lesson;
  assert.deepEqual([reloaded.id, reloaded.step], ['backpropagation', 12]);
  await click('All lessons');
  await waitForState((s) => s.lesson.id === null, 'the lesson to close');
  // Lesson 1 resumes at the step where it was left: the last one.
  const s = await openLesson(1, 'guessing-a-weight');
  assert.equal(s.lesson.step, 4);

  await click('All lessons');
  await waitForState((s) => s.lesson.id === null, 'the lesson to close');
  await click('Reset progress');
  await click('Yes, reset');
  const deadline = Date.now() + WAIT_MS;
  while (Object.keys((await storedProgress())?.lessons ?? { x: 1 }).length > 0) {
    assert.ok(Date.now() < deadline, 'progress was not reset');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(session.errors, []);
});
