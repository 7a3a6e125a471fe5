// The Graph tab (web/app/graph_view.cpp): opened by a real click, it shows the inspector's selected
// parameter's path to E with the engine's numbers, which equal the inspector's (state().graph
// against state().inspector) for a hidden weight, a bias and an output weight; a click on a Σ node
// expands the paths above a hidden unit.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, nextFrames, openLab, rectOf, typeInto, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();
const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-12, `${what}: graph ${a}, inspector ${b}`);

test("the graph's numbers are the inspector's, for weights and biases", async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'ds=xor&h=2&act=sigmoid&seed=1');
  await click(page, 'Graph');
  await click(page, 'Show all');  // the Graph tab shares the inspector's walk
  let s = await waitForState(page, (x) => x.graph && x.inspector.step > 0);

  // w1: a hidden weight, whose paths to E are summed above its unit.
  assert.equal(s.graph.param, 'w1');
  assert.equal(s.graph.param, s.inspector.weight);
  const [mul, add, f] = s.graph.gates;
  assert.deepEqual(s.graph.gates.map((g) => g.kind), ['multiply', 'add', 'f']);
  close(s.graph.gradient, s.inspector.gradient, '∂E/∂w1');
  close(mul.grad_out, s.inspector.gradient, '× hands down ∂E/∂w1');
  close(mul.value, s.inspector.value * s.inspector.y_input, 'w·y');
  close(add.value, s.inspector.theta, 'θ');
  close(add.grad, s.inspector.dE_dtheta, 'δ');
  close(f.value, s.inspector.y, 'y');
  close(f.grad, s.inspector.dE_dy, '∂E/∂y');
  close(f.local * f.grad, s.inspector.dE_dtheta, 'f′(θ)·∂E/∂y = δ');
  close(s.graph.sum.dE_dy, s.inspector.dE_dy, 'Σ over the paths');

  // Σ above unit 1 of layer 1 fits in the panel at 1280 px, expands on a click and collapses on
  // another.
  const sum = await rectOf(page, 'Σ 1.1');
  const panel = await rectOf(page, 'Graph');
  assert.ok(sum.x > panel.x && sum.x + sum.width < 1280, `Σ at x = ${sum.x}`);
  await click(page, 'Σ 1.1');
  s = await waitForState(page, (x) => x.graph.expanded.length === 1);
  assert.deepEqual(s.graph.expanded, [[1, 0]]);
  await rectOf(page, 'Σ 1.1');
  await click(page, 'Σ 1.1');
  await waitForState(page, (x) => x.graph.expanded.length === 0);

  // The bias b1.1, chosen in the Inspector tab: ∂E/∂b = δ, entering at +.
  await click(page, 'Inspector');
  await click(page, 'Bias b_j');
  s = await waitForState(page, (x) => x.inspector.weight === 'b1.1');
  assert.equal(s.inspector.input, -1);
  await click(page, 'Graph');
  await nextFrames(page);
  s = await waitForState(page, (x) => x.graph.param === 'b1.1');
  assert.deepEqual(s.graph.gates.map((g) => g.kind), ['add', 'f']);
  close(s.graph.gradient, s.inspector.dE_dtheta, '∂E/∂b1.1 = δ');
  close(s.inspector.gradient, s.inspector.dE_dtheta, 'the inspector: ∂E/∂b = δ');
  close(s.graph.gates[0].value, s.inspector.theta, 'θ');

  // An output weight (layer 2, from unit 2): its path ends at the loss.
  await click(page, 'Inspector');
  await click(page, 'Bias b_j');
  await typeInto(page, 'Weight layer', '2');
  await nextFrames(page);
  await typeInto(page, 'From unit i', '2');
  s = await waitForState(page, (x) => x.inspector.layer === 2 && x.inspector.input === 1);
  assert.equal(s.inspector.weight, 'w6', 'From unit i counts from 1 on screen');
  await click(page, 'Graph');
  s = await waitForState(page, (x) => x.graph.param === 'w6');
  close(s.graph.gradient, s.inspector.gradient, '∂E/∂w6');
  close(s.graph.gates[2].grad, s.inspector.dE_dy, '∂E/∂y at the output');
  close(s.graph.loss.value, s.sample.loss, 'E');
  close(s.graph.loss.grad_out, s.inspector.dE_dy, 'E hands down ∂E/∂y');
});
