// Bad input of every kind ends with a non-zero exit code (1: bad file content or an impossible
// computation, 2: bad command line), exactly one line on stderr naming the culprit, nothing on
// stdout, and no --out file created or overwritten. Never a crash or a hang (run() enforces a
// timeout and fails on signals).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { eachVariant, mazur, model, run, stderrLines, tempDir, writeCsv, writeJson } from './helpers.mjs';

const dir = tempDir();
const file = (name, text) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};
// A sparse file one byte over kMaxFileBytes (64 MiB): refused from its size, before reading.
const huge = (name) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, '');
  fs.truncateSync(f, 64 * 1024 * 1024 + 1);
  return f;
};

const goodModel = writeJson(dir, 'good.json', mazur.model);
const goodData = writeCsv(dir, 'good.csv', 2, mazur.rows);
const mazurText = JSON.stringify(mazur.model);
const withLayers = (layers) => JSON.stringify({ format: 'bplab-model', version: 1, layers });

const models = {
  truncated: file('truncated.json', mazurText.slice(0, 60)),
  notJson: file('not-json.json', 'hello'),
  empty: file('empty.json', ''),
  rowCount: writeJson(dir, 'rows.json', { ...mazur.model, weights: [[[0.1, 0.2]], mazur.model.weights[1]] }),
  rowLength: writeJson(dir, 'cols.json', { ...mazur.model, weights: [[[0.1], [0.2]], mazur.model.weights[1]] }),
  biasLength: writeJson(dir, 'bias.json', { ...mazur.model, biases: [[0.35], [0.6, 0.6]] }),
  weightsOnly: writeJson(dir, 'weights-only.json', { ...mazur.model, biases: undefined }),
  stringWeight: file('string.json', mazurText.replace('0.15', '"abc"')),
  overflow: file('overflow.json', mazurText.replace('0.15', '1e999')),
  swish: file('swish.json', withLayers([{ size: 2 }, { size: 2, activation: 'swish' }])),
  hiddenSoftmax: file('hsoftmax.json', withLayers([{ size: 2 }, { size: 3, activation: 'softmax' }, { size: 2, activation: 'sigmoid' }])),
  hugeLayer: file('huge-layer.json', withLayers([{ size: 2 }, { size: 1000000000, activation: 'sigmoid' }, { size: 2, activation: 'sigmoid' }])),
  zeroLayer: file('zero-layer.json', withLayers([{ size: 2 }, { size: 0, activation: 'sigmoid' }, { size: 2, activation: 'sigmoid' }])),
  manyLayers: file('many.json', withLayers([{ size: 2 }, ...Array(100).fill({ size: 2, activation: 'tanh' })])),
  noLayers: file('no-layers.json', JSON.stringify({ format: 'bplab-model', version: 1 })),
  version: file('version.json', mazurText.replace('"version":1', '"version":2')),
  linearOut: writeJson(dir, 'linear.json', model([2, [2, 'linear']])),
  tooBig: huge('too-big.json'),
  missing: path.join(dir, 'missing.json'),
};

const data = {
  short: file('short.csv', 'x1,x2,t1,t2\n0.05,0.10,0.01,0.99\n0.05,0.10,0.01\n'),
  long: file('long.csv', 'x1,x2,t1,t2\n0.05,0.10,0.01,0.99,7\n'),
  text: file('text.csv', 'x1,x2,t1,t2\n0.05,abc,0.01,0.99\n'),
  garbage: file('garbage.csv', 'x1,x2,t1,t2\n0.05,0.1x,0.01,0.99\n'),
  nan: file('nan.csv', 'x1,x2,t1,t2\n0.05,0.10,nan,0.99\n'),
  inf: file('inf.csv', 'x1,x2,t1,t2\n0.05,inf,0.01,0.99\n'),
  overflow: file('overflow.csv', 'x1,x2,t1,t2\n0.05,0.10,1e999,0.99\n'),
  columns: file('columns.csv', 'x1,x2,t1\n0.05,0.10,0.01\n'),
  headerOnly: file('header-only.csv', 'x1,x2,t1,t2\n'),
  empty: file('empty.csv', ''),
  tooBig: huge('too-big.csv'),
  missing: path.join(dir, 'missing.csv'),
  classBeyond: file('class-beyond.csv', 'x1,x2,class\n0.05,0.10,2\n'),
};

