// bplab landscape: the loss over a plane as CSV a,b,E, against bplab grad's loss of the moved
// model (direct evaluation) and against the closed-form Hessian of a linear model.
import assert from 'node:assert/strict';

import { eachVariant, mazur, model, run, tempDir, writeCsv, writeJson } from './helpers.mjs';

const dir = tempDir();
const mazurModel = writeJson(dir, 'mazur.json', mazur.model);
const mazurData = writeCsv(dir, 'mazur.csv', 2, mazur.rows);

function landscape(v, args) {
  const r = run(v, ['landscape', '--loss', 'half-sse', ...args]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'a,b,E');
  return lines.slice(1).map((l) => l.split(',').map(Number));
}

function gradLoss(v, modelFile, dataFile) {
  const r = run(v, ['grad', '--model', modelFile, '--data', dataFile, '--loss', 'half-sse']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout).loss;
}

const relative = (x, ref) => Math.abs(x - ref) / Math.abs(ref);

eachVariant('landscape over w1,w5 equals the loss of the moved model', (v) => {
  const rows = landscape(v, ['--model', mazurModel, '--data', mazurData, '--plane', 'w1,w5',
    '--grid', '5', '--range', '2']);
  assert.equal(rows.length, 25);
  // b in the outer loop, a in the inner, both −2, −1, 0, 1, 2.
  assert.deepEqual(rows.slice(0, 5).map((r) => [r[0], r[1]]), [[-2, -2], [-1, -2], [0, -2], [1, -2], [2, -2]]);
  const centre = rows[12];
  assert.deepEqual(centre.slice(0, 2), [0, 0]);
  assert.equal(centre[2], gradLoss(v, mazurModel, mazurData));
  for (const k of [0, 7, 19, 24]) {
    const [a, b, e] = rows[k];
    const moved = structuredClone(mazur.model);
    moved.weights[0][0][0] += a;  // w1
    moved.weights[1][0][0] += b;  // w5
    const ref = gradLoss(v, writeJson(dir, `moved-${v.name}-${k}.json`, moved), mazurData);
    assert.ok(relative(e, ref) <= 1e-12, `(${a}, ${b}): landscape ${e}, grad ${ref}`);
  }
});

eachVariant('landscape hessian: a linear model curves by λmax along a and λmin along b', (v) => {
  // y = w·x + b with ½SSE: H = [[⟨x²⟩, ⟨x⟩], [⟨x⟩, 1]] and E is quadratic, so
  // E(1, 0) − 2E(0, 0) + E(−1, 0) = d₁ᵀHd₁ = λmax for the unit eigenvector d₁, and λmin along b.
  const xs = [-1, 0.5, 2, 3];
  const data = writeCsv(dir, 'linear.csv', 1, xs.map((x) => [x, 0.3 * x - 1]));
  const m = writeJson(dir, 'linear.json', model([1, [1, 'linear']], [[[0.2]]], [[0.1]]));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const mxx = xs.reduce((s, x) => s + x * x, 0) / xs.length;
  const half = (mxx + 1) / 2, root = Math.sqrt(half * half - (mxx - mx * mx));
  const rows = landscape(v, ['--model', m, '--data', data, '--plane', 'hessian', '--grid', '3']);
  const e = (col, row) => rows[row * 3 + col][2];
  const along = e(2, 1) - 2 * e(1, 1) + e(0, 1), across = e(1, 2) - 2 * e(1, 1) + e(1, 0);
  assert.ok(Math.abs(along - (half + root)) < 1e-6, `λmax ${along}, closed form ${half + root}`);
  assert.ok(Math.abs(across - (half - root)) < 1e-6, `λmin ${across}, closed form ${half - root}`);
});

eachVariant('landscape random is fixed by its seed and centred on the model', (v) => {
  const args = (seed) => ['--model', mazurModel, '--data', mazurData, '--plane', 'random',
    '--grid', '3', '--seed', seed];
  const first = landscape(v, args('4')), again = landscape(v, args('4')), other = landscape(v, args('5'));
  assert.deepEqual(first, again);
  assert.notDeepEqual(first, other);
  assert.equal(first[4][2], gradLoss(v, mazurModel, mazurData));
  assert.equal(other[4][2], first[4][2]);
});

eachVariant('landscape line runs from the --from model (a = −1) to --model (a = 0)', (v) => {
  const start = structuredClone(mazur.model);
  start.weights[0][1][0] -= 0.5;
  start.biases[1][0] += 0.25;
  const from = writeJson(dir, `from-${v.name}.json`, start);
  const rows = landscape(v, ['--model', mazurModel, '--data', mazurData, '--plane', 'line',
    '--from', from, '--grid', '3']);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows.map((r) => r[1]), [0, 0, 0]);
  assert.ok(relative(rows[0][2], gradLoss(v, from, mazurData)) <= 1e-12);
  assert.equal(rows[1][2], gradLoss(v, mazurModel, mazurData));
});

eachVariant('landscape with --l2 adds (λ₂/2)·Σw² at the centre', (v) => {
  const rows = landscape(v, ['--model', mazurModel, '--data', mazurData, '--plane', 'w1,w5',
    '--grid', '3', '--l2', '0.5']);
  const w2 = mazur.model.weights.flat(2).reduce((s, w) => s + w * w, 0);
  const ref = gradLoss(v, mazurModel, mazurData) + 0.25 * w2;
  assert.ok(relative(rows[4][2], ref) <= 1e-12, `${rows[4][2]} vs ${ref}`);
});

eachVariant('landscape --help lists its flags with range and default', (v) => {
  const r = run(v, ['landscape', '--help']);
  assert.equal(r.code, 0);
  for (const text of ['--plane P', '--grid N', 'Range: [2, 513]. Default: 65', '--range R',
    'Range: (0, 1000000]. Default: 1', '--seed S', '--from M0.json', 'can mislead'])
    assert.ok(r.stdout.includes(text), `help should mention "${text}"`);
});
