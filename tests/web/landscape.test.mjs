// The Landscape tab (web/app/landscape_view.cpp, web/core/landscape_session.cpp): opened by a real
// click on its tab, its grid is centred on the current weights (centre E = loss_train when paused),
// the path records the steps, and a click on the plot away from the centre moves the weights there
// (a new training loss and a marker on the loss curve), after which the grid re-centres.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, nextFrames, openLab, rectOf, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();
const relative = (x, ref) => Math.abs(x - ref) / Math.abs(ref);

test('the landscape is centred on loss_train, follows the steps, and a click moves the weights', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'ds=xor&h=3&seed=3');
  await click(page, 'Landscape');
  let s = await waitForState(page, (x) => x.landscape.complete);
  assert.equal(s.running, false);
  assert.equal(s.landscape.mode, 'names');
  assert.deepEqual(s.landscape.axes, ['w1', 'w2']);
  assert.equal(s.landscape.grid, 33);
  assert.ok(relative(s.landscape.center_loss, s.loss_train) <= 1e-9,
    `centre ${s.landscape.center_loss}, loss_train ${s.loss_train}`);
  assert.ok(s.landscape.min_loss <= s.landscape.center_loss);

  // Three steps: the path gains the new positions, the last one at the new centre (0, 0).
  for (let k = 0; k < 3; ++k) await click(page, 'Step');
  s = await waitForState(page, (x) => x.iteration === 3 && x.landscape.complete && x.landscape.path.length >= 4);
  const last = s.landscape.path.at(-1);
  assert.ok(Math.abs(last[0]) < 1e-12 && Math.abs(last[1]) < 1e-12, `last point ${last}`);
  assert.ok(relative(s.landscape.center_loss, s.loss_train) <= 1e-9);

  // A click at 80 % across and 25 % down: a = 0.6·range, b = 0.5·range.
  const before = s;
  const r = await rectOf(page, 'Landscape plot');
  await page.mouse.move(r.x + 0.8 * r.width, r.y + 0.25 * r.height);
  await nextFrames(page);
  await page.mouse.down();
  await nextFrames(page, 1);
  await page.mouse.up();
  s = await waitForState(page, (x) => x.markers === before.markers + 1);
  assert.notEqual(s.loss_train, before.loss_train, 'the weights moved');
  assert.equal(s.iteration, before.iteration, 'a move is not a training step');
  s = await waitForState(page, (x) => x.landscape.complete &&
    relative(x.landscape.center_loss, x.loss_train) <= 1e-9);
  // The path's last point is the new centre, and the one before it the old one, now at (−a, −b).
  const [pa, pb] = s.landscape.path.at(-2);
  assert.ok(pa < 0 && pb < 0, `the old position lies left of and below the new one: ${pa}, ${pb}`);
});