// A linear model that gradient descent with a huge step drives to infinity within a few epochs.
const divergeModel = writeJson(dir, 'diverge.json', model([1, [1, 'linear']], [[[1]]], [[0]]));
const divergeData = writeCsv(dir, 'diverge.csv', 1, [[100, 1], [-50, 2]]);

// train's arguments with some flags replaced (value null drops the flag) and extra ones appended.
function trainArgs(out, changes = {}, extra = []) {
  const flags = { model: goodModel, data: goodData, loss: 'half-sse', lr: '0.1', epochs: '2', out, ...changes };
  return ['train', ...Object.entries(flags).filter(([, v]) => v !== null).flatMap(([k, v]) => [`--${k}`, v]), ...extra];
}
const landArgs = (changes = {}) => {
  const flags = { model: goodModel, data: goodData, loss: 'half-sse', plane: 'w1,w5', grid: '3', ...changes };
  return ['landscape', ...Object.entries(flags).filter(([, v]) => v !== null).flatMap(([k, v]) => [`--${k}`, v])];
};
const gradArgs = (changes = {}) => {
  const flags = { model: goodModel, data: goodData, loss: 'half-sse', ...changes };
  return ['grad', ...Object.entries(flags).filter(([, v]) => v !== null).flatMap(([k, v]) => [`--${k}`, v])];
};

