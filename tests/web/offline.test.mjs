// Offline use (web/shell/service_worker.js): the static bundle, served under a sub-path by a plain
// static server, installs a service worker on the first visit that stores every file of the build
// in one cache named for the build; with the server stopped, a reload still runs the lab. A new
// bundle on the same host gets a new cache, and the old build's cache is deleted once it takes over.
// (The server is stopped rather than Playwright's offline mode, which service workers ignore.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { SKIP_WELCOME } from './lab_page.mjs';
import { labSession, webBuild } from './lab_session.mjs';
import { servePlain } from './plain_static_server.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bplab-offline-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const bundle = path.join(tmp, 'lab');

function writeBundle() {
  execFileSync('bash', [path.join(root, 'scripts/bundle.sh'), bundle], {
    env: { ...process.env, BPLAB_WEB_BUILD: webBuild },
    stdio: 'pipe',
  });
}

const session = labSession(async () => {}, () => {
  writeBundle();
  return servePlain(bundle, 'course/lab/');
});

const pageState = (page) => page.evaluate(() => window.lab?.state()).catch(() => undefined);

async function until(read, predicate, what, timeout = 60000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    if (last !== undefined && predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} never happened: ${JSON.stringify(last)}`);
}

// The page's caches: { name: [file names relative to the bundle] }.
const cacheContents = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const requests = await (await caches.open(name)).keys();
    out[name] = requests.map((r) => r.url.slice(new URL('.', location.href).href.length)).sort();
  }
  return out;
});

const controlled = (page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

test('after a first visit the bundle runs with its server stopped', async () => {
  const { page, errors } = session;
  await page.goto(`${session.server.url}#${SKIP_WELCOME}`);
  await until(() => pageState(page), (s) => s.frame > 3, 'the first load');
  await until(() => controlled(page), (c) => c, 'the service worker taking control');

  const caches = await cacheContents(page);
  const names = Object.keys(caches);
  assert.equal(names.length, 1, JSON.stringify(caches));
  assert.match(names[0], /^backprop-lab-[0-9a-f]{16}$/, 'the cache is named for the build');
  const files = fs.readdirSync(bundle).filter((f) => f !== 'service_worker.js').sort();
  assert.deepEqual(caches[names[0]], files, 'every file of the bundle is stored, together');

  await session.server.stop();
  await page.reload();
  const s = await until(() => pageState(page), (x) => x.frame > 3, 'the offline load');
  await until(() => pageState(page), (x) => x.frame > s.frame + 5, 'frames offline');
  assert.deepEqual(errors, []);
});

test('a new build gets a new cache and the old one is deleted when it takes over', async () => {
  const { page } = session;
  const [old] = Object.keys(await cacheContents(page));
  // The same host again (same port, same sub-path), now serving a bundle with a changed file.
  fs.appendFileSync(path.join(bundle, 'lab_page.js'), '\n// a new build\n');
  execFileSync('cmake', [`-DDIR=${bundle}`, `-DLIST=${path.join(webBuild, 'page_files.txt')}`,
    `-DTEMPLATE=${path.join(root, 'web/shell/service_worker.js')}`,
    '-P', path.join(root, 'web/shell/service_worker.cmake')]);
  session.server = await servePlain(bundle, 'course/lab/', Number(new URL(session.server.url).port));

  // The old build still serves the page; the new worker installs beside it and waits.
  await page.goto(`${session.server.url}#${SKIP_WELCOME}`);
  await until(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting),
    (waiting) => waiting, 'the new worker installing');
  assert.deepEqual(Object.keys(await cacheContents(page)).length, 2, 'both builds are kept while the old runs');
  // With no page of the old build left, the new one takes over and deletes the old cache.
  await page.goto('about:blank');
  await page.goto(`${session.server.url}#${SKIP_WELCOME}`);
  const caches = await until(() => cacheContents(page),
    (c) => Object.keys(c).length === 1 && !(old in c), 'the old cache being replaced');
  const [fresh] = Object.keys(caches);
  assert.match(fresh, /^backprop-lab-[0-9a-f]{16}$/);
  const served = fs.readFileSync(path.join(bundle, 'lab_page.js'), 'utf8');
  assert.equal(await page.evaluate(async (name) =>
    (await (await caches.open(name)).match('lab_page.js')).text(), fresh), served,
  'the new cache holds the new build\'s file');
  await until(() => pageState(page), (s) => s.frame > 3, 'the new build running');
});
