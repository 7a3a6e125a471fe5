// The output map while training follows what its redraws cost the GPU (MapRefresh, timed with a
// WebGL timer query): for the largest set-up the lab allows, which SwiftShader evaluates on the
// CPU at many milliseconds a redraw, the map's grid drops below its finest; once the network is
// small again (every hidden layer removed with "- layer"), it comes back. state().output_map
// reports the grid, the refresh rate and the estimated cost of a redraw.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, openLab, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();

const LARGEST = 'ds=spiral&n=1000&f=x1,x2,x1^2,x2^2,x1x2,sin_x1,sin_x2&h=16,16,16,16,16,16';
const FINEST = 128;  // MapRefresh::kMaxGrid

test('the training map drops its resolution when a redraw costs much and comes back when it costs little', async () => {
  const { page, server, errors } = session;
  await openLab(page, server.url, LARGEST);
  await click(page, 'Play');
  const costly = await waitForState(page, (s) => s.running && s.output_map.redraw_ms > 0 && s.output_map.grid < FINEST);
  assert.ok(costly.output_map.hz > 0);

  for (let k = 0; k < 6; ++k) await click(page, '- layer');
  const small = await waitForState(page, (s) => s.hidden.length === 0);
  if (!small.running) await click(page, 'Play');
  const back = await waitForState(page, (s) => s.running && s.output_map.grid === FINEST);
  assert.ok(back.output_map.redraw_ms < costly.output_map.redraw_ms, 'a redraw of the small network is estimated cheaper');
  assert.deepEqual(errors, []);
});
