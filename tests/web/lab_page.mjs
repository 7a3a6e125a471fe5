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

// Loads the lab with the given URL hash (settings) and waits until it has drawn a few frames.
export async function openLab(page, baseUrl, hash = '') {
  await page.goto('about:blank');
  await page.goto(baseUrl + (hash ? `#${hash}` : ''));
  await page.waitForFunction(() => window.lab.state().frame > 3, null, { timeout: 60000 });
}

export const state = (page) => page.evaluate(() => window.lab.state());

export async function rectOf(page, label) {
  const found = await page.waitForFunction((l) => window.lab.itemRect(l), label, { timeout: 20000 });
  return found.jsonValue();
}

export async function click(page, label, options = {}) {
  const r = await rectOf(page, label);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2, options);
}

// ImGui turns a slider into a text field on Ctrl+click (with its text selected); typing replaces
// it and Enter applies it.
export async function typeInto(page, label, text) {
  const r = await rectOf(page, label);
  await page.keyboard.down('Control');
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await page.keyboard.up('Control');
  await page.waitForTimeout(150);
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
