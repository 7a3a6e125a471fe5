// bplab train: the updates, the log, determinism under --seed, and native/wasm agreement.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  eachVariant, mazur, model, native, run, skipReason, tempDir, wasm, writeCsv, writeJson,
} from './helpers.mjs';
import { flat, sgdStep } from './reference.mjs';

const dir = tempDir();
const mazurModel = writeJson(dir, 'mazur.json', mazur.model);
const mazurData = writeCsv(dir, 'mazur.csv', 2, mazur.rows);

// 40 rows of a two-class pattern (class 1 where x₁·x₂ > 0), computed without randomness.
const xorRows = [...Array(40).keys()].map((s) => {
  const x1 = Math.sin(1.3 * s + 0.2), x2 = Math.cos(2.1 * s + 0.7);
  return [x1, x2, x1 * x2 > 0 ? 1 : 0];
});
const xorData = writeCsv(dir, 'xor.csv', 2, xorRows);
// Architecture only: train initialises it (xavier under --seed).
const xorModel = writeJson(dir, 'xor-arch.json', model([2, [4, 'tanh'], [1, 'sigmoid']]));

function train(v, args) {
  const r = run(v, ['train', ...args]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout);
}

function readModel(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function gradLoss(v, modelFile, dataFile, loss) {
  const r = run(v, ['grad', '--model', modelFile, '--data', dataFile, '--loss', loss]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout).loss;
}

function assertModelsClose(got, want, tol, what) {
  const a = flat([got.weights, got.biases]), b = flat([want.weights, want.biases]);
  assert.equal(a.length, b.length);
  a.forEach((x, k) => assert.ok(Math.abs(x - b[k]) <= tol, `${what}: parameter ${k}: ${x} vs ${b[k]}`));
}

const xorArgs = (out, seed, extra = [], epochs = 10) => ['--model', xorModel, '--data', xorData,
  '--loss', 'bce', '--lr', '0.5', '--momentum', '0.9', '--batch', '5', '--epochs', String(epochs),
  '--seed', String(seed), '--out', out, ...extra];

eachVariant('train then grad shows the loss decreased', (v) => {
  const out = path.join(dir, `${v.name}-trained.json`);
  const summary = train(v, ['--model', mazurModel, '--data', mazurData, '--loss', 'half-sse',
    '--lr', '0.5', '--epochs', '20', '--out', out]);
  const before = gradLoss(v, mazurModel, mazurData, 'half-sse');
  const after = gradLoss(v, out, mazurData, 'half-sse');
  assert.ok(after < before - 0.05, `loss ${before} -> ${after}`);
  assert.equal(summary.epochs, 20);
  assert.equal(summary.iterations, 20);
  assert.ok(Math.abs(summary.loss - after) <= 1e-15, `summary ${summary.loss}, grad ${after}`);
});

eachVariant('one full-batch epoch is one gradient step (Mazur, η = 0.5)', (v) => {
  const out = path.join(dir, `${v.name}-step.json`);
  train(v, ['--model', mazurModel, '--data', mazurData, '--loss', 'half-sse', '--lr', '0.5',
    '--epochs', '1', '--out', out]);
  const m = readModel(out);
  // w5 = 0.40 − 0.5 · 0.082167041 (Mazur's updated w5 = 0.35891648).
  assert.ok(Math.abs(m.weights[1][0][0] - 0.35891648) < 1e-8, `w5 ${m.weights[1][0][0]}`);
});

eachVariant('train is deterministic under --seed, and the seed matters', (v) => {
  const a = path.join(dir, `${v.name}-a.json`), b = path.join(dir, `${v.name}-b.json`);
  const c = path.join(dir, `${v.name}-c.json`);
  const logA = path.join(dir, `${v.name}-a.csv`), logB = path.join(dir, `${v.name}-b.csv`);
  train(v, xorArgs(a, 7, ['--log', logA]));
  train(v, xorArgs(b, 7, ['--log', logB]));
  train(v, xorArgs(c, 8));
  assert.equal(fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8'));
  assert.equal(fs.readFileSync(logA, 'utf8'), fs.readFileSync(logB, 'utf8'));
  assert.notEqual(fs.readFileSync(a, 'utf8'), fs.readFileSync(c, 'utf8'));
  // The architecture-only file was initialised: weights exist and are not all zero.
  assert.ok(flat(readModel(a).weights).some((w) => w !== 0));
});

test('native and wasm train to the same weights (1e-9)', { skip: skipReason(wasm) }, () => {
  const n = path.join(dir, 'cross-native.json'), w = path.join(dir, 'cross-wasm.json');
  const sn = train(native, xorArgs(n, 3));
  const sw = train(wasm, xorArgs(w, 3));
  assertModelsClose(readModel(w), readModel(n), 1e-9, 'wasm vs native');
  assert.ok(Math.abs(sn.loss - sw.loss) <= 1e-9);
});

eachVariant('the log has a header and one row per epoch', (v) => {
  const out = path.join(dir, `${v.name}-log.json`), log = path.join(dir, `${v.name}-log.csv`);
  const summary = train(v, xorArgs(out, 1, ['--log', log]));
  const lines = fs.readFileSync(log, 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, 10 + 1);
  assert.equal(lines[0], 'epoch,iterations,loss');
  lines.slice(1).forEach((line, e) => {
    const [epoch, iterations, loss] = line.split(',').map(Number);
    assert.equal(epoch, e + 1);
    assert.equal(iterations, (e + 1) * 8);  // 40 rows in batches of 5
    assert.ok(Number.isFinite(loss) && loss > 0);
  });
  assert.equal(Number(lines[10].split(',')[2]), summary.loss);
  // The global error after the last epoch is the mean loss grad reports for the trained model.
  assert.ok(Math.abs(gradLoss(v, out, xorData, 'bce') - summary.loss) <= 1e-15);
});

eachVariant('--epochs 0 writes the (initialised) model and a header-only log', (v) => {
  const out = path.join(dir, `${v.name}-e0.json`), log = path.join(dir, `${v.name}-e0.csv`);
  const summary = train(v, xorArgs(out, 1, ['--log', log], 0));
  assert.equal(summary.iterations, 0);
  assert.equal(fs.readFileSync(log, 'utf8'), 'epoch,iterations,loss\n');
  assert.ok(fs.existsSync(out));
});

// Three rows in file order, one row per update: three SGD steps computed in JavaScript.
const orderRows = [[0.5, -1, 0.2, 0.9], [-0.3, 0.8, 0.7, 0.1], [1, 0.4, 0.4, 0.6]];
const orderData = writeCsv(dir, 'order.csv', 2, orderRows);
const orderModel = writeJson(dir, 'order.json', mazur.model);

eachVariant('--no-shuffle --batch 1 takes the rows in file order', (v) => {
  const out = path.join(dir, `${v.name}-order.json`);
  train(v, ['--model', orderModel, '--data', orderData, '--loss', 'half-sse', '--lr', '0.8',
    '--batch', '1', '--epochs', '1', '--no-shuffle', '--out', out]);
  let m = mazur.model;
  for (const row of orderRows) m = sgdStep(m, 'half-sse', [row], { lr: 0.8 }).model;
  assertModelsClose(readModel(out), m, 1e-8, 'file-order SGD');
  // With weights given, the seed has nothing left to change.
  const other = path.join(dir, `${v.name}-order-seed.json`);
  train(v, ['--model', orderModel, '--data', orderData, '--loss', 'half-sse', '--lr', '0.8',
    '--batch', '1', '--epochs', '1', '--no-shuffle', '--seed', '99', '--out', other]);
  assert.equal(fs.readFileSync(other, 'utf8'), fs.readFileSync(out, 'utf8'));
});

eachVariant('momentum, L1 and L2 follow v = μv − η(g + λ₂w + λ₁sign w), w = w + v', (v) => {
  const out = path.join(dir, `${v.name}-reg.json`);
  const h = { lr: 0.4, momentum: 0.7, l1: 0.01, l2: 0.05 };
  train(v, ['--model', orderModel, '--data', orderData, '--loss', 'half-sse', '--lr', '0.4',
    '--momentum', '0.7', '--l1', '0.01', '--l2', '0.05', '--epochs', '3', '--out', out]);
  let s = { model: mazur.model, velocity: null };
  for (let e = 0; e < 3; ++e) s = sgdStep(s.model, 'half-sse', orderRows, h, s.velocity);
  assertModelsClose(readModel(out), s.model, 1e-8, 'momentum + penalties');
});

eachVariant('--batch larger than the file means the whole file', (v) => {
  const a = path.join(dir, `${v.name}-whole.json`), b = path.join(dir, `${v.name}-huge.json`);
  const common = ['--model', orderModel, '--data', orderData, '--loss', 'mse', '--lr', '0.3',
    '--epochs', '4'];
  train(v, [...common, '--out', a]);
  train(v, [...common, '--batch', '1000', '--out', b]);
  assert.equal(fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8'));
});

eachVariant('--out may replace the input model', (v) => {
  const m = writeJson(dir, `${v.name}-inplace.json`, mazur.model);
  train(v, ['--model', m, '--data', mazurData, '--loss', 'half-sse', '--lr', '0.5', '--epochs',
    '1', '--out', m]);
  assert.ok(Math.abs(readModel(m).weights[1][0][0] - 0.35891648) < 1e-8);
  assert.ok(!fs.existsSync(`${m}.tmp`));
});
