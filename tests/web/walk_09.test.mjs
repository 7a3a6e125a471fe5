// Lesson 9 (hidden layers) walked through the real UI at 1366×768 (walk.mjs): 50 epochs of XOR
// without a hidden layer, then "+ layer" with its neurons dragged to 4 and trained below a loss of
// 0.05, and the same for the circle (the trainings at Speed "max", so that the walk stays short).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { atLastStep, click, drag, next, pick, train, waitForState, walkSession } from './walk.mjs';

const session = walkSession('hidden-layers');

// "+ layer", then the new layer's Neurons slider dragged to 4.
async function addLayerOfFour(page) {
  await click(page, '+ layer');
  await waitForState(page, (s) => s.hidden.length === 1);
  return drag(page, 'Neurons 1', (s) => Math.sign(s.hidden[0] - 4));
}

test('lesson 9 (hidden layers) to its last step through the UI', async () => {
  const { page } = session;
  await pick(page, 'Speed', 'max');
  let s = await train(page, (x) => x.lesson.task_done);
  assert.ok(s.loss_train > 0.1, `a straight line cannot fit XOR: loss ${s.loss_train}`);
  await next(page, 0);
  await addLayerOfFour(page);
  await pick(page, 'Speed', 'max');
  await train(page, (x) => x.lesson.task_done, 120000);
  await next(page, 1);
  await addLayerOfFour(page);
  await pick(page, 'Speed', 'max');
  await train(page, (x) => x.lesson.task_done, 120000);
  await next(page, 2);
  await atLastStep(page, session.errors);
});
