// The panels adapt to the display (web/app/panel_layout.h): wide, narrow, and a tablet in
// landscape and upright at pixel ratio 2. One page, resized through CDP's device metrics (as
// turning a tablet does); at each size the layout the page reports tiles the viewport, and the
// main controls, the views' controls and the Details tabs are drawn whole, inside the viewport
// and inside their own panel (a control wider than its panel would be cut off at its edge).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, openLab, rectOf, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();

const SIZES = [
  { name: 'wide', width: 1280, height: 800, ratio: 1, mode: 'columns' },
  { name: 'narrow', width: 1024, height: 600, ratio: 1, mode: 'columns' },
  { name: 'tablet landscape', width: 1080, height: 810, ratio: 2, mode: 'columns' },
  { name: 'tablet portrait', width: 810, height: 1080, ratio: 2, mode: 'rows' },
];

// The item labels to find, by the panel they belong to.
const ITEMS = {
  controls: ['Play', 'Step', 'Step epoch', 'Reset', 'Speed', 'Steady frame rate', 'Learning rate',
    'Momentum', 'Batch size'],
  view: ['Output map', 'Class for new points'],
  loss: ['Log scale', 'Zoom to recent'],
  details: ['Inspector', 'Graph', 'Weights', 'Landscape', 'Files', 'Lessons', 'Display', 'Keyboard', 'Notation',
    'Sample', 'From unit i', 'Restart'],
};

const PANELS = ['controls', 'view', 'network', 'loss', 'details'];
const within = (r, box, slack = 0.5) =>
  r.x >= box.x - slack && r.y >= box.y - slack &&
  r.x + r.w <= box.x + box.w + slack && r.y + r.h <= box.y + box.h + slack;

// The layout tiles the viewport, in ImGui units (CSS pixels / UI scale): its panels reach the
// right and bottom edges, no further.
function tiles(layout, size, scale = 1) {
  const shown = PANELS.map((p) => layout[p]).filter((r) => r.w > 0 && r.h > 0);
  return shown.length === PANELS.length &&
    Math.max(...shown.map((r) => r.x + r.w)) === Math.round(size.width / scale) &&
    Math.max(...shown.map((r) => r.y + r.h)) === Math.round(size.height / scale);
}

test('every panel and main control is whole and in sight at each required size', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'welcome=0');
  const cdp = await page.context().newCDPSession(page);
  for (const size of SIZES) {
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: size.width, height: size.height, deviceScaleFactor: size.ratio, mobile: false,
    });
    // The font follows the pixel ratio: rasterised again at the new one.
    const s = await waitForState(page, (st) => st.layout && st.layout.mode === size.mode &&
      tiles(st.layout, size) && st.atlas_ratio === size.ratio, 30000);
    const viewport = { x: 0, y: 0, w: size.width, h: size.height };
    for (const panel of PANELS) {
      assert.ok(within(s.layout[panel], viewport), `${size.name}: panel ${panel} ${JSON.stringify(s.layout[panel])}`);
      assert.ok(s.layout[panel].w >= 300, `${size.name}: panel ${panel} is ${s.layout[panel].w} wide`);
    }
    for (const [panel, labels] of Object.entries(ITEMS)) {
      for (const label of labels) {
        const r = await rectOf(page, label);
        assert.ok(within(r, viewport), `${size.name}: "${label}" ${JSON.stringify(r)} leaves the viewport`);
        assert.ok(within(r, s.layout[panel]),
          `${size.name}: "${label}" ${JSON.stringify(r)} is cut off by its panel ${JSON.stringify(s.layout[panel])}`);
      }
    }
    // The canvas has the device's pixels: ratio × its CSS size.
    const canvas = await page.evaluate(() => ({ w: document.getElementById('canvas').width, h: document.getElementById('canvas').height }));
    assert.deepEqual(canvas, { w: size.width * size.ratio, h: size.height * size.ratio }, size.name);
  }
  await cdp.detach();
});

test('the UI scale setting draws the lab larger, sharp, and is kept for the next visit', async () => {
  const { page } = session;
  const cdp = await page.context().newCDPSession(page);
  const size = { width: 1280, height: 800 };
  await cdp.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 1, mobile: false });
  await waitForState(page, (st) => st.atlas_ratio === 1 && tiles(st.layout, size));
  const before = await rectOf(page, 'Play');
  await click(page, 'Display');
  await click(page, 'UI scale');
  await click(page, '150 %');
  // 1280 CSS pixels are 853 units at 150 %: the lab lays itself out for that width, with the font
  // rasterised at 1.5 device pixels per unit.
  const s = await waitForState(page, (st) => st.ui_scale === 1.5 && st.atlas_ratio === 1.5 && tiles(st.layout, size, 1.5));
  assert.equal(s.layout.mode, 'rows');
  const after = await rectOf(page, 'Play');
  // Glyph advances snap to whole device pixels, so the text's width scales to within a few %.
  assert.ok(Math.abs(after.w / before.w - 1.5) < 0.06, `Play ${before.w} → ${after.w} CSS px wide`);
  assert.ok(Math.abs(after.h / before.h - 1.5) < 0.06, `Play ${before.h} → ${after.h} CSS px tall`);
  const viewport = { x: 0, y: 0, w: size.width, h: size.height };
  for (const label of ITEMS.controls) {
    const r = await rectOf(page, label);
    assert.ok(within(r, viewport), `150 %: "${label}" ${JSON.stringify(r)} leaves the viewport`);
  }
  // A click lands where the scaled widget is drawn: Play starts training.
  await click(page, 'Play');
  await waitForState(page, (st) => st.running);
  await click(page, 'Pause');
  // Kept for the next visit.
  await openLab(page, session.server.url, 'welcome=0');
  assert.equal((await state(page)).ui_scale, 1.5);
  await cdp.detach();
});
