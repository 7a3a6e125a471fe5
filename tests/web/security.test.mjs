// The page under its Content-Security-Policy: served with a policy that forbids eval and inline
// script (WebAssembly compilation is all it allows beyond the page's own files), and the lab still
// loads, trains and draws — with no policy violation and no request to any other origin.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, openLab, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';


const session = labSession();

test('the page is served with a CSP that forbids eval and inline script', async () => {
  const response = await fetch(session.server.url);
  const csp = response.headers.get('content-security-policy');
  assert.ok(csp, 'no Content-Security-Policy header');
  const scripts = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.equal(scripts, "script-src 'self' 'wasm-unsafe-eval'");
  assert.ok(!csp.includes("'unsafe-eval'") && !csp.includes("'unsafe-inline'; script"));
  assert.match(csp, /connect-src 'self'/);
  const html = await response.text();
  assert.ok(!/<script>/.test(html), 'inline <script> in index.html');
  assert.ok(!/ on[a-z]+="/.test(html), 'inline event handler in index.html');
});

test('under that policy the lab loads, trains, and requests nothing but its own files', async () => {
  const { page, errors } = session;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await openLab(page, session.server.url, 'ds=gauss&speed=5');
  await click(page, 'Play');
  await waitForState(page, (s) => s.iteration > 20);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  for (const url of requests) {
    assert.ok(url.startsWith(session.server.url) || url === 'about:blank', `request to ${url}`);
  }
});
