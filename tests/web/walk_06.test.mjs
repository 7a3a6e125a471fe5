// Lesson 6 (learning rate) walked through the real UI at 1366×768 (walk.mjs): Play at η = 0.01,
// η dragged into [0.1, 1] and trained to a loss below 0.001, η = 3 typed (Ctrl+click) and trained
// until the training diverges (at Speed 50 / frame rather than the step's 1, so that the walk stays
// short), and Play at η = 10 on a sigmoid output, which does not diverge.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { atLastStep, click, drag, next, pick, rectOf, train, typeInto, waitForState, walkSession } from './walk.mjs';

const session = walkSession('learning-rate');

test('lesson 6 (learning rate) to its last step through the UI', async () => {
  const { page } = session;
  await train(page, (s) => s.lesson.task_done);
  await next(page, 0);
  await drag(page, 'Learning rate', (s) => (s.learning_rate < 0.3 ? -1 : s.learning_rate > 0.7 ? 1 : 0));
  await train(page, (s) => s.lesson.task_done);
  await next(page, 1);
  await typeInto(page, 'Learning rate', '3');
  await waitForState(page, (s) => s.learning_rate === 3);
  await pick(page, 'Speed', '50 / frame');
  await click(page, 'Play');
  let s = await waitForState(page, (x) => x.diverged && x.lesson.task_done);
  assert.equal(s.running, false, 'divergence stops training');
  // The divergence dialog is modal: the learner answers it before going on.
  await rectOf(page, 'Roll back');
  await click(page, 'Reset network');
  s = await next(page, 2);
  assert.equal(s.learning_rate, 10, 'the step sets η = 10 up');
  s = await train(page, (x) => x.lesson.task_done);
  assert.equal(s.diverged, false);
  await next(page, 3);
  await atLastStep(page, session.errors);
});
