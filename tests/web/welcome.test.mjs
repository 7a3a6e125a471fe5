// The first minute (issue 14): a first-time visitor is offered "Start the course" or "Free lab"
// on a card (web/app/welcome_card.h) that is remembered once dismissed; welcome=0 in the link
// never shows it; the default free lab visibly learns, its training loss halving within 3 s of
// Play. One page; each test starts from a cleared localStorage where it needs a first visit.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, nextFrames, rectOf, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();
const FIRST_LESSON = 'guessing-a-weight';

// A fresh load of the page at `hash` (about:blank first, so that the hash alone is not a mere
// in-page navigation), waiting for the first frames.
async function load(page, hash = '') {
  await page.goto('about:blank');
  await page.goto(session.server.url + (hash ? `#${hash}` : ''));
  return waitForState(page, (s) => s.frame > 5);
}

const forgetVisits = (page) => page.evaluate(() => localStorage.clear());
const navRect = (page) => page.evaluate(() => window.lab.navRect());
const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const inside = (p, r) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;

test('a first visit shows the card; "Start the course" (by keyboard) opens lesson 1; a reload does not show it again', async () => {
  const { page } = session;
  await load(page);
  await forgetVisits(page);
  let s = await load(page);
  assert.equal(s.welcome, true, 'a first visit is offered the card');
  const start = await rectOf(page, 'Start the course');
  await rectOf(page, 'Free lab');
  assert.equal(s.lesson.id, null);

  // The keyboard reaches the buttons: Tab into the canvas, the arrow keys to the button, Space.
  await page.focus('#canvas');
  for (let k = 0; k < 6; k++) {
    const at = await navRect(page);
    if (at && inside(centre(at), start)) break;
    await page.keyboard.press(at && centre(at).x > start.x + start.w ? 'ArrowLeft' : 'ArrowDown');
    await nextFrames(page, 2);
  }
  assert.ok(inside(centre(await navRect(page)), start), 'the focus is on "Start the course"');
  await page.keyboard.press('Space');
  s = await waitForState(page, (x) => x.lesson.id !== null);
  assert.deepEqual([s.lesson.id, s.lesson.step, s.welcome], [FIRST_LESSON, 0, false]);
  assert.equal(s.running, false, 'Space chose the course and did not start training');

  s = await load(page);
  assert.equal(s.welcome, false, 'a dismissed card stays dismissed');
  assert.equal(await page.evaluate(() => window.lab.itemRect('Start the course')), null);
});

test('welcome=0 in the link never shows the card, and does not dismiss it for later visits', async () => {
  const { page } = session;
  await forgetVisits(page);
  let s = await load(page, 'welcome=0');
  const first = s.frame;
  s = await waitForState(page, (x) => x.frame > first + 10);
  assert.equal(s.welcome, false);
  assert.equal(await page.evaluate(() => window.lab.itemRect('Start the course')), null);
  assert.match(await page.evaluate(() => location.hash), /welcome=0/, 'the page keeps the key in its link');
  s = await load(page);
  assert.equal(s.welcome, true, 'without the key, the first visit is still to come');
});

test('the DOM layer offers the card\'s buttons to screen readers and the keyboard', async () => {
  const { page } = session;
  let s = await state(page);
  assert.equal(s.welcome, true, 'the card from the last test is still up');
  await page.waitForSelector('#a11y-welcome:not([hidden])', { state: 'attached' });
  await page.focus('#a11y-free-lab');
  await page.keyboard.press('Enter');
  s = await waitForState(page, (x) => !x.welcome);
  assert.equal(s.lesson.id, null);
  await page.waitForSelector('#a11y-welcome[hidden]', { state: 'attached' });
  await forgetVisits(page);
});

// "Within 3 s" is counted in the lab's frames: 3 s at 30 fps, the rate the steady frame pacer falls
// back to on a slow display, is 90 frames. Wall-clock time depends on the machine (headless
// SwiftShader on a busy CPU draws 15 fps or fewer), so it is printed, not asserted.
const PLAY_FRAMES = 90;

test('"Free lab" opens the default lab, whose training loss halves within 3 s of Play', async () => {
  const { page, errors } = session;
  let s = await load(page);
  assert.equal(s.welcome, true);
  await click(page, 'Free lab');
  s = await waitForState(page, (x) => !x.welcome);
  assert.equal(s.lesson.id, null);
  assert.equal(s.iteration, 0);
  const before = s.loss_train;

  // Play pressed like click(), counted from the release (the frame that handles it starts training).
  const play = await rectOf(page, 'Play');
  await page.mouse.move(play.x + play.w / 2, play.y + play.h / 2);
  await nextFrames(page);
  await page.mouse.down();
  await nextFrames(page, 1);
  const released = { at: Date.now(), frame: (await state(page)).frame };
  await page.mouse.up();
  s = await waitForState(page, (x) => x.loss_train <= before / 2, 60000);
  const frames = s.frame - released.frame;
  const seconds = (Date.now() - released.at) / 1000;
  console.log(`loss ${before.toFixed(4)} → ${s.loss_train.toFixed(4)} after ${s.iteration} iterations ` +
              `in ${frames} frames, ${seconds.toFixed(2)} s (${s.fps.toFixed(0)} fps)`);
  assert.ok(frames <= PLAY_FRAMES, `the loss halved only after ${frames} frames`);
  assert.deepEqual(errors, []);
});
