// The browser build draws only the windows that changed since the last frame (FrameDamage, on a
// canvas that keeps its pixels). These tests show that this leaves nothing stale: the picture
// equals the one a full redraw gives, after training and after a change to one panel; and that
// a paused lab nobody touches draws nothing at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, nextFrames, openLab, rectOf, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();

// A corner of the Details panel where no item reacts to the mouse.
const PARKED = { x: 1275, y: 795 };

// The page as an image; PNG encoding is deterministic, so equal pictures give equal bytes.
async function picture(page) {
  await nextFrames(page, 3);
  return page.screenshot();
}

async function pixelsDiffering(page, a, b) {
  return page.evaluate(async ([pa, pb]) => {
    const decode = async (b64) => {
      // Decoded in the page without fetch(): the CSP allows no data: requests.
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height);
    };
    const [x, y] = [await decode(pa), await decode(pb)];
    let n = 0;
    let box = null;
    for (let i = 0; i < x.data.length; i += 4) {
      if (x.data[i] === y.data[i] && x.data[i + 1] === y.data[i + 1] && x.data[i + 2] === y.data[i + 2]) continue;
      n++;
      const px = (i / 4) % x.width;
      const py = Math.floor(i / 4 / x.width);
      box = box ? [Math.min(box[0], px), Math.min(box[1], py), Math.max(box[2], px), Math.max(box[3], py)] : [px, py, px, py];
    }
    return { n, box };
  }, [a.toString('base64'), b.toString('base64')]);
}

async function assertSameAsFullRedraw(page, when) {
  const partial = await picture(page);
  await page.evaluate(() => window.lab.redrawAll());
  const full = await picture(page);
  if (!partial.equals(full)) {
    const d = await pixelsDiffering(page, partial, full);
    assert.fail(`${when}: ${d.n} pixels differ from a full redraw, within ${JSON.stringify(d.box)}`);
  }
}

test('after training, the picture equals a full redraw', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'ds=spiral&speed=0');
  await click(page, 'Play');
  await waitForState(page, (s) => s.running && s.iteration > 2000);
  await click(page, 'Pause');
  await waitForState(page, (s) => !s.running);
  await page.mouse.move(PARKED.x, PARKED.y);
  await assertSameAsFullRedraw(page, 'paused after training');
});

test('a change to one panel leaves the others as a full redraw draws them', async () => {
  const { page } = session;
  await click(page, 'Log scale');
  await page.mouse.move(PARKED.x, PARKED.y);
  await assertSameAsFullRedraw(page, 'after Log scale');
  await click(page, 'Step');
  await page.mouse.move(PARKED.x, PARKED.y);
  await assertSameAsFullRedraw(page, 'after Step');
});

test('a paused lab that nobody touches draws nothing', async () => {
  const { page } = session;
  await page.mouse.move(PARKED.x, PARKED.y);
  await nextFrames(page, 5);
  const a = await state(page);
  await nextFrames(page, 20);
  const b = await state(page);
  assert.equal(b.frames_drawn, a.frames_drawn, `${b.frame - a.frame} frames, ${b.frames_drawn - a.frames_drawn} drew`);
  await click(page, 'Step');
  assert.ok((await state(page)).frames_drawn > b.frames_drawn, 'a step is drawn');
});

test('hovering a button redraws the button, not its panel, and leaves a full redraw\'s picture', async () => {
  const { page } = session;
  await page.mouse.move(PARKED.x, PARKED.y);
  await nextFrames(page, 5);
  const r = await rectOf(page, 'Step');
  for (const [x, y, when] of [[r.x + r.w / 2, r.y + r.h / 2, 'hovering Step'], [PARKED.x, PARKED.y, 'after hovering Step']]) {
    const a = await state(page);
    await page.mouse.move(x, y);
    await nextFrames(page, 5);
    const b = await state(page);
    const share = b.screens_drawn - a.screens_drawn;
    // The button's colour changes: its box (about 50 × 25 px, 0.1 % of 1280 × 800) is drawn, not
    // the 346 × 800 controls panel (27 %).
    assert.ok(share > 0 && share < 0.005, `${when}: ${(100 * share).toFixed(2)} % of the display drawn`);
    await assertSameAsFullRedraw(page, when);
  }
});
