// The lab on a tablet held upright (810×1080 CSS pixels at pixel ratio 2, touch only, no mouse):
// taps, drags and scrolls are real touch events (CDP Input.dispatchTouchEvent), which SDL turns
// into ImGui's touch-screen mouse; typing goes through the page's hidden input
// (web/shell/screen_keyboard.js) with insertText, as a mobile keyboard types (input events, no
// key presses). No test can show the system keyboard itself appearing: the tests check that a tap
// on a field focuses the hidden input and that its text reaches the field.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { nextFrames, openLab, rectOf, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession(async (s) => {
  // The shared page has a mouse; the touch tests get a tablet of their own and use only that.
  await s.page.close();
  const context = await s.browser.newContext({
    viewport: { width: 810, height: 1080 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
  });
  s.page = await context.newPage();
  s.page.on('pageerror', (error) => s.errors.push(String(error)));
  s.page.on('console', (message) => { if (message.type() === 'error') s.errors.push(message.text()); });
  s.cdp = await context.newCDPSession(s.page);
});

const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const touchPoint = (p) => [{ x: p.x, y: p.y, radiusX: 4, radiusY: 4, force: 1, id: 1 }];
const activeId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

async function touchStart(p) {
  await session.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touchPoint(p) });
  await nextFrames(session.page, 2);
}
async function touchMove(p) {
  await session.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touchPoint(p) });
  await nextFrames(session.page, 1);
}
async function touchEnd() {
  await session.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await nextFrames(session.page, 2);
}
// A finger down at `from`, moved to `to` in steps, lifted.
async function drag(from, to, steps = 8) {
  await touchStart(from);
  for (let k = 1; k <= steps; k++)
    await touchMove({ x: from.x + ((to.x - from.x) * k) / steps, y: from.y + ((to.y - from.y) * k) / steps });
  await touchEnd();
}
async function tap(label) {
  await touchStart(centre(await rectOf(session.page, label)));
  await touchEnd();
}
// The slider's Type button (touch_input.h) opens it for typing; the text goes in through the
// hidden input, Enter applies it.
async function typeIntoSlider(label, text) {
  await tap(label);
  await tap('Type');
  assert.equal(await activeId(session.page), 'screen-keyboard', 'the Type button focuses the hidden input');
  await nextFrames(session.page, 2);
  await session.page.keyboard.insertText(text);
  await nextFrames(session.page, 4);
  await session.page.keyboard.press('Enter');
  await nextFrames(session.page, 2);
}

test('a first tap presses Play, with no hover before it', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'welcome=0&speed=1');
  assert.equal((await state(page)).layout.mode, 'rows');
  await tap('Play');
  await waitForState(page, (s) => s.running);
  await tap('Pause');
  await waitForState(page, (s) => !s.running);
});

test('a finger drags the Learning rate slider; the drag does not scroll the panel', async () => {
  const { page } = session;
  const before = await state(page);
  const slider = await rectOf(page, 'Learning rate');
  const play = await rectOf(page, 'Play');
  // Right along the slider's frame and a little down: the slider follows, the panel stays.
  const from = { x: slider.x + slider.w * 0.15, y: slider.y + slider.h / 2 };
  await drag(from, { x: slider.x + slider.w * 0.45, y: from.y + 40 });
  const after = await state(page);
  assert.ok(after.learning_rate > before.learning_rate * 2, `η ${before.learning_rate} → ${after.learning_rate}`);
  assert.deepEqual(await rectOf(page, 'Play'), play);
  // Straight down the slider: still the slider's drag, not a scroll.
  await drag({ x: from.x, y: from.y }, { x: from.x, y: from.y + 200 });
  assert.deepEqual(await rectOf(page, 'Play'), play);
});

test('a number typed through the Type button and the hidden input sets the slider', async () => {
  const { page } = session;
  await typeIntoSlider('Learning rate', '0.5');
  await waitForState(page, (s) => s.learning_rate === 0.5, 10000);
  assert.notEqual(await activeId(page), 'screen-keyboard', 'Enter gives the focus back to the canvas');
});

