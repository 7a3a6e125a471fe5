// The smoke checks of a served lab page: it loads without errors and requests only its own files,
// WebGL2 renders the ImGui UI, and a real mouse click on a widget (found through
// window.lab.itemRect) changes the app's state. smoke.test.mjs runs them on the page served by
// scripts/serve_lab.py, bundle.test.mjs on the static bundle under a plain server.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SKIP_WELCOME } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

// Registers the checks for the page that serve() serves (see labSession); returns the session.
export function smokeChecks(serve) {
  let page;
  const requests = [];
  const session = labSession(async (opened) => {
    ({ page } = opened);
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${opened.server.url}#${SKIP_WELCOME}`);
    // The app is up once it has drawn a few frames (ImGui lays out windows over the first frames).
    await page.waitForFunction(() => window.lab.state().frame > 10, null, { timeout: 60000 });
  }, serve);

  test('the page loads without console errors and only requests its own files', () => {
    assert.deepEqual(session.errors, []);
    for (const url of requests)
      assert.ok(url.startsWith(session.server.url), `unexpected request ${url}`);
  });

  test('the canvas has a WebGL2 context and the loading message is gone', async () => {
    const info = await page.evaluate(() => {
      const canvas = document.getElementById('canvas');
      return {
        webgl2: canvas.getContext('webgl2') !== null,
        messageHidden: document.getElementById('message').hidden,
        width: canvas.width,
        height: canvas.height,
      };
    });
    assert.ok(info.webgl2, 'canvas has no WebGL2 context');
    assert.ok(info.messageHidden, 'loading message still shown');
    assert.deepEqual([info.width, info.height], [1280, 800]);
  });

  test('the rendered frame is not blank', async () => {
    // The canvas fills the viewport. (An element screenshot would wait for two equal animation
    // frames first, which can take long when SwiftShader renders the frames on a busy CPU.)
    const png = await page.screenshot();
    const colours = await page.evaluate(async (base64) => {
      // Decoded in the page without fetch(): the CSP allows no data: requests.
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    }, png.toString('base64'));
    // A cleared canvas has 1 colour; anti-aliased text over the dark theme has hundreds.
    assert.ok(colours >= 50, `only ${colours} distinct colours`);
  });

  test('state() reports frames and fps', async () => {
    const state = await page.evaluate(() => window.lab.state());
    assert.ok(state.frame > 10);
    assert.ok(state.fps > 0);
  });

  test('frame() is state().frame, read in the same task', async () => {
    const [frame, stateFrame] = await page.evaluate(() => [window.lab.frame(), window.lab.state().frame]);
    assert.ok(frame > 10);
    assert.equal(frame, stateFrame);
  });

  test('itemRect() is null for an unknown label', async () => {
    assert.equal(await page.evaluate(() => window.lab.itemRect('no such item')), null);
  });

  test('a mouse click on the Play/Pause button toggles training', async () => {
    const before = (await page.evaluate(() => window.lab.state())).running;
    assert.equal(typeof before, 'boolean', 'state().running is missing');
    const label = before ? 'Pause' : 'Play';
    const rect = await page.evaluate((l) => window.lab.itemRect(l), label);
    assert.ok(rect && rect.width > 0 && rect.height > 0, `no rect for ${label}: ${JSON.stringify(rect)}`);
    await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.waitForFunction((was) => window.lab.state().running !== was, before, {
      timeout: 10000,
    });
    assert.equal((await page.evaluate(() => window.lab.state())).running, !before);
  });
  return session;
}
