// The static bundle (scripts/bundle.sh): written from the web build into a temporary folder and
// served under a sub-path by a plain static server that sets no security header, it passes the
// same smoke checks as the page served by serve_lab.py; its Content-Security-Policy comes from a
// <meta> tag (without frame-ancestors, which a meta policy cannot carry) and is in force; and the
// zip, when `zip` is installed, holds the same folder.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { webBuild } from './lab_session.mjs';
import { servePlain } from './plain_static_server.mjs';
import { smokeChecks } from './smoke_checks.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bplab-bundle-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const bundle = path.join(tmp, 'lab');

const session = smokeChecks(async () => {
  execFileSync('bash', [path.join(root, 'scripts/bundle.sh'), bundle], {
    env: { ...process.env, BPLAB_WEB_BUILD: webBuild },
    stdio: 'pipe',
  });
  return servePlain(bundle, 'course/lab/');
});

test('the policy comes from a meta tag without frame-ancestors, not from a header', async () => {
  const response = await fetch(session.server.url);
  assert.equal(response.headers.get('content-security-policy'), null);
  const html = await response.text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(meta, 'no CSP meta tag');
  assert.match(meta[1], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(meta[1], /frame-ancestors/);
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'the policy comes before any script');
  assert.match(html, /<meta name="referrer" content="no-referrer">/);
});

test('the meta policy is in force: inline script does not run', async () => {
  const { page } = session;
  await page.addScriptTag({ content: 'window.inlineScriptRan = true;' }).catch(() => {});
  assert.equal(await page.evaluate(() => window.inlineScriptRan), undefined);
});

const hasZip = spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;
test('the zip holds the same folder', { skip: !hasZip && 'zip is not installed' }, () => {
  const listing = spawnSync('unzip', ['-Z1', `${bundle}.zip`], { encoding: 'utf8' });
  assert.equal(listing.status, 0, listing.stderr);
  const inZip = listing.stdout.trim().split('\n').filter((f) => !f.endsWith('/')).sort();
  const inFolder = fs.readdirSync(bundle).map((f) => `lab/${f}`).sort();
  assert.deepEqual(inZip, inFolder);
});
