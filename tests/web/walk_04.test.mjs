// Lesson 4 (gradient descent) walked through the real UI at 1366×768 (walk.mjs): w dragged to the
// bottom of the error curve, the slope and the next w typed from the numbers the text shows, Step,
// Play down to the minimum, and η = 1/E″ typed into the Learning rate slider (Ctrl+click) for the
// one step that lands on the minimum.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { answer, atLastStep, click, drag, next, state, train, typeInto, waitForState, walkSession } from './walk.mjs';

const session = walkSession('gradient-descent');
// E″ = mean(x²) over x = −1, −0.5, 0.5, 1, as the text gives it.
const CURVATURE = 0.625;

test('lesson 4 (gradient descent) to its last step through the UI', async () => {
  const { page } = session;
  await drag(page, 'Weight slider', (s) =>
    (Math.abs(s.inspector.slope) < 0.05 ? 0 : s.inspector.slope < 0 ? -1 : 1));
  let s = await next(page, 0);
  // dE/dw = (w − 2)·mean(x²) at the w the text shows.
  const slope = (s.inspector.value - 2) * CURVATURE;
  await answer(page, slope.toFixed(6));
  s = await next(page, 1);
  await answer(page, (s.inspector.value - s.learning_rate * slope).toFixed(6));
  await next(page, 2);
  await click(page, 'Step');
  await next(page, 3);
  await train(page, (x) => x.lesson.task_done);
  s = await next(page, 4);
  assert.equal(s.iteration, 0, 'the step starts again from w = −1');
  await typeInto(page, 'Learning rate', String(1 / CURVATURE));
  await waitForState(page, (x) => x.learning_rate === 1.6);
  await click(page, 'Step');
  await next(page, 5);
  await atLastStep(page, session.errors);
});
