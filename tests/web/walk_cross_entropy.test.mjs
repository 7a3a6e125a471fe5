// Lesson 10b (cross-entropy against ½SSE) walked through the real UI at 1366×768 (walk.mjs): δ
// typed before the inspector shows it, for ½SSE and for cross-entropy, and both trained from the
// same saturated start until y passes 0.5: ½SSE with Play, then Pause, cross-entropy with Step,
// one iteration per press. The iteration counts the text states (426 against 7) are pinned
// natively (NewLessons.L10bWalkthroughAndTheIterationsItStates); here the page shows ½SSE needing
// hundreds of iterations and cross-entropy fewer than ten presses of Step.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { answer, atLastStep, click, next, state, train, waitForState, walkSession } from './walk.mjs';

const session = walkSession('cross-entropy');

// The inspector's Next step until ∂E/∂θ of the output layer shows (walk step 2).
async function showDelta(page) {
  for (let k = 1; k <= 2; ++k) {
    await click(page, 'Next step');
    await waitForState(page, (s) => s.inspector.step === k);
  }
  return state(page);
}

test('lesson 10b (cross-entropy) to its last step through the UI', async () => {
  const { page } = session;
  let s = await state(page);
  assert.equal(s.loss, 'half-sse');
  assert.ok(Math.abs(s.sample.output - 0.00247) < 5e-6, `y = ${s.sample.output}`);
  // 10b/1: δ = (y − t)·y(1 − y) with the text's y = 0.00247.
  await answer(page, String((0.00247 - 1) * 0.00247 * (1 - 0.00247)));
  await waitForState(page, (x) => x.lesson.task_done);
  s = await showDelta(page);
  assert.ok(Math.abs(s.inspector.dE_dtheta + 0.00246) < 1e-5, `δ = ${s.inspector.dE_dtheta}`);
  await next(page, 0);
  // 10b/2: Play until y > 0.5.
  s = await train(page, (x) => x.lesson.task_done, 240000);
  assert.ok(s.iteration >= 426, `½SSE passed y = 0.5 after ${s.iteration} iterations`);
  await next(page, 1);
  // 10b/3: the same start with cross-entropy: δ = y − t.
  s = await waitForState(page, (x) => x.loss === 'bce' && x.iteration === 0);
  await answer(page, String(0.00247 - 1));
  await waitForState(page, (x) => x.lesson.task_done);
  s = await showDelta(page);
  assert.ok(Math.abs(s.inspector.dE_dtheta - (s.sample.output - 1)) < 1e-12);
  await next(page, 2);
  // 10b/4: Step, one iteration per press, until y > 0.5: fewer than ten presses (the hint).
  let presses = 0;
  while (!(await state(page)).lesson.task_done) {
    assert.ok(presses < 10, `y = ${(await state(page)).sample.output} after ${presses} presses of Step`);
    const before = (await state(page)).iteration;
    await click(page, 'Step');
    await waitForState(page, (x) => x.iteration > before);
    ++presses;
  }
  s = await state(page);
  assert.ok(s.sample.output > 0.5);
  assert.equal(s.iteration, presses, 'one iteration per press');
  await next(page, 3);
  await atLastStep(page, session.errors);
});
