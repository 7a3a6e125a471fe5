// Lesson 3 (errors, batches, epochs) walked through the real UI at 1366×768 (walk.mjs): e and the
// RMSE typed from the numbers the text shows, the loss switched to bce in its menu, the batch size
// dragged to 2 iterations per epoch, Step pressed through one epoch and the updates counted.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { answer, atLastStep, click, drag, next, nextFrames, pick, state, waitForState, walkSession } from './walk.mjs';

const session = walkSession('errors-batches-epochs');

test('lesson 3 (errors, batches, epochs) to its last step through the UI', async () => {
  const { page } = session;
  let s = await state(page);
  await answer(page, (s.sample.output - s.sample.target).toFixed(6));
  s = await next(page, 0);
  await answer(page, Math.sqrt(s.errors.sse / s.samples_train).toFixed(6));
  await next(page, 1);
  await nextFrames(page, 2);
  assert.ok(await page.evaluate(() => window.lab.itemRect('Loss')), 'the Loss menu is drawn');
  await pick(page, 'Loss', 'bce');
  await waitForState(page, (x) => x.loss === 'bce');
  await next(page, 2);
  await drag(page, 'Batch size', (x) => (x.iterations_per_epoch === 2 ? 0 : x.iterations_per_epoch > 2 ? -1 : 1));
  s = await next(page, 3);
  assert.equal(s.batch_size, 250, 'the step sets up batch size 250 again');
  let presses = 0;
  while ((await state(page)).epoch < 1) {
    await click(page, 'Step');
    presses++;
    await waitForState(page, (x) => x.iteration === presses);
  }
  assert.equal(presses, 2);
  await answer(page, String(presses));
  await next(page, 4);
  await atLastStep(page, session.errors);
});