// [name, args(out), exit code, text stderr must mention]
const cases = [
  // Model files.
  ['truncated model JSON', (o) => trainArgs(o, { model: models.truncated }), 1, 'truncated.json'],
  ['model not JSON', (o) => trainArgs(o, { model: models.notJson }), 1, 'not-json.json'],
  ['empty model file', (o) => trainArgs(o, { model: models.empty }), 1, 'empty.json'],
  ['weights with too few rows', (o) => trainArgs(o, { model: models.rowCount }), 1, 'weights[0]'],
  ['weights rows too short', (o) => trainArgs(o, { model: models.rowLength }), 1, 'cols.json'],
  ['bias vector too short', (o) => gradArgs({ model: models.biasLength }), 1, 'biases'],
  ['weights without biases', (o) => trainArgs(o, { model: models.weightsOnly }), 1, 'weights-only.json'],
  ['a weight that is a string', (o) => trainArgs(o, { model: models.stringWeight }), 1, 'string.json'],
  ['a weight that overflows (1e999)', (o) => gradArgs({ model: models.overflow }), 1, 'overflow.json'],
  ['unknown activation', (o) => trainArgs(o, { model: models.swish }), 1, 'swish'],
  ['softmax on a hidden layer', (o) => trainArgs(o, { model: models.hiddenSoftmax }), 1, 'hsoftmax.json'],
  ['a layer of 10⁹ units', (o) => trainArgs(o, { model: models.hugeLayer }), 1, 'huge-layer.json'],
  ['a layer of 0 units', (o) => gradArgs({ model: models.zeroLayer }), 1, 'zero-layer.json'],
  ['101 layers', (o) => trainArgs(o, { model: models.manyLayers }), 1, 'many.json'],
  ['no layers', (o) => trainArgs(o, { model: models.noLayers }), 1, 'no-layers.json'],
  ['unsupported version', (o) => trainArgs(o, { model: models.version }), 1, 'version'],
  ['ce without a softmax output', (o) => trainArgs(o, { loss: 'ce' }), 1, 'softmax'],
  ['bce without a sigmoid output', (o) => gradArgs({ model: models.linearOut, loss: 'bce' }), 1, 'sigmoid'],
  ['model file over 64 MiB', (o) => trainArgs(o, { model: models.tooBig }), 1, 'too-big.json'],
  ['missing model file', (o) => trainArgs(o, { model: models.missing }), 1, 'missing.json'],
  // Data files.
  ['CSV row too short', (o) => trainArgs(o, { data: data.short }), 1, 'short.csv: line 3'],
  ['CSV row too long', (o) => trainArgs(o, { data: data.long }), 1, 'long.csv: line 2'],
  ['CSV non-numeric field', (o) => trainArgs(o, { data: data.text }), 1, 'text.csv: line 2'],
  ['CSV trailing garbage 0.1x', (o) => gradArgs({ data: data.garbage }), 1, 'garbage.csv'],
  ['CSV NaN', (o) => trainArgs(o, { data: data.nan }), 1, 'nan.csv'],
  ['CSV infinity', (o) => gradArgs({ data: data.inf }), 1, 'inf.csv'],
  ['CSV overflow 1e999', (o) => trainArgs(o, { data: data.overflow }), 1, 'overflow.csv'],
  ['CSV columns do not match the model', (o) => trainArgs(o, { data: data.columns }), 1, 'columns.csv'],
  ['CSV with a header only', (o) => trainArgs(o, { data: data.headerOnly }), 1, 'header-only.csv'],
  ['empty CSV', (o) => gradArgs({ data: data.empty }), 1, 'empty.csv'],
  ['CSV over 64 MiB', (o) => trainArgs(o, { data: data.tooBig }), 1, 'too-big.csv'],
  ['missing CSV', (o) => trainArgs(o, { data: data.missing }), 1, 'missing.csv'],
  // Training that cannot be done.
  ['training that diverges', (o) => trainArgs(o, { model: divergeModel, data: divergeData, loss: 'mse', lr: '1000', epochs: '200' }), 1, 'diverged'],
  // Output paths that cannot be written.
  ['--log in a missing directory', (o) => trainArgs(o, {}, ['--log', path.join(dir, 'no-such-dir', 'log.csv')]), 1, 'no-such-dir'],
  ['--out in a missing directory', () => trainArgs(path.join(dir, 'no-such-dir', 'out.json')), 1, 'no-such-dir'],
  // Flags.
  ['--batch 0', (o) => trainArgs(o, {}, ['--batch', '0']), 2, '--batch'],
  ['--momentum 1.5', (o) => trainArgs(o, {}, ['--momentum', '1.5']), 2, '--momentum must be in [0, 1), got 1.5'],
  ['--momentum 1', (o) => trainArgs(o, {}, ['--momentum', '1']), 2, '--momentum'],
  ['--momentum -0.1', (o) => trainArgs(o, {}, ['--momentum', '-0.1']), 2, '--momentum'],
  ['--lr abc', (o) => trainArgs(o, { lr: 'abc' }), 2, '--lr'],
  ['--lr 0.1x', (o) => trainArgs(o, { lr: '0.1x' }), 2, '--lr'],
  ['--lr nan', (o) => trainArgs(o, { lr: 'nan' }), 2, '--lr'],
  ['--lr inf', (o) => trainArgs(o, { lr: 'inf' }), 2, '--lr'],
  ['--lr 1e999', (o) => trainArgs(o, { lr: '1e999' }), 2, '--lr'],
  ['--lr 0x10', (o) => trainArgs(o, { lr: '0x10' }), 2, '--lr'],
  ['--lr " 0.1"', (o) => trainArgs(o, { lr: ' 0.1' }), 2, '--lr'],
  ['--lr 0', (o) => trainArgs(o, { lr: '0' }), 2, '--lr'],
  ['--lr -1', (o) => trainArgs(o, { lr: '-1' }), 2, '--lr'],
  ['--lr 2e6', (o) => trainArgs(o, { lr: '2e6' }), 2, '--lr'],
  ['--lr without a value at the end', (o) => [...trainArgs(o, { lr: null }), '--lr'], 2, '--lr needs a value'],
  ['--lr followed by another flag', (o) => [...trainArgs(o, { lr: null }), '--lr', '--momentum', '0.5'], 2, '--lr needs a value'],
  ['--epochs -1', (o) => trainArgs(o, { epochs: '-1' }), 2, '--epochs'],
  ['--epochs 1.5', (o) => trainArgs(o, { epochs: '1.5' }), 2, '--epochs'],
  ['--epochs 1e3', (o) => trainArgs(o, { epochs: '1e3' }), 2, '--epochs'],
  ['--epochs 99999999999999999999', (o) => trainArgs(o, { epochs: '99999999999999999999' }), 2, '--epochs'],
  ['more than 1e9 sample-steps', (o) => trainArgs(o, { epochs: '1000000000', data: divergeData, model: divergeModel }), 2, '--epochs'],
  ['--seed -1', (o) => trainArgs(o, {}, ['--seed', '-1']), 2, '--seed'],
  ['--l2 -1', (o) => trainArgs(o, {}, ['--l2', '-1']), 2, '--l2'],
  ['--l1 nan', (o) => trainArgs(o, {}, ['--l1', 'nan']), 2, '--l1'],
  ['unknown flag', (o) => trainArgs(o, {}, ['--foo', '1']), 2, '--foo'],
  ['stray argument', (o) => trainArgs(o, {}, ['extra']), 2, 'extra'],
  ['a flag given twice', (o) => trainArgs(o, {}, ['--lr', '0.2']), 2, '--lr'],
  ['--lr=0.1 form', (o) => [...trainArgs(o, { lr: null }), '--lr=0.1'], 2, '--lr'],
  ['missing --out', () => trainArgs(null, { out: null }), 2, '--out'],
  ['missing --model', (o) => trainArgs(o, { model: null }), 2, '--model'],
  ['unknown loss', (o) => trainArgs(o, { loss: 'hinge' }), 2, 'hinge'],
  ['grad without --loss', () => gradArgs({ loss: null }), 2, '--loss'],
  ['grad with a train flag', () => [...gradArgs(), '--lr', '0.1'], 2, '--lr'],
  // bench flags.
  ['bench --net ending in 2 outputs', () => ['bench', '--net', '2-8-2'], 2, '--net'],
  ['bench --net 2-x-1', () => ['bench', '--net', '2-x-1'], 2, '--net'],
  ['bench --net 2--1', () => ['bench', '--net', '2--1'], 2, '--net'],
  ['bench --net with 5000 units', () => ['bench', '--net', '2-5000-1'], 2, '--net'],
  ['bench --net with 20 layers', () => ['bench', '--net', ['2', ...Array(18).fill('3'), '1'].join('-')], 2, '--net'],
  ['bench --activation softmax', () => ['bench', '--activation', 'softmax'], 2, 'softmax'],
  ['bench --activation foo', () => ['bench', '--activation', 'foo'], 2, 'foo'],
  ['bench --samples 0', () => ['bench', '--samples', '0'], 2, '--samples'],
  ['bench --samples 2000000', () => ['bench', '--samples', '2000000'], 2, '--samples'],
  ['bench --seconds 0', () => ['bench', '--seconds', '0'], 2, '--seconds'],
  ['bench --seconds 1e9', () => ['bench', '--seconds', '1e9'], 2, '--seconds'],
  ['bench --batch 0', () => ['bench', '--batch', '0'], 2, '--batch'],
  // landscape flags.
  ['landscape --grid 1', () => landArgs({ grid: '1' }), 2, '--grid'],
  ['landscape --grid 1000', () => landArgs({ grid: '1000' }), 2, '--grid'],
  ['landscape --range 0', () => landArgs({ range: '0' }), 2, '--range'],
  ['landscape --range -1', () => landArgs({ range: '-1' }), 2, '--range'],
  ['landscape --range nan', () => landArgs({ range: 'nan' }), 2, '--range'],
  ['landscape without --plane', () => landArgs({ plane: null }), 2, '--plane'],
  ['landscape --plane w1,w99', () => landArgs({ plane: 'w1,w99' }), 1, 'w99'],
  ['landscape --plane w1,w1', () => landArgs({ plane: 'w1,w1' }), 1, "'w1' twice"],
  ['landscape --plane w1', () => landArgs({ plane: 'w1' }), 1, '--plane'],
  ['landscape --plane line without --from', () => landArgs({ plane: 'line' }), 1, '--from'],
  ['landscape --plane line --from a missing file', () => landArgs({ plane: 'line', from: models.missing }), 1, 'missing.json'],
  ['landscape --seed -1', () => landArgs({ plane: 'random', seed: '-1' }), 2, '--seed'],
  ['landscape with a bad data file', () => landArgs({ data: data.short }), 1, 'short.csv'],
  ['landscape --plane saddle', () => landArgs({ plane: 'saddle' }), 1, "--plane must be two parameter names like w1,w5, or hessian, random or line, got 'saddle'"],
  ['landscape --plane w1,w5,w6', () => landArgs({ plane: 'w1,w5,w6' }), 1, "got 'w1,w5,w6'"],
  ['landscape --plane ,', () => landArgs({ plane: ',' }), 1, "--plane: no parameter ''"],
  ['landscape --grid 2.5', () => landArgs({ grid: '2.5' }), 2, '--grid must be a whole number'],
  ['landscape --grid abc', () => landArgs({ grid: 'abc' }), 2, '--grid'],
  ['landscape --range 1e7', () => landArgs({ range: '1e7' }), 2, '--range must be in (0, 1000000]'],
  ['landscape --range inf', () => landArgs({ range: 'inf' }), 2, '--range must be a finite decimal number'],
  ['landscape --l2 -1', () => landArgs({ l2: '-1' }), 2, '--l2 must be >= 0'],
  ['landscape --l1 nan', () => landArgs({ l1: 'nan' }), 2, '--l1'],
  ['landscape --from another architecture', () => landArgs({ plane: 'line', from: models.linearOut }), 1, 'another architecture than --model'],
  ['landscape with a class beyond the outputs', () => landArgs({ data: data.classBeyond }), 1, 'class-beyond.csv: line 2, column 3: class 2'],
];

