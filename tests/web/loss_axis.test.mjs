// The loss curve's x axis (Loss panel, "x: iterations | epochs"): a link with lx=epoch opens on
// epochs, the radio buttons switch it through the real UI, and state() and the page's hash follow.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, openLab, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();

const hashOf = (page) => page.evaluate(() => location.hash);

test('lx=epoch opens the loss curve on epochs, and the Loss panel switches it', async () => {
  const { page, errors } = session;
  await openLab(page, session.server.url, 'bs=30&lx=epoch');
  let s = await state(page);
  assert.equal(s.loss_axis, 'epoch', 'the link chose epochs');
  assert.equal(s.batch_size, 30, 'the rest of the link applied too');
  assert.match(s.hash, /&lx=epoch(&|$)/);
  const { markers } = s;

  await click(page, 'x: iterations');
  s = await waitForState(page, (x) => x.loss_axis === 'iteration');
  assert.doesNotMatch(s.hash, /lx=/, 'iterations are the default: the link leaves the key out');
  assert.equal(s.markers, markers, 'the axis is not a hyperparameter: no new marker');

  await click(page, 'x: epochs');
  s = await waitForState(page, (x) => x.loss_axis === 'epoch');
  // The page's link follows the settings on a later frame.
  await page.waitForFunction(() => /[#&]lx=epoch(&|$)/.test(location.hash), null, { timeout: 10000 });
  assert.match(await hashOf(page), /[#&]lx=epoch(&|$)/, 'the page link keeps the choice');
  assert.deepEqual(errors, []);
});
