// bplab-lab --check-lessons FILE… (web/platform/check_lessons.h): the lab's own lesson parser run
// over files a teacher wrote, without a window. The shipped lessons pass; a broken file, a missing
// one and a repeated id are each one line naming the file and the place, with exit code 1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { tempDir } from './helpers.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const lab = path.join(process.env.BPLAB_NATIVE_BUILD ?? path.join(root, 'build/native'), 'web/bplab-lab');
const shipped = path.join(root, 'assets/lessons');

// No DISPLAY: the check must not need one.
function check(files) {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const r = spawnSync(lab, ['--check-lessons', ...files], { encoding: 'utf8', timeout: 60000, env });
  if (r.error) throw new Error(`cannot run ${lab}: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('every shipped lesson passes', () => {
  const files = fs.readdirSync(shipped).filter((f) => f.endsWith('.json')).map((f) => path.join(shipped, f));
  assert.ok(files.length >= 11);
  const r = check(files);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.trim().split('\n').length, files.length);
  assert.match(r.stdout, /07-momentum\.json: ok \(lesson momentum, 5 steps\)/);
});

test('a broken, a missing and a repeated lesson are each reported with file and place', () => {
  const dir = tempDir();
  const broken = path.join(dir, 'my-lesson.json');
  const lesson = JSON.parse(fs.readFileSync(path.join(shipped, '07-momentum.json'), 'utf8'));
  lesson.id = 'my-lesson';
  lesson.steps[1].task.condition = 'momentum >=';
  fs.writeFileSync(broken, JSON.stringify(lesson));
  const missing = path.join(dir, 'absent.json');
  const momentum = path.join(shipped, '07-momentum.json');
  const r = check([broken, missing, momentum, momentum]);
  assert.equal(r.code, 1);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 3, r.stderr);
  assert.match(lines[0], new RegExp(`^${broken}: steps\\[1\\]\\.task\\.condition: position \\d+: `));
  assert.match(lines[1], new RegExp(`^${missing}: cannot open file`));
  assert.match(lines[2], /07-momentum\.json: id: "momentum" is already used/);
  assert.equal(r.stdout.trim().split('\n').length, 1, 'only the first momentum file is good');
});

test('no file is a usage error', () => {
  const r = check([]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /usage: bplab-lab --check-lessons/);
});

test("the lab's usage names --check-lessons", () => {
  const r = spawnSync(lab, ['--no-such-flag', 'x'], { encoding: 'utf8', timeout: 60000 });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage: bplab-lab \[--frames N\]/);
  assert.match(r.stderr, /bplab-lab --check-lessons FILE\.json/);
});
