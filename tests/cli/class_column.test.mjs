// bplab grad, train and landscape read a data file with a class column (x1,x2,class): for a model
// of K softmax outputs the classes become K one-hot targets, for one output the class is the
// target; every command's output then equals its output on the same data written as targets.
// Bad classes are refused with the file, line and column.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { eachVariant, model, run, stderrLines, tempDir, writeCsv, writeJson } from './helpers.mjs';

const dir = tempDir();
const points = [[0.1, 0.9, 0], [-0.5, 0.2, 1], [0.7, -0.3, 2], [0.0, 0.0, 1], [-0.8, -0.6, 0], [0.4, 0.5, 2]];

function writeClasses(name, rows) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ['x1,x2,class', ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return file;
}
const oneHot = (rows, k) => rows.map(([x1, x2, c]) => [x1, x2, ...Array.from({ length: k }, (_, j) => (j === c ? 1 : 0))]);

const softmax3 = writeJson(dir, 'softmax3.json', model([2, [3, 'tanh'], [3, 'softmax']],
  [[[0.3, -0.2], [0.5, 0.1], [-0.4, 0.6]], [[0.2, -0.7, 0.4], [0.9, 0.3, -0.5], [-0.1, 0.8, 0.6]]],
  [[0.1, -0.2, 0.05], [0.0, 0.3, -0.1]]));
const sigmoid1 = writeJson(dir, 'sigmoid1.json', model([2, [1, 'sigmoid']], [[[0.6, -0.4]]], [[0.2]]));
const classes3 = writeClasses('classes3.csv', points);
const targets3 = writeCsv(dir, 'targets3.csv', 2, oneHot(points, 3));

function ok(v, args) {
  const r = run(v, args);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

eachVariant('grad, landscape and train read a class column as one-hot targets of a softmax model', (v) => {
  const withLoss = ['--model', softmax3, '--loss', 'ce'];
  assert.equal(ok(v, ['grad', ...withLoss, '--data', classes3]), ok(v, ['grad', ...withLoss, '--data', targets3]));
  const plane = ['landscape', ...withLoss, '--plane', 'w1,w9', '--grid', '5', '--range', '1'];
  assert.equal(ok(v, [...plane, '--data', classes3]), ok(v, [...plane, '--data', targets3]));
  const trained = (data, out) => {
    ok(v, ['train', ...withLoss, '--data', data, '--lr', '0.5', '--epochs', '20', '--out', out]);
    return fs.readFileSync(out, 'utf8');
  };
  assert.equal(trained(classes3, path.join(dir, `c-${v.name}.json`)), trained(targets3, path.join(dir, `t-${v.name}.json`)));
});

eachVariant('a class column missing the last class still gives as many one-hot targets as outputs', (v) => {
  const two = points.filter((p) => p[2] < 2);
  const withLoss = ['grad', '--model', softmax3, '--loss', 'ce'];
  assert.equal(ok(v, [...withLoss, '--data', writeClasses('two-of-three.csv', two)]),
    ok(v, [...withLoss, '--data', writeCsv(dir, 'two-of-three-targets.csv', 2, oneHot(two, 3))]));
});

eachVariant('for one sigmoid output the class 0 or 1 is the target', (v) => {
  const binary = points.map(([x1, x2, c]) => [x1, x2, c % 2]);
  const withLoss = ['grad', '--model', sigmoid1, '--loss', 'bce'];
  assert.equal(ok(v, [...withLoss, '--data', writeClasses('binary.csv', binary)]),
    ok(v, [...withLoss, '--data', writeCsv(dir, 'binary-targets.csv', 2, binary)]));
});

eachVariant('bad classes name the file, line and column and write nothing', (v) => {
  const cases = [
    [softmax3, 'ce', [[0.1, 0.2, 3]], 'line 2, column 3: class 3: at most 3 classes'],
    [sigmoid1, 'bce', [[0.1, 0.2, 0], [0.3, 0.4, 2]], 'line 3, column 3: class 2: at most 2 classes'],
    [softmax3, 'ce', [[0.1, 0.2, -1]], 'line 2, column 3: class -1 is negative'],
    [softmax3, 'ce', [[0.1, 0.2, 1.5]], 'line 2, column 3: class 1.5 is not a whole number'],
  ];
  cases.forEach(([m, loss, rows, message], k) => {
    const file = writeClasses(`bad-${k}.csv`, rows);
    const r = run(v, ['grad', '--model', m, '--loss', loss, '--data', file]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    const lines = stderrLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0].includes(`bad-${k}.csv: ${message}`), lines[0]);
  });
});
