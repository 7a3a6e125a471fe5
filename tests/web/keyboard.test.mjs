// Lesson 1 finished with the keyboard alone, as a learner without a mouse does it: Tab into the
// canvas, F6 between panels and the arrow keys inside one (ImGui's keyboard navigation), Space to
// press, Enter to type a number into a slider, Escape then Tab out to the DOM layer's Next button
// (web/shell/a11y_layer.js), Shift+Tab back. Only page.keyboard acts; the test reads where the
// focus is (window.lab.navRect(), document.activeElement) and what the lab did (state()), and
// drives by the tasks' conditions, not their wording.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { nextFrames, openLab, rectOf, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();
const WAIT_MS = 120000;

const navRect = (page) => page.evaluate(() => window.lab.navRect());
const activeId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
// Whether the canvas shows the frame of keyboard focus (index.html's #canvas:focus-visible).
const keyboardFrame = (page) => page.evaluate(() => document.getElementById('canvas').matches(':focus-visible'));
const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const inside = (p, r) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;

async function press(page, key) {
  await page.keyboard.press(key);
  await nextFrames(page, 2);
}

// The panel (state().layout) a point is in.
async function panelAt(page, p) {
  const { layout } = await state(page);
  return Object.keys(layout).find((k) => layout[k].w > 0 && inside(p, layout[k]));
}

// Moves ImGui's keyboard focus onto the item drawn under `label`: F6 to a panel, then the arrow
// key towards the item until the focus is on it; when the item is in another panel, or the
// arrows stop moving the focus, F6 to the next panel.
async function focusItem(page, label) {
  const target = await rectOf(page, label);
  const goal = centre(target);
  const goalPanel = await panelAt(page, goal);
  for (let panel = 0; panel < 8; panel++) {
    await press(page, 'F6');
    for (let move = 0; move < 30; move++) {
      const at = await navRect(page);
      if (!at) break;
      if (inside(centre(at), target)) return;
      const c = centre(at);
      const dx = goal.x - c.x, dy = goal.y - c.y;
      if (move === 0 && (await panelAt(page, c)) !== goalPanel) break;
      const key = Math.abs(dy) > at.h / 2 ? (dy > 0 ? 'ArrowDown' : 'ArrowUp') : dx > 0 ? 'ArrowRight' : 'ArrowLeft';
      await press(page, key);
      const after = await navRect(page);
      if (after && after.x === at.x && after.y === at.y) break; // no further that way: next panel
    }
  }
  throw new Error(`the keyboard focus never reached "${label}" (${JSON.stringify(target)})`);
}

// Enter on a focused slider opens it for typing; the typed number replaces its text.
async function typeIntoFocused(page, text) {
  await press(page, 'Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 30 });
  await press(page, 'Enter');
}

// Escape, then Tab leaves the canvas for the DOM layer; Tab on to its Next button, Enter presses
// it; Shift+Tab returns to the canvas.
async function nextByLayer(page, step) {
  await waitForState(page, (s) => s.lesson.step === step && s.lesson.task_done, WAIT_MS);
  await press(page, 'Escape');
  await press(page, 'Tab');
  for (let k = 0; k < 4 && (await activeId(page)) !== 'a11y-next'; k++) await press(page, 'Tab');
  assert.equal(await activeId(page), 'a11y-next', 'Tab reaches the layer\'s Next button');
  await press(page, 'Enter');
  await waitForState(page, (s) => s.lesson.step === step + 1, WAIT_MS);
  for (let k = 0; k < 4 && (await activeId(page)) !== 'canvas'; k++) await press(page, 'Shift+Tab');
  assert.equal(await activeId(page), 'canvas', 'Shift+Tab returns to the canvas');
}

// A slider typed to w, then the task that asks for it.
async function weightStep(page, step, w) {
  await focusItem(page, 'Weight slider');
  await typeIntoFocused(page, w);
  await nextByLayer(page, step);
}

test('lesson 1 from the lesson list to its last step with the keyboard alone', { timeout: 20 * 60000 }, async () => {
  const { page } = session;
  const id = 'guessing-a-weight';
  await openLab(page, session.server.url);
  // The page gives the canvas the keys at once, without the frame that marks keyboard focus.
  assert.equal(await activeId(page), 'canvas');
  assert.equal(await keyboardFrame(page), false, 'no keyboard frame on load');
  // Start with nothing focused: Tab (once round the page, outside a lesson) enters the canvas.
  await page.evaluate(() => document.activeElement?.blur());
  for (let k = 0; k < 3 && (await activeId(page)) !== 'canvas'; k++) await press(page, 'Tab');
  assert.equal(await activeId(page), 'canvas');
  assert.equal(await keyboardFrame(page), true, 'the canvas reached by Tab shows the keyboard frame');

  // F1 opens the shortcut list and closes it again.
  await press(page, 'F1');
  await rectOf(page, 'Keyboard shortcuts');
  await press(page, 'F1');

  await focusItem(page, 'Lessons');
  await press(page, 'Space');
  await focusItem(page, 'Lesson 1');
  await press(page, 'Space');
  let s = await waitForState(page, (x) => x.lesson.id === id, WAIT_MS);
  assert.equal(s.lesson.step, 0);

  // Steps 1-3 set the weight: E = 2·w − 3 is 0 at w = 1.5, +1 at w = 2; all three purchases cost
  // 1.5 per kg.
  await weightStep(page, 0, '1.5');
  await weightStep(page, 1, '2');
  await weightStep(page, 2, '1.5');

  // Step 4 trains (about a hundred updates): with no focus shown, Space is Play.
  await press(page, 'Escape');
  await press(page, 'Space');
  await waitForState(page, (x) => x.running, WAIT_MS);
  await nextByLayer(page, 3);
  s = await state(page);
  assert.equal(s.lesson.step, s.lesson.steps - 1, 'the last step');
  assert.ok(s.loss_train < 0.001);
  assert.deepEqual(session.errors, []);
});
