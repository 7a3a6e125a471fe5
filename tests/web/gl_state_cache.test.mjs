// web/shell/gl_state_cache.js answers getParameter() for the scissor box and the blend state from a
// JavaScript-side copy. These tests compare every answer with the browser's own (uncached) one:
// after sequences of valid and invalid calls on a fresh context, and on the lab's context while
// it draws and trains.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, openLab, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession(({ page, server }) => openLab(page, server.url));

// In the page: [cached, uncached] answers for every cached parameter of gl.
const compareAll = (handle) => session.page.evaluate((gl) => {
  const names = ['SCISSOR_BOX', 'BLEND_SRC_RGB', 'BLEND_DST_RGB', 'BLEND_SRC_ALPHA', 'BLEND_DST_ALPHA',
                 'BLEND_EQUATION_RGB', 'BLEND_EQUATION_ALPHA'];
  const plain = (v) => (ArrayBuffer.isView(v) ? Array.from(v) : v);
  const uncached = WebGL2RenderingContext.prototype.getParameter.uncached;
  return names.map((n) => [n, plain(gl.getParameter(gl[n])), plain(uncached.call(gl, gl[n]))]);
}, handle);

function assertAgree(rows, when) {
  for (const [name, cached, actual] of rows) assert.deepEqual(cached, actual, `${name} ${when}`);
}

test('a fresh context: initial values, then valid and invalid calls', async () => {
  const { page } = session;
  const gl = await page.evaluateHandle(() => document.createElement('canvas').getContext('webgl2'));
  assertAgree(await compareAll(gl), 'initially');
  // Each step is run in the page by its index (the page's CSP forbids eval).
  const steps = [
    'scissor(3, 4, 50, 60)',
    'scissor(-2, 7.9, 10.5, 0)',
    'scissor(1, 1, -5, 5): INVALID_VALUE, ignored',
    'blendFunc(SRC_ALPHA, ONE_MINUS_SRC_ALPHA)',
    'blendFuncSeparate(ONE, ZERO, DST_COLOR, CONSTANT_ALPHA)',
    'blendFunc(0x1234, ONE): INVALID_ENUM, ignored',
    'blendEquation(FUNC_SUBTRACT)',
    'blendEquationSeparate(MAX, FUNC_REVERSE_SUBTRACT)',
    'blendEquationSeparate(FUNC_ADD, 0x9999): INVALID_ENUM, ignored',
  ];
  for (const [k, step] of steps.entries()) {
    await page.evaluate(([g, index]) => {
      [
        () => g.scissor(3, 4, 50, 60),
        () => g.scissor(-2, 7.9, 10.5, 0),
        () => g.scissor(1, 1, -5, 5),
        () => g.blendFunc(g.SRC_ALPHA, g.ONE_MINUS_SRC_ALPHA),
        () => g.blendFuncSeparate(g.ONE, g.ZERO, g.DST_COLOR, g.CONSTANT_ALPHA),
        () => g.blendFunc(0x1234, g.ONE),
        () => g.blendEquation(g.FUNC_SUBTRACT),
        () => g.blendEquationSeparate(g.MAX, g.FUNC_REVERSE_SUBTRACT),
        () => g.blendEquationSeparate(g.FUNC_ADD, 0x9999),
      ][index]();
    }, [gl, k]);
    assertAgree(await compareAll(gl), `after ${step}`);
  }
});

test("the lab's own context agrees while it draws and trains", async () => {
  const { page, errors } = session;
  const lab = await page.evaluateHandle(() => document.getElementById('canvas').getContext('webgl2'));
  assertAgree(await compareAll(lab), 'while idle');
  await click(page, 'Play');
  await waitForState(page, (s) => s.running && s.iteration > 100);
  assertAgree(await compareAll(lab), 'while training');
  await click(page, 'Pause');
  assert.deepEqual(errors, []);
});
