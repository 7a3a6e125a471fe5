// Lesson 10 (activations and depth) walked through the real UI at 1366×768 (walk.mjs): 30 epochs
// with sigmoid hidden units, tanh and ReLU picked from the Hidden activation menu and trained below
// a loss of 0.05 (at Speed "max", so that the walk stays short), Step epoch on five sigmoid layers,
// then tanh and Step epoch again.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { atLastStep, click, next, pick, train, waitForState, walkSession } from './walk.mjs';

const session = walkSession('activations-and-depth');

test('lesson 10 (activations and depth) to its last step through the UI', async () => {
  const { page } = session;
  await train(page, (s) => s.lesson.task_done);
  await next(page, 0);
  await pick(page, 'Hidden activation', 'tanh');
  await waitForState(page, (s) => s.activation === 'tanh');
  await pick(page, 'Speed', 'max');
  await train(page, (s) => s.lesson.task_done, 120000);
  await next(page, 1);
  await pick(page, 'Hidden activation', 'relu');
  await waitForState(page, (s) => s.activation === 'relu');
  await pick(page, 'Speed', 'max');
  await train(page, (s) => s.lesson.task_done, 120000);
  await next(page, 2);
  await click(page, 'Step epoch');
  let s = await waitForState(page, (x) => x.lesson.task_done);
  assert.ok(s.update_size[0] * 100 < s.update_size[5], `vanishing: ${s.update_size}`);
  await next(page, 3);
  await pick(page, 'Hidden activation', 'tanh');
  await waitForState(page, (x) => x.activation === 'tanh');
  await click(page, 'Step epoch');
  s = await waitForState(page, (x) => x.lesson.task_done);
  assert.ok(s.update_size[0] * 10 > s.update_size[5], `kept: ${s.update_size}`);
  await next(page, 4);
  await atLastStep(page, session.errors);
});
