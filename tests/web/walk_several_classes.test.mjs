// Lesson 10c (several classes) walked through the real UI at 1366×768 (walk.mjs): softmax outputs
// typed before the inspector shows them, blobs3 trained with Play to 95 % accuracy, the confusion
// matrix opened and its off-diagonal sum typed, three class-2 points clicked into class 0's cloud
// with the class picker, and spiral3 trained to 90 %.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { answer, atLastStep, click, next, nextFrames, rectOf, state, train, waitForState, walkSession } from './walk.mjs';

const session = walkSession('several-classes');
// The map shows x₁, x₂ ∈ [−1.2, 1.2] (web/app/boundary_view.cpp kPlaneLo, kPlaneHi), x₂ upwards.
const PLANE_LO = -1.2;
const PLANE_HI = 1.2;

test('lesson 10c (several classes) to its last step through the UI', async () => {
  const { page } = session;
  let s = await state(page);
  assert.equal(s.output_activation, 'softmax');
  assert.equal(s.loss, 'ce');
  // 10c/1: y₁ = e²/(e² + e + e^0.1), typed with the walk at the input.
  await answer(page, '0.659');
  await waitForState(page, (x) => x.lesson.task_done);
  await click(page, 'Next step');
  s = await waitForState(page, (x) => x.inspector.step === 1);
  assert.ok(Math.abs(s.sample.outputs.reduce((a, b) => a + b, 0) - 1) < 1e-12, 'the outputs add up to 1');
  await next(page, 0);
  // 10c/2: y₃ = 1 − y₁ − y₂.
  await answer(page, '0.099');
  await next(page, 1);
  // 10c/3: δ₁ = y₁ − 1.
  await answer(page, '-0.341');
  await waitForState(page, (x) => x.lesson.task_done);
  for (let k = 1; k <= 2; ++k) {
    await click(page, 'Next step');
    await waitForState(page, (x) => x.inspector.step === k);
  }
  s = await state(page);
  assert.ok(Math.abs(s.inspector.dE_dtheta - (s.sample.outputs[0] - 1)) < 1e-12);
  await next(page, 2);
  // 10c/4: three blobs, no hidden layer, Play to 95 %.
  s = await waitForState(page, (x) => x.dataset === 'blobs3' && x.hidden.length === 0);
  // A step's task stays done once met, while accuracy moves on with training: wait for both.
  s = await train(page, (x) => x.lesson.task_done && x.accuracy_train >= 0.95);
  await next(page, 3);
  // 10c/5: open the confusion matrix and type its off-diagonal sum.
  await click(page, 'Confusion matrix (training set)');
  s = await state(page);
  const m = s.confusion;
  const wrong = s.samples_train - m[0] - m[4] - m[8];
  await answer(page, String(wrong));
  s = await next(page, 4);
  // 10c/6: class 2 from the picker, three clicks at class 0's centre (0, 0.55).
  await click(page, 'Class for new points');
  await click(page, 'class 2 (bluish green)');
  const map = await rectOf(page, 'Output map');
  const px = map.x + ((0 - PLANE_LO) / (PLANE_HI - PLANE_LO)) * map.w;
  const py = map.y + ((PLANE_HI - 0.55) / (PLANE_HI - PLANE_LO)) * map.h;
  const before = s.samples_train;
  for (let k = 0; k < 3; ++k) {
    await page.mouse.move(px + 4 * k, py);
    await nextFrames(page);
    await page.mouse.down();
    await nextFrames(page, 1);
    await page.mouse.up();
    await waitForState(page, (x) => x.samples_train === before + k + 1);
  }
  s = await state(page);
  assert.equal(s.dataset, 'custom');
  assert.ok(s.confusion[6] >= 3, `row 2, column 0: ${s.confusion[6]}`);
  await next(page, 5);
  // 10c/7: spirals with two hidden layers, Play to 90 %.
  s = await waitForState(page, (x) => x.dataset === 'spiral3' && x.hidden.length === 2);
  s = await train(page, (x) => x.lesson.task_done && x.accuracy_train >= 0.9, 240000);
  await next(page, 6);
  await atLastStep(page, session.errors);
});