test('a vertical drag scrolls the controls, and the button it starts on does not fire', async () => {
  const { page } = session;
  const iteration = (await state(page)).iteration;
  const step = await rectOf(page, 'Step');
  const regenerate = await rectOf(page, 'Regenerate');
  assert.ok(regenerate.y + regenerate.h > 1080, 'Regenerate starts below the display');
  await drag(centre(step), { x: step.x + step.w / 2, y: step.y - 300 }, 10);
  // The panel scrolls as far as its content goes (Regenerate is in its last row), no further.
  const moved = await rectOf(page, 'Step');
  const now = await rectOf(page, 'Regenerate');
  assert.ok(now.y + now.h <= 1080 && now.y + now.h > 1080 - 30, `Regenerate scrolled into view: ${JSON.stringify(now)}`);
  assert.equal(step.y - moved.y, regenerate.y - now.y, 'the whole panel moved as one');
  assert.equal((await state(page)).iteration, iteration, 'Step did not fire');
  // And back down, from a checkbox (which a drag does not toggle).
  const box = centre(await rectOf(page, 'Steady frame rate'));
  await drag(box, { x: box.x, y: box.y + 300 }, 10);
  assert.deepEqual(await rectOf(page, 'Step'), step);
});

test('a tap on the output map adds a point of the class chosen in the picker', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'welcome=0&ds=xor&speed=1');
  // Truth-major confusion counts of the training set: how many points of each class it holds.
  const perClass = (s) => [s.confusion[0] + s.confusion[1], s.confusion[2] + s.confusion[3]];
  const addPoint = async (classLabel) => {
    await tap('Class for new points');
    await tap(classLabel);
    const before = await state(page);
    await tap('Output map');
    // New data re-initialises the network; a Step then counts the training set's classes.
    const added = await waitForState(page, (s) => s.samples_train === before.samples_train + 1);
    await tap('Step');
    return { before: perClass(before), after: perClass(await waitForState(page, (s) => s.iteration > added.iteration)) };
  };
  const zero = await addPoint('class 0 (orange)');
  assert.deepEqual(zero.after, [zero.before[0] + 1, zero.before[1]]);
  const one = await addPoint('class 1 (blue)');
  assert.deepEqual(one.after, [one.before[0], one.before[1] + 1]);
});

test('an answer typed through the hidden input reaches the lesson task', async () => {
  const { page } = session;
  // The neuron, step 1: θ = x₁·w1 + x₂·w2 + b = 1·0.5 + 1·(−1) + 0 = −0.5.
  await openLab(page, session.server.url, 'lesson=the-neuron&step=1');
  await tap('Answer');
  assert.equal(await activeId(page), 'screen-keyboard', 'a tap on the field focuses the hidden input');
  await nextFrames(page, 2);
  await page.keyboard.insertText('-0.5');
  await waitForState(page, (s) => s.lesson.task_done, 10000);
  const answer = () => page.evaluate(() => window.lab.lesson().answer);
  assert.equal(await answer(), '-0.5');
  // A desktop keyboard's key presses type once: into the hidden input, not also through SDL.
  await page.keyboard.press('Backspace');
  await page.keyboard.type('7');
  await nextFrames(page, 6);
  assert.equal(await answer(), '-0.7');
});

test('lesson 1 finished by touch alone', { timeout: 10 * 60000 }, async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'lesson=guessing-a-weight&step=1');
  // Steps 1-3: E = 2·w − 3 is 0 at w = 1.5 and +1 at w = 2; all three purchases cost 1.5 per kg.
  for (const [step, w] of [[0, '1.5'], [1, '2'], [2, '1.5']]) {
    await waitForState(page, (s) => s.lesson.step === step);
    await typeIntoSlider('Weight slider', w);
    await waitForState(page, (s) => s.lesson.task_done, 20000);
    await tap('Next');
  }
  await waitForState(page, (s) => s.lesson.step === 3);
  await tap('Play');
  await waitForState(page, (s) => s.lesson.task_done, 120000);
  await tap('Next');
  const s = await waitForState(page, (x) => x.lesson.step === x.lesson.steps - 1);
  assert.ok(s.loss_train < 0.001);
  assert.deepEqual(session.errors, []);
});