cases.forEach(([name, args, code, mention], k) => {
  eachVariant(`bad input: ${name}`, (v) => {
    const out = path.join(dir, `out-${v.name}-${k}.json`);
    const r = run(v, args(out));
    assert.equal(r.code, code, `exit code; stderr: ${r.stderr}`);
    const lines = stderrLines(r.stderr);
    assert.equal(lines.length, 1, `one stderr line, got: ${r.stderr}`);
    assert.ok(lines[0].startsWith('bplab '), lines[0]);
    assert.ok(lines[0].includes(mention), `"${lines[0]}" should mention "${mention}"`);
    assert.equal(r.stdout, '');
    assert.ok(!fs.existsSync(out), '--out must not be created');
  });
});

// An existing --out keeps its content when the run fails, whether on a flag, a file or training.
const keepCases = [
  ['a bad flag', (o) => trainArgs(o, { lr: 'abc' })],
  ['a bad data file', (o) => trainArgs(o, { data: data.short })],
  ['divergence', (o) => trainArgs(o, { model: divergeModel, data: divergeData, loss: 'mse', lr: '1000', epochs: '200' })],
];
for (const [name, args] of keepCases) {
  eachVariant(`an existing --out is left alone after ${name}`, (v) => {
    const out = path.join(dir, `keep-${v.name}-${name.replace(/ /g, '-')}.json`);
    fs.writeFileSync(out, 'previous content');
    assert.notEqual(run(v, args(out)).code, 0);
    assert.equal(fs.readFileSync(out, 'utf8'), 'previous content');
    assert.ok(!fs.existsSync(`${out}.tmp`));
  });
}
