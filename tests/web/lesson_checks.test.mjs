// The end-of-lesson checks through the real UI (issue 14: "each answer is checked, an explanation
// follows it, and progress records the result"): lesson 1's last step, its numeric check typed
// wrong and then right, its multiple-choice check clicked wrong and then right. The right answers
// come from the lesson file; the stored progress follows every answer (the latest counts) and
// survives a reload.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { click, nextFrames, openLab, rectOf, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const ID = 'guessing-a-weight';
const lesson = JSON.parse(fs.readFileSync(
  path.resolve(import.meta.dirname, '../../assets/lessons/01-guessing-a-weight.json'), 'utf8'));
const last = lesson.steps.length;  // a link's step counts from 1

const session = labSession(async ({ page, server }) => {
  await openLab(page, server.url, `lesson=${ID}&step=${last}`);
  await waitForState(page, (s) => s.lesson.id === ID && s.lesson.step === last - 1);
});

// The lesson's check results as progress stores them: -1 not answered, 0 wrong, 1 right.
const stored = (page) => page.evaluate((id) =>
  JSON.parse(localStorage.getItem('bplab-progress') || 'null')?.lessons?.[id]?.checks ?? [], ID);

async function waitForChecks(page, want) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const got = await stored(page);
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    if (Date.now() > deadline) assert.deepEqual(got, want);
    await nextFrames(page, 1);
  }
}

// The checks follow the lesson's text in its scrolling area, which ends above the Previous button:
// as a learner does, scroll it with the mouse wheel until the item lies above that.
async function scrollTo(page, label) {
  for (let k = 0; k < 40; ++k) {
    const item = await rectOf(page, label);
    const previous = await rectOf(page, 'Previous');
    if (item.y + item.h <= previous.y) return;
    await page.mouse.move(previous.x + 20, previous.y - 40);
    await page.mouse.wheel(0, 60);
    await nextFrames(page);
  }
  assert.fail(`"${label}" never scrolled into view`);
}

async function clickCheckItem(page, label) {
  await scrollTo(page, label);
  await click(page, label);
}

// The check's number field: click into it, replace its text, then press its Check button.
async function typeCheck(page, k, text) {
  await clickCheckItem(page, `Check ${k} answer`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 20 });
  await nextFrames(page);
  await clickCheckItem(page, `Check ${k}`);
}

test("lesson 1's checks: typed and clicked answers are marked and recorded, the latest counting", async () => {
  const { page } = session;
  const [numeric, choice] = lesson.checks;
  assert.equal(typeof numeric.number, 'number');
  assert.ok(Array.isArray(choice.choices));
  // The panel shows the checks at the last step; nothing answered yet.
  await rectOf(page, 'Check 1 answer');
  assert.deepEqual(await stored(page), []);

  await typeCheck(page, 1, String(numeric.number + 10 * numeric.tolerance + 1));
  await waitForChecks(page, [0, -1]);
  await typeCheck(page, 1, String(numeric.number));
  await waitForChecks(page, [1, -1]);

  const wrong = choice.answer === 0 ? 1 : 0;
  await clickCheckItem(page, `Check 2 choice ${wrong + 1}`);
  await clickCheckItem(page, 'Check 2');
  await waitForChecks(page, [1, 0]);
  await clickCheckItem(page, `Check 2 choice ${choice.answer + 1}`);
  await clickCheckItem(page, 'Check 2');
  await waitForChecks(page, [1, 1]);

  await page.reload();
  await waitForState(page, (s) => s.frame > 5 && s.lesson.id === ID);
  assert.deepEqual(await stored(page), [1, 1], 'the results survive a reload');
  assert.equal((await state(page)).lesson.step, last - 1);
});
