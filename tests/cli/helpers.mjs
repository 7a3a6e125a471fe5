// Shared by the bplab CLI tests: locating the two builds, running them, and writing fixtures.
//
// Every case runs against the native binary (BPLAB_NATIVE_BUILD/engine/cli/bplab) and the
// WebAssembly build run by Node (BPLAB_WEB_BUILD/engine/cli/bplab.js). A missing native binary
// fails the tests; a missing bplab.js skips the wasm variants with a message saying where it was
// looked for.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, after } from 'node:test';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nativeBuild = process.env.BPLAB_NATIVE_BUILD || path.join(repoRoot, 'build/native');
const webBuild = process.env.BPLAB_WEB_BUILD || path.join(repoRoot, 'build/web');

export const native = {
  name: 'native',
  file: path.join(nativeBuild, 'engine/cli/bplab'),
  argv: (args) => [path.join(nativeBuild, 'engine/cli/bplab'), args],
};
export const wasm = {
  name: 'wasm',
  file: path.join(webBuild, 'engine/cli/bplab.js'),
  argv: (args) => [process.execPath, [path.join(webBuild, 'engine/cli/bplab.js'), ...args]],
};
export const variants = [native, wasm];

// A skip reason for the wasm variant when its build is absent, false otherwise.
export function skipReason(variant) {
  if (variant === wasm && !fs.existsSync(wasm.file))
    return `wasm build not found at ${wasm.file} (build the web target to run this case)`;
  return false;
}

// Registers one test per variant: `name [native]` and `name [wasm]`.
export function eachVariant(name, fn) {
  for (const v of variants) test(`${name} [${v.name}]`, { skip: skipReason(v) }, () => fn(v));
}

// Runs bplab; a hang fails the test after 60 s instead of blocking the suite.
export function run(variant, args, options = {}) {
  const [cmd, argv] = variant.argv(args);
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60000, ...options });
  if (r.error) throw new Error(`${variant.name}: cannot run ${cmd}: ${r.error.message}`);
  if (r.signal) throw new Error(`${variant.name}: bplab ${args.join(' ')} ended by ${r.signal}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A fresh temporary directory, removed when the test file ends.
export function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bplab-cli-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeJson(dir, name, value) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

// rows: arrays of inputs followed by targets.
export function writeCsv(dir, name, nInputs, rows) {
  const nTargets = rows[0].length - nInputs;
  const header = [...Array(nInputs).keys()].map((i) => `x${i + 1}`)
    .concat([...Array(nTargets).keys()].map((k) => `t${k + 1}`));
  const file = path.join(dir, name);
  fs.writeFileSync(file, [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return file;
}

// layers: [inputSize, [size, activation], ...]; weights and biases optional.
export function model(layers, weights, biases) {
  const m = {
    format: 'bplab-model',
    version: 1,
    layers: layers.map((l, i) => (i === 0 ? { size: l } : { size: l[0], activation: l[1] })),
  };
  if (weights) Object.assign(m, { weights, biases });
  return m;
}

// The classic worked example (Mazur, "A Step by Step Backpropagation Example"): 2-2-2 sigmoid.
export const mazur = {
  model: model([2, [2, 'sigmoid'], [2, 'sigmoid']],
    [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]],
    [[0.35, 0.35], [0.60, 0.60]]),
  rows: [[0.05, 0.10, 0.01, 0.99]],
};

// Assert helper: stderr is exactly one non-empty line.
export function stderrLines(stderr) {
  return stderr.split('\n').filter((l) => l.length > 0);
}
