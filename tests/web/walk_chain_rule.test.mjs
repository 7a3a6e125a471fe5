// Lesson 4b (the chain rule as a graph) walked through the real UI at 1366×768 (walk.mjs): each
// gradient typed into the answer field before the Graph tab shows it, then the graph's own Next
// step / Show all buttons pressed until it does, and the number read back from state().graph; the
// bias selected with the Inspector tab's checkbox; the Σ node above the hidden unit expanded with a
// click.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { answer, atLastStep, click, next, rectOf, state, waitForState, walkSession } from './walk.mjs';

const session = walkSession('chain-rule');

// Presses the graph's Next step until the shared walk is at `step`.
async function stepTo(page, step) {
  while ((await state(page)).inspector.step < step) {
    const before = (await state(page)).inspector.step;
    await click(page, 'Next step');
    await waitForState(page, (s) => s.inspector.step > before);
  }
  return state(page);
}

// Types a prediction while the graph does not show it yet (the task then holds), then steps the
// walk on to `step`, where the graph shows it; returns that state.
async function predictThenSee(page, text, step) {
  await answer(page, text);
  await waitForState(page, (s) => s.lesson.task_done);
  return stepTo(page, step);
}

test('lesson 4b (the chain rule) to its last step through the UI', async () => {
  const { page } = session;
  // The step shows the Graph tab, not the inspector: the lesson opens it.
  let s = await waitForState(page, (x) => x.graph?.param === 'w1');
  await rectOf(page, 'Graph');
  assert.deepEqual(s.panels, ['controls', 'graph']);
  assert.deepEqual(s.graph.gates.map((g) => g.kind), ['multiply', 'add', 'f']);

  // 4b/1: E = ½(0.5 − 1)², predicted with the walk at the input, then the forward values.
  s = await predictThenSee(page, '0.125', 1);
  assert.equal(s.graph.loss.value, 0.125);
  await next(page, 0);
  // 4b/2: ∂E/∂y = e, typed with the walk still at the input; the goal says not to step yet,
  // because the step that shows ∂E/∂y below f also shows δ, the next question.
  assert.equal((await state(page)).inspector.step, 0, 'the step restarts the walk');
  await answer(page, '-0.5');
  s = await waitForState(page, (x) => x.lesson.task_done);
  assert.equal(s.inspector.step, 0);
  await next(page, 1);
  // 4b/3: δ = ∂E/∂y · f′(θ), then Next step twice: ∂E/∂y below f, f's local factor 0.25, δ below
  // + and ×.
  s = await predictThenSee(page, '-0.125', 2);
  assert.equal(s.graph.gates[2].grad, -0.5);
  assert.equal(s.graph.gates[2].local, 0.25);
  assert.equal(s.graph.gates[1].grad, -0.125);
  assert.equal(s.graph.gates[0].grad, -0.125);
  await next(page, 2);
  // 4b/4: × hands w1 the gradient times the other input, x₁ = 2.
  s = await predictThenSee(page, '-0.25', 4);
  assert.equal(s.graph.gates[0].local, 2);
  assert.equal(s.graph.gradient, -0.25);
  await next(page, 3);
  // 4b/5: the bias, ticked in the Inspector tab; its graph starts at +.
  await click(page, 'Bias b_j');
  await waitForState(page, (x) => x.inspector.weight === 'b1.1');
  await answer(page, '-0.125');
  await waitForState(page, (x) => x.lesson.task_done);
  await click(page, 'Graph');
  s = await waitForState(page, (x) => x.graph.param === 'b1.1');
  assert.deepEqual(s.graph.gates.map((g) => g.kind), ['add', 'f']);
  assert.equal(s.graph.gradient, -0.125);
  await next(page, 4);
  // 4b/6: a hidden unit. Σ above it expands into the output unit's gates; × passes w2·δ_o down.
  s = await waitForState(page, (x) => x.hidden.length === 1 && x.graph.param === 'w1' && x.graph.sum);
  await click(page, 'Σ 1.1');
  await waitForState(page, (x) => x.graph.expanded.length === 1);
  s = await predictThenSee(page, '0.375', 4);
  assert.equal(s.graph.sum.dE_dy, 0.375);
  await next(page, 5);
  // 4b/7: down to w1, then Show all.
  await answer(page, '0.1875');
  await waitForState(page, (x) => x.lesson.task_done);
  await click(page, 'Show all');
  s = await waitForState(page, (x) => x.inspector.step === 9);
  assert.equal(s.graph.gradient, 0.1875);
  await next(page, 6);
  await atLastStep(page, session.errors);
});
