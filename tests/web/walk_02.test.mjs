// Lesson 2 (the neuron) walked through the real UI at 1366×768 (walk.mjs): θ typed, the weight
// dragged until the neuron answers class 1, until y ≥ 0.99 and back to the steepest point, the
// slope y(1 − y) typed from the y the text shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { answer, atLastStep, drag, next, state, walkSession } from './walk.mjs';

const session = walkSession('the-neuron');

test('lesson 2 (the neuron) to its last step through the UI', async () => {
  const { page } = session;
  // θ = x₁·w1 + x₂·w2 + b = 1·0.5 + 1·(−1) + 0.
  await answer(page, '-0.5');
  await next(page, 0);
  await drag(page, 'Weight slider', (s) => (s.sample.output > 0.5 ? 0 : -1));
  await next(page, 1);
  await drag(page, 'Weight slider', (s) => (s.sample.output >= 0.99 ? 0 : -1));
  await next(page, 2);
  const y = (await state(page)).sample.output;
  await answer(page, (y * (1 - y)).toFixed(6));
  await next(page, 3);
  await drag(page, 'Weight slider', (s) => {
    const d = s.sample.output - 0.5;
    return Math.abs(d) < 0.04 ? 0 : Math.sign(d);
  });
  const s = await next(page, 4);
  assert.equal(s.lesson.id, 'the-neuron');
  await atLastStep(page, session.errors);
});
