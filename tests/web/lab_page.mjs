// Drives the lab page like a learner: real mouse clicks at the rectangles the app reports through
// window.lab.itemRect(label), and real keyboard input. Nothing calls into the engine directly.
import { launchBrowser } from './browser.mjs';

export async function openBrowser() {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { browser, page, errors };
}

// The link key that skips the first-visit card (url_hash.h), so that a test opens straight into
// the lab; welcome.test.mjs is the one that opens the page without it.
export const SKIP_WELCOME = 'welcome=0';

// Loads the lab with the given URL hash (settings) and waits until it has drawn a few frames.
export async function openLab(page, baseUrl, hash = '') {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}#${hash ? `${hash}&` : ''}${SKIP_WELCOME}`);
  await page.waitForFunction(() => window.lab.state().frame > 3, null, { timeout: 60000 });
}

export const state = (page) => page.evaluate(() => window.lab.state());

// performance.now() (from navigation start) in the first animation frame after the app built its
// first frame, so that frame was drawn and handed to the compositor. Polls window.lab.frame(), not
// state(): a whole state() every animation frame would slow the load it measures.
export const firstFrameMs = (page) => page.evaluate(() => new Promise((resolve) => {
  const poll = () => (window.lab && window.lab.frame() >= 1
    ? resolve(performance.now()) : requestAnimationFrame(poll));
  poll();
}));

const sameRect = (a, b) => a && b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

// The item's rectangle once it has been drawn in the same place on two frames in a row, so that
// a layout change (a window opening, closing or moving) has settled before a click aims at it.
export async function rectOf(page, label) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const found = await page.waitForFunction((l) => window.lab.itemRect(l), label, {
      timeout: Math.max(1, deadline - Date.now()),
    });
    const rect = await found.jsonValue();
    await nextFrames(page, 1);
    const again = await page.evaluate((l) => window.lab.itemRect(l), label);
    if (sameRect(rect, again)) return again;
    if (Date.now() > deadline) throw new Error(`item "${label}" did not settle: ${JSON.stringify(again)}`);
  }
}

// Waits until the app has drawn `frames` more frames (ImGui reacts to input on the next frame).
export async function nextFrames(page, frames = 2) {
  const start = (await state(page)).frame;
  await waitForState(page, (s) => s.frame >= start + frames, 30000);
}

// Hover, press and release on separate frames: at low frame rates a press and release inside one
// frame can be lost to ImGui, which sees the mouse only once per frame.
export async function click(page, label, { button = 'left' } = {}) {
  const r = await rectOf(page, label);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await nextFrames(page);
  await page.mouse.down({ button });
  await nextFrames(page, 1);
  await page.mouse.up({ button });
  await nextFrames(page, 1);
}

// Picks entry `index` of the Speed combo ("1 / frame" … "max") and waits for state().speed to be
// `speed`. Combo entries are not in the item registry: the popup opens right below the combo, 8 px
// of padding above the first entry and 20 px per entry. The mouse ends in the bottom right corner, off
// every item.
export async function selectSpeed(page, index, speed) {
  const r = await rectOf(page, 'Speed');
  for (const y of [r.y + r.height / 2, r.y + r.height + 8 + index * 20 + 8]) {
    await page.mouse.move(r.x + r.width / 4, y);
    await nextFrames(page, 1);
    await page.mouse.down();
    await nextFrames(page, 1);
    await page.mouse.up();
    await nextFrames(page, 1);
  }
  await waitForState(page, (st) => st.speed === speed);
  const { width, height } = page.viewportSize();
  await page.mouse.move(width - 5, height - 5);
}

// ImGui turns a slider into a text field on Ctrl+click (with its text selected); typing replaces
// it and Enter applies it.
export async function typeInto(page, label, text) {
  await page.keyboard.down('Control');
  await click(page, label);
  await page.keyboard.up('Control');
  await nextFrames(page, 1);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 30 });
  await page.keyboard.press('Enter');
}

// Polls window.lab.state() from the test side (the page's CSP forbids eval, so predicates stay
// in Node) until predicate(state) holds; returns that state.
export async function waitForState(page, predicate, timeout = 60000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await state(page);
    if (predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`state never satisfied ${predicate}: ${JSON.stringify(last)}`);
}
