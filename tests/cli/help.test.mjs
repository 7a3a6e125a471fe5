// bplab --help, bplab CMD --help, and the usage message for a missing or unknown command.
import assert from 'node:assert/strict';

import { eachVariant, run } from './helpers.mjs';

const flagsOf = {
  grad: ['--model', '--data', '--loss'],
  train: ['--model', '--data', '--loss', '--lr', '--momentum', '--batch', '--epochs', '--seed',
    '--no-shuffle', '--l2', '--l1', '--out', '--log'],
  bench: ['--net', '--activation', '--samples', '--batch', '--seconds'],
};

eachVariant('bplab --help lists the commands', (v) => {
  const r = run(v, ['--help']);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  for (const c of Object.keys(flagsOf)) assert.match(r.stdout, new RegExp(`^  ${c} `, 'm'));
});

for (const [command, flags] of Object.entries(flagsOf)) {
  eachVariant(`bplab ${command} --help explains every flag`, (v) => {
    const r = run(v, [command, '--help']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, new RegExp(`^Usage: bplab ${command}`));
    for (const f of flags) assert.match(r.stdout, new RegExp(`^  ${f}\\b`, 'm'), f);
  });
}

eachVariant('train --help states the defaults', (v) => {
  const text = run(v, ['train', '--help']).stdout.replace(/\s+/g, ' ');
  assert.match(text, /--momentum μ Momentum μ\. Range: \[0, 1\)\. Default: 0\./);
  assert.match(text, /--batch B .*Default: the whole file/);
  assert.match(text, /--seed S .*Default: 1\./);
});

eachVariant('bench --help states the defaults', (v) => {
  const text = run(v, ['bench', '--help']).stdout.replace(/\s+/g, ' ');
  for (const d of ['2-8-8-1', 'tanh', '500', '10', '2'])
    assert.ok(text.includes(`Default: ${d}.`), d);
});

eachVariant('--help wins over other flags, even bad ones', (v) => {
  const r = run(v, ['train', '--lr', 'abc', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: bplab train/);
});

eachVariant('no command: usage on stderr, exit 2', (v) => {
  const r = run(v, []);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /Usage: bplab <command>/);
});

eachVariant('unknown command: named, usage on stderr, exit 2', (v) => {
  const r = run(v, ['fly', '--lr', '1']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /unknown command "fly"/);
  assert.match(r.stderr, /Usage: bplab <command>/);
});
