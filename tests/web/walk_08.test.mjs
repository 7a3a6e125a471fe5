// Lesson 8 (batch size) walked through the real UI at 1366×768 (walk.mjs): batch size 1 typed
// (Ctrl+click, as the hint says) and trained 2 epochs, the slider dragged to the whole training set
// and trained 300 epochs, then dragged to a mini-batch of 10–50 and trained below a loss of 0.05
// (the long trainings at Speed "max", so that the walk stays short); the full-batch step's set-up
// puts the loss curve on epochs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { atLastStep, drag, next, pick, train, typeInto, waitForState, walkSession } from './walk.mjs';

const session = walkSession('batch-size');

test('lesson 8 (batch size) to its last step through the UI', async () => {
  const { page } = session;
  await typeInto(page, 'Batch size', '1');
  await waitForState(page, (s) => s.batch_size === 1);
  await pick(page, 'Speed', 'max');
  await train(page, (s) => s.lesson.task_done);
  await next(page, 0);
  await waitForState(page, (x) => x.loss_axis === 'epoch', 10000);  // the full-batch set-up's lx=epoch
  await drag(page, 'Batch size', (s) => (s.batch_size >= s.samples_train ? 0 : -1));
  let s = await train(page, (x) => x.lesson.task_done);
  assert.equal(s.iterations_per_epoch, 1, 'a full batch is one update per epoch');
  await next(page, 1);
  await drag(page, 'Batch size', (x) => (x.batch_size < 10 ? -1 : x.batch_size > 50 ? 1 : 0));
  await pick(page, 'Speed', 'max');
  await train(page, (x) => x.lesson.task_done, 120000);
  await next(page, 2);
  await atLastStep(page, session.errors);
});
