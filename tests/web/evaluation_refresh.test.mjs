// The losses while training are evaluated as often as their cost allows (EvaluationRefresh): for
// the largest set-up the lab allows (1000 points through 6 hidden layers of 16) an evaluation
// costs 0.7–1.2 ms unthrottled on this machine, close to the 0.83 ms (kShare / kMaxHz) below which
// it would run after every frame, so the page runs under 4× CPU throttling (a slow school laptop,
// as in slow_device_bench.mjs), where it costs about 4 ms: it then runs fewer than 60 times a
// second on any machine, and the loss text and the inspector show the state it was made at. Once paused, the losses are those of
// the final weights, and a Step is evaluated at once. state().evaluation reports the rate, the cost
// and the iteration of the last evaluation.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, openLab, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();

const LARGEST = 'ds=spiral&n=1000&f=x1,x2,x1^2,x2^2,x1x2,sin_x1,sin_x2&h=16,16,16,16,16,16';
const MAX_HZ = 60;  // EvaluationRefresh::kMaxHz: a cheap evaluation runs after every frame

test('a costly evaluation runs less often while training, and the paused lab shows its final weights', async () => {
  const { page, server, errors } = session;
  await openLab(page, server.url, LARGEST);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const before = await state(page);
  await click(page, 'Play');
  const training = await waitForState(page, (s) => s.running && s.evaluation.cost_ms > 0 && s.iteration > 100);
  assert.ok(training.evaluation.hz < MAX_HZ,
    `${training.evaluation.hz} evaluations a second at ${training.evaluation.cost_ms} ms each`);
  assert.ok(training.evaluation.iteration <= training.iteration);
  // The inspector's numbers change with the evaluations, not with every iteration.
  const valueAt = new Map();
  for (let frame = 0; frame < 30 || valueAt.size < 3; ++frame) {
    assert.ok(frame < 600, 'the evaluations go on');
    const s = await state(page);
    assert.ok(s.running);
    const seen = valueAt.get(s.evaluation.iteration);
    if (seen !== undefined) assert.equal(s.inspector.value, seen, `evaluated at iteration ${s.evaluation.iteration}`);
    valueAt.set(s.evaluation.iteration, s.inspector.value);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }

  await click(page, 'Pause');
  const paused = await waitForState(page, (s) => !s.running && s.evaluation.iteration === s.iteration);
  assert.ok(paused.iteration > training.evaluation.iteration);
  assert.ok(paused.loss_train < before.loss_train, 'it learned');
  await click(page, 'Step');
  const stepped = await waitForState(page, (s) => s.iteration === paused.iteration + 1);
  assert.equal(stepped.evaluation.iteration, stepped.iteration, 'paused: every change evaluated at once');
  assert.notEqual(stepped.inspector.value, paused.inspector.value);
  assert.deepEqual(errors, []);
});
