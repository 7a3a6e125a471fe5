// The output map's WebGL2 shader against the engine in the browser: bplab_boundary_check (web/platform/
// web_bridge.cpp) evaluates the lab's network through the same shader and compares it with the
// engine on a grid of points. tests/native/boundary_shader_test.cpp does the same natively for
// every activation.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openLab } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();

const check = (page, grid) =>
  page.evaluate((g) => JSON.parse(Module.ccall('bplab_boundary_check', 'string', ['number'], [g])), grid);

test('the shader matches the engine for the default lab and a deeper network over every feature', async () => {
  const { page, server } = session;
  for (const hash of ['', 'ds=spiral&h=8,6,4&act=relu&f=x1,x2,x1^2,x2^2,x1x2,sin_x1,sin_x2']) {
    await openLab(page, server.url, hash);
    const result = await check(page, 9);
    assert.deepEqual({ points: result.points, ok: result.ok }, { points: 81, ok: true }, `#${hash}: ${JSON.stringify(result)}`);
  }
  assert.deepEqual(session.errors, []);
});
