// The lab embedded in a course page (url_hash.h: embed=1, panels): a host page on another origin
// (another port) shows it in an iframe. Served by serve_lab.py with --frame-ancestors naming the
// host's origin, the frame runs with the chosen panels only; served without it, the browser refuses
// the frame (frame-ancestors 'none').
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';

import { labSession, webBuild } from './lab_session.mjs';
import { serveFolder } from './static_server.mjs';

const EMBED = 'embed=1&panels=boundary,loss_curve&ds=xor';

// The course page: nothing but an iframe of the lab at `labUrl` (set once the lab servers run).
function serveHost(frames) {
  const server = http.createServer((request, response) => {
    const src = frames[new URL(request.url, 'http://host').pathname];
    // Nothing else (the browser's favicon.ico request): an empty answer, not an error.
    if (!src) return response.writeHead(204).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>Course</title><h1>Week 3</h1>
<iframe id="lab" src="${src}" width="900" height="600"></iframe>`);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}/`,
      stop() {
        server.closeAllConnections();
        return new Promise((done) => server.close(done));
      },
    }));
  });
}

const frames = {};
const session = labSession(async () => {}, async () => {
  const host = await serveHost(frames);
  const allowed = await serveFolder(webBuild, ['--frame-ancestors', host.url.replace(/\/$/, '')]);
  const refused = await serveFolder(webBuild);
  frames['/allowed.html'] = `${allowed.url}#${EMBED}`;
  frames['/refused.html'] = `${refused.url}#${EMBED}`;
  return {
    url: host.url,
    async stop() {
      await Promise.all([host.stop(), allowed.stop(), refused.stop()]);
    },
  };
});

// The lab's frame of the host page, once it has one.
async function labFrame(page) {
  const handle = await page.waitForSelector('#lab');
  return handle.contentFrame();
}

async function frameState(frame, predicate, timeout = 60000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await frame.evaluate(() => window.lab?.state()).catch(() => undefined);
    if (last && predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`frame state never satisfied ${predicate}: ${JSON.stringify(last)}`);
}

test('a course page on an allowed origin shows the lab in an iframe with the chosen panels only', async () => {
  const { page, errors } = session;
  await page.goto(`${session.server.url}allowed.html`);
  const frame = await labFrame(page);
  const s = await frameState(frame, (x) => x.frame > 3);
  assert.doesNotMatch(s.notice, /could not be used/);
  assert.equal(s.embed, true);
  assert.deepEqual(s.panels, ['boundary', 'loss_curve']);
  assert.equal(s.dataset, 'xor', 'the link\'s settings apply in the frame');
  const later = await frameState(frame, (x) => x.frame > s.frame + 5);
  assert.ok(later.frames_drawn > 0, 'the frame draws');
  assert.match(await frame.evaluate(() => location.hash), /&embed=1&panels=boundary,loss_curve$/,
    'the frame\'s hash keeps embed and panels for a reload');
  assert.deepEqual(errors, []);
});

test('served without --frame-ancestors the lab refuses to be framed', async () => {
  const { page } = session;
  const refusals = [];
  page.on('console', (m) => {
    if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
  });
  await page.goto(`${session.server.url}refused.html`);
  const frame = await labFrame(page);
  const deadline = Date.now() + 20000;
  while (refusals.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.ok(refusals.length > 0, 'no frame-ancestors refusal was logged');
  assert.equal(await frame.evaluate(() => typeof window.lab).catch(() => 'undefined'), 'undefined',
    'the lab did not load in the frame');
});
