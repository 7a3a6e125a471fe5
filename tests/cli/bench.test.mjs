// bplab bench: throughput on a generated spiral, printed as one line of JSON.
import assert from 'node:assert/strict';

import { eachVariant, run } from './helpers.mjs';

eachVariant('bench prints its setup and a positive samples_per_sec', (v) => {
  const r = run(v, ['bench', '--seconds', '0.2']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out),
    ['net', 'activation', 'samples', 'batch', 'seconds', 'iterations', 'samples_per_sec']);
  assert.equal(out.net, '2-8-8-1');
  assert.equal(out.activation, 'tanh');
  assert.equal(out.samples, 500);
  assert.equal(out.batch, 10);
  assert.ok(out.seconds >= 0.2 && out.seconds < 5, `seconds ${out.seconds}`);
  assert.ok(out.iterations > 0);
  assert.ok(out.samples_per_sec > 0);
  // Every iteration here is a full batch of 10 (500 is a multiple of 10).
  assert.ok(Math.abs(out.samples_per_sec * out.seconds - 10 * out.iterations) < 1e-6 * out.iterations);
});

eachVariant('bench takes its flags, and a batch over --samples means all samples', (v) => {
  const r = run(v, ['bench', '--net', '2-5-1', '--activation', 'relu', '--samples', '64',
    '--batch', '100', '--seconds', '0.1']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.net, '2-5-1');
  assert.equal(out.activation, 'relu');
  assert.equal(out.samples, 64);
  assert.equal(out.batch, 64);
  assert.ok(out.samples_per_sec > 0);
});
