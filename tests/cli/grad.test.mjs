// bplab grad: the loss and gradient of a whole data file as one batch.
import assert from 'node:assert/strict';

import { eachVariant, mazur, model, run, tempDir, writeCsv, writeJson } from './helpers.mjs';
import { flat, numericalGradient } from './reference.mjs';

const dir = tempDir();

function grad(v, m, rows, loss) {
  const nInputs = m.layers[0].size;
  const r = run(v, ['grad', '--model', writeJson(dir, `${v.name}-m.json`, m),
    '--data', writeCsv(dir, `${v.name}-d.csv`, nInputs, rows), '--loss', loss]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout);
}

// |a − n| ≤ 1e-7 + 1e-6·|n|: central differences with h = 1e-6 are good to about 1e-9 here.
function assertClose(analytic, numerical) {
  const a = flat(analytic), n = flat(numerical);
  assert.equal(a.length, n.length);
  a.forEach((x, k) => assert.ok(Math.abs(x - n[k]) <= 1e-7 + 1e-6 * Math.abs(n[k]),
    `parameter ${k}: bplab ${x}, central difference ${n[k]}`));
}

eachVariant('grad reproduces the Mazur worked example', (v) => {
  const out = grad(v, mazur.model, mazur.rows, 'half-sse');
  assert.deepEqual(Object.keys(out), ['loss', 'weights_grad', 'biases_grad', 'by_name']);
  assert.ok(Math.abs(out.loss - 0.298371109) < 1e-9, `loss ${out.loss}`);
  assert.ok(Math.abs(out.weights_grad[1][0][0] - 0.082167041) < 1e-9);
  // Shapes as in the model file: weights_grad[l][j][i], biases_grad[l][j].
  assert.deepEqual(out.weights_grad.map((W) => W.map((r) => r.length)), [[2, 2], [2, 2]]);
  assert.deepEqual(out.biases_grad.map((b) => b.length), [2, 2]);
  // Mazur's names: ∂E/∂w5 = 0.082167041 and ∂E/∂w1 = 0.000438568 in his text.
  assert.ok(Math.abs(out.by_name.w5 - 0.082167041) < 1e-9, `w5 ${out.by_name.w5}`);
  assert.ok(Math.abs(out.by_name.w1 - 0.000438568) < 1e-9, `w1 ${out.by_name.w1}`);
});

eachVariant('grad names every parameter as the lab does, in the order of the parameters', (v) => {
  // 3-4-2: W1 is 4×3 (w1 … w12, row j = unit j of layer 1), then b1.1 … b1.4, W2 2×4 (w13 … w20),
  // b2.1, b2.2.
  const m = model([3, [4, 'tanh'], [2, 'linear']],
    [[[0.1, -0.2, 0.3], [0.4, 0.1, -0.5], [-0.3, 0.2, 0.2], [0.05, -0.1, 0.6]],
      [[0.2, -0.4, 0.1, 0.3], [-0.1, 0.5, 0.2, -0.2]]],
    [[0.1, -0.1, 0.05, 0], [0.2, -0.3]]);
  const out = grad(v, m, [[0.5, -1, 0.25, 1, 0], [-0.3, 0.8, 0.1, 0, 1]], 'half-sse');
  const names = [];
  const values = [];
  let w = 0;
  out.weights_grad.forEach((W, l) => {
    W.forEach((row) => row.forEach((g) => { names.push(`w${++w}`); values.push(g); }));
    out.biases_grad[l].forEach((g, j) => { names.push(`b${l + 1}.${j + 1}`); values.push(g); });
  });
  assert.deepEqual(Object.keys(out.by_name), names);
  assert.deepEqual(Object.values(out.by_name), values);
  assert.equal(out.by_name.w7, out.weights_grad[0][2][0]);
  assert.equal(out.by_name['b1.3'], out.biases_grad[0][2]);
});

eachVariant('grad prints 17 significant digits', (v) => {
  const r = run(v, ['grad', '--model', writeJson(dir, `${v.name}-p.json`, mazur.model),
    '--data', writeCsv(dir, `${v.name}-p.csv`, 2, mazur.rows), '--loss', 'half-sse']);
  assert.match(r.stdout, /"loss": 0\.29837110876000\d{3}[,}]/);
});

const cases = [
  { name: 'Mazur 2-2-2 sigmoid, half-sse', m: mazur.model, rows: mazur.rows, loss: 'half-sse' },
  {
    name: '3-4-3 tanh/softmax, ce over 4 rows',
    m: model([3, [4, 'tanh'], [3, 'softmax']],
      [[[0.1, -0.2, 0.3], [0.4, 0.1, -0.5], [-0.3, 0.2, 0.2], [0.05, -0.1, 0.6]],
        [[0.2, -0.4, 0.1, 0.3], [-0.1, 0.5, 0.2, -0.2], [0.3, 0.1, -0.6, 0.4]]],
      [[0.1, -0.1, 0.05, 0], [0.2, -0.3, 0.1]]),
    rows: [[0.5, -1, 0.25, 1, 0, 0], [-0.3, 0.8, 0.1, 0, 1, 0], [1, 1, -1, 0, 0, 1],
      [0, -0.5, 0.7, 0.2, 0.5, 0.3]],
    loss: 'ce',
  },
  {
    name: '2-3-1 relu/sigmoid, bce over 3 rows',
    m: model([2, [3, 'relu'], [1, 'sigmoid']],
      [[[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]], [[0.7, -0.5, 0.9]]], [[0.1, 0.2, 0.3], [-0.1]]),
    rows: [[1, 0.5, 1], [-0.5, 1, 0], [0.8, -0.9, 1]],
    loss: 'bce',
  },
  {
    name: '2-3-2 sigmoid/linear, mse over 2 rows',
    m: model([2, [3, 'sigmoid'], [2, 'linear']],
      [[[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]], [[0.7, -0.5, 0.9], [0.1, 0.2, -0.3]]],
      [[0.1, 0.2, 0.3], [-0.1, 0.4]]),
    rows: [[1, 0.5, 2, -1], [-0.5, 1, 0.5, 0.25]],
    loss: 'mse',
  },
];

for (const c of cases) {
  eachVariant(`grad matches a JavaScript central difference: ${c.name}`, (v) => {
    const out = grad(v, c.m, c.rows, c.loss);
    const num = numericalGradient(c.m, c.loss, c.rows);
    assertClose(out.weights_grad, num.weights_grad);
    assertClose(out.biases_grad, num.biases_grad);
  });
}
