// Lesson 7 (momentum) walked through the real UI at 1366×768 (walk.mjs): Play through 40
// iterations of the ravine at μ = 0 and at μ = 0.4 (each step sets μ itself), the Momentum slider
// dragged twice while training (two markers), and 40 iterations at μ = 0.9. The numbers the
// text states are pinned natively (LessonNumbers.L07*) and through the Landscape tab by
// ravine.test.mjs; this walk checks that each task can be done the way its text says.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { atLastStep, click, drag, next, train, waitForState, walkSession } from './walk.mjs';

const session = walkSession('momentum');

test('lesson 7 (momentum) to its last step through the UI', async () => {
  const { page } = session;
  let s = await train(page, (x) => x.lesson.task_done);
  assert.equal(s.momentum, 0);
  assert.equal(s.landscape.mode, 'hessian', 'the step shows the ravine on the Hessian plane');
  s = await next(page, 0);
  assert.equal(s.momentum, 0.4, 'the step sets μ = 0.4 up');
  await train(page, (x) => x.lesson.task_done);
  s = await next(page, 1);
  await click(page, 'Play');
  await waitForState(page, (x) => x.running);
  await drag(page, 'Momentum', (x) => (x.momentum < 0.1 ? -1 : x.momentum > 0.25 ? 1 : 0));
  await drag(page, 'Momentum', (x) => (x.momentum < 0.5 ? -1 : x.momentum > 0.8 ? 1 : 0));
  s = await waitForState(page, (x) => x.lesson.task_done);
  assert.ok(s.markers >= 2, `${s.markers} markers`);
  await click(page, 'Pause');
  s = await next(page, 2);
  assert.equal(s.momentum, 0.9, 'the step sets μ = 0.9 up');
  await train(page, (x) => x.lesson.task_done);
  await next(page, 3);
  await atLastStep(page, session.errors);
});
