// Several classes in the browser: the 3-class spiral link selects one softmax output per class
// with cross-entropy, trains with the real Play button to ≥ 90 % training accuracy, and the output
// map's pixels at the three arms' ends are each closest to their own class's colour.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, nextFrames, openLab, rectOf, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();

// The set-up tests/ui/test_lab.cpp (Lab.ThreeClassSpiralTrainsToNinetyPercent) checks natively.
const LINK = 'ds=spiral3&noise=0&h=16,16&act=tanh&lr=0.03&mom=0.9&bs=10&speed=0';
// The map shows x₁, x₂ ∈ [−1.2, 1.2] (web/app/boundary_view.cpp kPlaneLo, kPlaneHi).
const PLANE_LO = -1.2;
const PLANE_HI = 1.2;
// lab::kClassColours (web/core/colormap.cpp, Okabe–Ito) and the map's middle colour kColourMid.
const CLASS_COLOURS = [[230, 159, 0], [0, 114, 178], [0, 158, 115]];
const MID = [232, 234, 235];

// Distance from colour c to the segment mid → class colour, along which the map mixes a class's
// colour by its probability (lab::class_colour).
function distanceToClass(c, k) {
  const a = MID;
  const b = CLASS_COLOURS[k];
  const ab = b.map((v, i) => v - a[i]);
  const ac = c.map((v, i) => v - a[i]);
  const s = Math.min(1, Math.max(0, ab.reduce((t, v, i) => t + v * ac[i], 0) / ab.reduce((t, v) => t + v * v, 0)));
  return Math.hypot(...c.map((v, i) => v - (a[i] + s * ab[i])));
}

// The colours of the page's pixels at the given CSS points (decoded in the page: the CSP allows no
// data: requests).
async function pixelsAt(page, points) {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(async ([b64, pts]) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return pts.map(([x, y]) => Array.from(context.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)));
  }, [png, points]);
}

test('a 3-class spiral trains to 90 % accuracy and its map shows each arm in its class colour', async () => {
  const { page, errors } = session;
  await openLab(page, session.server.url, LINK);
  const before = await state(page);
  assert.equal(before.outputs, 3);
  assert.equal(before.output_activation, 'softmax');
  assert.equal(before.loss, 'ce');
  assert.equal(before.confusion.length, 9);

  await click(page, 'Play');
  const started = Date.now();
  const trained = await waitForState(page, (s) => s.accuracy_train >= 0.9 || s.diverged, 60000);
  const seconds = (Date.now() - started) / 1000;
  assert.ok(!trained.diverged, trained.divergence_message);
  console.log(`spiral3: ${trained.accuracy_train} training accuracy after ${trained.iteration} iterations, ${seconds.toFixed(1)} s`);
  await click(page, 'Pause');
  await waitForState(page, (s) => !s.running);
  // The confusion matrix's diagonal is the accuracy.
  const paused = await state(page);
  const total = paused.confusion.reduce((a, b) => a + b, 0);
  assert.equal(total, paused.samples_train);
  assert.ok(Math.abs((paused.confusion[0] + paused.confusion[4] + paused.confusion[8]) / total - paused.accuracy_train) < 1e-12);

  // Paused, the map is drawn in full; the mouse rests on the Pause button, away from the map.
  await nextFrames(page, 4);
  const map = await rectOf(page, 'Output map');
  // Arm k: (x₁, x₂) = s·(sin a, cos a), a = 2.5π s + 2πk/3 (engine/generators.h), its 400/3 points
  // at s = i / 133. Near the end, half-way between two points so that no point covers the pixel.
  const S = 119.5 / 133;
  const ends = [0, 1, 2].map((k) => {
    const a = 2.5 * Math.PI * S + (k * 2 * Math.PI) / 3;
    const [x1, x2] = [S * Math.sin(a), S * Math.cos(a)];
    return [map.x + ((x1 - PLANE_LO) / (PLANE_HI - PLANE_LO)) * map.width,
            map.y + ((PLANE_HI - x2) / (PLANE_HI - PLANE_LO)) * map.height];
  });
  const colours = await pixelsAt(page, ends);
  colours.forEach((c, k) => {
    const d = [0, 1, 2].map((j) => distanceToClass(c, j));
    const closest = d.indexOf(Math.min(...d));
    assert.equal(closest, k, `arm ${k}'s end at (${ends[k].map(Math.round)}) is rgb(${c}), distances ${d.map(Math.round)}`);
  });
  assert.deepEqual(errors, []);
});
