// Lesson 7's ravine on the Landscape tab's Hessian plane (the link's land=hessian opens it): with η = 1.55 just below
// 2/λmax, plain gradient descent's path turns back on itself at almost every step; with the momentum
// the theory recommends for the ravine's curvatures, μ = ((√κ − 1)/(√κ + 1))² with κ = λmax/λmin
// as the tab reports them (Goh, "Why Momentum Really Works", Distill 2017), it turns back on at
// most half as many steps and ends far lower. Both runs start from the same weights (Reset) and
// take the same number of Step clicks; the reversals are counted on state().landscape.path.
// The same numbers natively: LandscapeSession.Lesson7RavineZigZagsOnTheHessianPlaneAndDistillsMomentumStopsIt.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, nextFrames, openLab, rectOf, typeInto, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();
const RAVINE = 'ds=plane&n=200&noise=0&f=x1,x2,x1^2,x2^2&h=&out=linear&loss=half-sse&lr=1.55&mom=0&bs=100' +
  '&speed=1&land=hessian';
const ITERATIONS = 40;

// Steps of the projected path that turn back against the step before: (Δa, Δb)·(Δa′, Δb′) < 0.
function reversals(path) {
  let n = 0;
  for (let k = 2; k < path.length; ++k) {
    const da = path[k][0] - path[k - 1][0], db = path[k][1] - path[k - 1][1];
    const pa = path[k - 1][0] - path[k - 2][0], pb = path[k - 1][1] - path[k - 2][1];
    if (da * pa + db * pb < 0) ++n;
  }
  return n;
}

// ITERATIONS clicks on Step from iteration 0, the mouse held over the button, each click's
// iteration waited for; then the grid on the last centre.
async function run(page) {
  const r = await rectOf(page, 'Step');
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await nextFrames(page);
  for (let k = 1; k <= ITERATIONS; ++k) {
    await page.mouse.down();
    await nextFrames(page, 1);
    await page.mouse.up();
    await waitForState(page, (s) => s.iteration === k);
  }
  const s = await waitForState(page, (x) => x.landscape.complete && x.landscape.path.length === ITERATIONS + 1);
  assert.equal(s.landscape.mode, 'hessian');
  return { reversals: reversals(s.landscape.path), loss: s.loss_train, path: s.landscape.path };
}

test('in the ravine the path zig-zags at μ = 0 and the theory\'s momentum straightens it', async () => {
  const { page } = session;
  // The link's land= opens the Landscape tab (its grid is computed only while the tab is shown).
  await openLab(page, session.server.url, RAVINE);
  let s = await waitForState(page, (x) => x.landscape.complete && x.landscape.lambda_max !== null);
  assert.equal(s.landscape.mode, 'hessian');
  assert.deepEqual(s.landscape.axes, ['λmax direction', 'λmin direction']);
  const kappa = s.landscape.lambda_max / s.landscape.lambda_min;
  const mu = ((Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1)) ** 2;
  assert.ok(Math.abs(mu - 0.4) < 0.01, `κ = ${kappa}, μ = ${mu}`);
  assert.ok(1.55 * s.landscape.lambda_max > 1.9, 'η·λmax near 2: each step overshoots across the valley');

  const plain = await run(page);
  const steps = ITERATIONS - 1;
  assert.deepEqual(plain.path.at(-1), [0, 0], 'the path ends at the centre');
  assert.ok(plain.reversals >= 0.8 * steps, `μ = 0: ${plain.reversals} reversals of ${steps} steps`);

  await click(page, 'Reset');
  s = await waitForState(page, (x) => x.iteration === 0 && x.landscape.path.length === 1);
  await typeInto(page, 'Momentum', mu.toFixed(4));
  await waitForState(page, (x) => Math.abs(x.momentum - mu) < 1e-4);
  const distill = await run(page);
  console.log(`κ = ${kappa.toFixed(2)}, μ = ${mu.toFixed(4)}: reversals ${plain.reversals} → ${distill.reversals}` +
    ` of ${steps}; loss after ${ITERATIONS}: ${plain.loss.toExponential(3)} → ${distill.loss.toExponential(3)}`);
  assert.ok(distill.reversals <= plain.reversals / 2, `μ = ${mu}: ${distill.reversals} reversals`);
  assert.ok(distill.loss * 10 <= plain.loss, `loss ${distill.loss} vs ${plain.loss} at μ = 0`);
});
