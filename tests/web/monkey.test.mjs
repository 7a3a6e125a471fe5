// Monkey test: a few hundred random clicks, drags, wheel turns and key presses on the real UI for
// a bounded time. Whatever they hit, the page must log no error, keep drawing frames and keep its
// state finite (a divergence is allowed, but must be reported as one).
// scripts/robustness.sh also runs it against a wasm AddressSanitizer build (BPLAB_WEB_BUILD =
// build/web-asan). ASan reports to the console (of whatever message type) and the page may keep
// running, so any console message naming AddressSanitizer fails the test, with those lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, nextFrames, openLab, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const ACTIONS = Number(process.env.BPLAB_MONKEY_ACTIONS ?? 300);
const TIME_LIMIT_MS = Number(process.env.BPLAB_MONKEY_SECONDS ?? 240) * 1000;
const SEED = Number(process.env.BPLAB_MONKEY_SEED ?? 20261128);

// mulberry32: a tiny seeded generator, so a failing run can be replayed with the same seed.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['Space', 'Enter', 'Escape', 'Tab', 'Backspace', 'ArrowLeft', 'ArrowRight', 'ArrowUp',
  'ArrowDown', 'Control+A', 'Control+Z', '1', '0', '.', '-', 'e', '9', 'a', 'Delete', 'Home'];

// Console messages that name AddressSanitizer, from the page's first load on, and for the failure
// message the report around them: the lines from an "ERROR: AddressSanitizer" to its "SUMMARY"
// (the stack), a repeated line counted rather than repeated, at most 200 lines kept.
let asanMessages = 0;
const asanLines = [];
const session = labSession(async ({ page }) => {
  let inReport = false;
  page.on('console', (message) => {
    const text = message.text();
    const named = text.includes('AddressSanitizer');
    if (named) asanMessages++;
    if (named && text.includes('ERROR: AddressSanitizer')) inReport = true;
    if (named || inReport) {
      const line = `[console.${message.type()}] ${text}`;
      const last = asanLines.at(-1);
      if (last?.line === line) last.times++;
      else if (asanLines.length < 200) asanLines.push({ line, times: 1 });
    }
    if (named && text.includes('SUMMARY: AddressSanitizer')) inReport = false;
  });
});

// Fails naming the ASan report if there is one; a failure it supersedes (frames stop coming once
// ASan aborts the program) is appended, so the report is what the failure message leads with.
class AsanReport extends assert.AssertionError {}
function assertNoAsanReport(supersededError) {
  if (asanMessages === 0 || supersededError instanceof AsanReport) return;
  const lines = asanLines.map(({ line, times }) => (times > 1 ? `${line} (${times} times)` : line));
  const after = supersededError ? `\n(the test then failed with: ${supersededError.message})` : '';
  throw new AsanReport({
    message: `AddressSanitizer reported on the page's console (${asanMessages} messages name it):\n` +
      `${lines.join('\n')}${after}`,
  });
}

function checkFinite(s) {
  for (const key of ['epoch', 'iteration', 'learning_rate', 'momentum', 'batch_size', 'fps']) {
    assert.ok(Number.isFinite(s[key]), `state.${key} = ${s[key]}`);
  }
  if (!s.diverged) {
    assert.ok(Number.isFinite(s.loss_train), `loss_train ${s.loss_train} without a divergence`);
  }
}

test(`${ACTIONS} random actions leave the page alive and its state finite`, async () => {
  try {
    await monkey();
  } catch (error) {
    assertNoAsanReport(error);
    throw error;
  }
  assertNoAsanReport();
});

async function monkey() {
  const { page, errors } = session;
  page.on('filechooser', () => {});  // an opened picker is simply left unanswered
  await openLab(page, session.server.url, 'ds=spiral&speed=0');
  // Training runs underneath the monkey, so its changes land on a lab that is learning.
  await click(page, 'Play');
  await waitForState(page, (s) => s.running);
  const random = rng(SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const W = 1280;
  const H = 800;
  const deadline = Date.now() + TIME_LIMIT_MS;
  const counts = { click: 0, right: 0, ctrl: 0, drag: 0, wheel: 0, key: 0 };
  let done = 0;
  while (done < ACTIONS && Date.now() < deadline) {
    const x = random() * W;
    const y = random() * H;
    const kind = random();
    if (kind < 0.35) {
      await page.mouse.click(x, y);
      counts.click++;
    } else if (kind < 0.45) {
      await page.mouse.click(x, y, { button: 'right' });
      counts.right++;
    } else if (kind < 0.55) {
      await page.keyboard.down('Control');
      await page.mouse.click(x, y);
      await page.keyboard.up('Control');
      counts.ctrl++;
    } else if (kind < 0.7) {
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(random() * W, random() * H, { steps: 4 });
      await page.mouse.up();
      counts.drag++;
    } else if (kind < 0.78) {
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, (random() - 0.5) * 600);
      counts.wheel++;
    } else {
      await page.keyboard.press(pick(KEYS));
      counts.key++;
    }
    done++;
    if (done % 25 === 0) {
      const before = (await state(page)).frame;
      await nextFrames(page, 2);
      const s = await state(page);
      assert.ok(s.frame > before, 'frames stopped coming');
      checkFinite(s);
      assertNoAsanReport();
    }
  }
  const end = await state(page);
  checkFinite(end);
  assert.deepEqual(errors, []);
  assert.ok(done >= Math.min(ACTIONS, 100), `only ${done} actions in the time limit`);
  console.log(`monkey: ${done} actions ${JSON.stringify(counts)}, iteration ${end.iteration}, ` +
    `diverged ${end.diverged}, fps ${end.fps.toFixed(1)}`);
}
