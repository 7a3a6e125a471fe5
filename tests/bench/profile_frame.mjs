// Where the lab page's main-thread time goes: a CPU profile (CDP Profiler, Chromium's sampling
// profiler of the page's main thread) of a set-up training at the default speed, printed as the
// functions with the most self time; and, before that, where the time until the first frame goes
// (the page's files arriving, then the first frame). Measure first (issue "Reach", slow devices).
// For wasm function names, link a profiling copy with --profiling-funcs (docs/page_performance.md
// says how); the shipped build has none, and its wasm functions show as "wasm-function[N]".
//   node tests/bench/profile_frame.mjs [--setup largest|default] [--rate 1] [--seconds S] [--top N]
import path from 'node:path';

import { click, firstFrameMs, openBrowser, SKIP_WELCOME, state, waitForState } from '../web/lab_page.mjs';
import { serveFolder } from '../web/static_server.mjs';
import { SETUPS, webBuild } from './lab_setups.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const setup = arg('--setup', 'largest');
const rate = Number(arg('--rate', 1));
const seconds = Number(arg('--seconds', 5));
const top = Number(arg('--top', 25));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Self time per function (ms) from a CDP profile: each sample's time delta goes to the node it hit.
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; ++i) {
    const { functionName, url } = byId.get(profile.samples[i]).callFrame;
    const name = (functionName || '(anonymous)').replace(/^(.{100}).+$/s, '$1…');
    const key = `${name} ${url ? path.basename(url) : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]);
}

const server = await serveFolder(webBuild);
const { browser, page } = await openBrowser();
try {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const hash = SETUPS[setup];
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}#${hash ? `${hash}&` : ''}${SKIP_WELCOME}`);
  const firstFrame = await firstFrameMs(page);
  const load = await page.evaluate((ms) => {
    const files = performance.getEntriesByType('resource')
      .filter((e) => /bplab_lab\.(js|wasm|data)$/.test(e.name))
      .map((e) => ({ file: e.name.split('/').pop(), start_ms: Math.round(e.startTime), end_ms: Math.round(e.responseEnd) }));
    const nav = performance.getEntriesByType('navigation')[0];
    return { first_frame_ms: Math.round(ms), dom_content_loaded_ms: Math.round(nav.domContentLoadedEventEnd), files };
  }, firstFrame);
  const loading = (await cdp.send('Profiler.stop')).profile;
  console.log(`## ${setup}, CPU ×${rate}: until the first frame`);
  console.log(JSON.stringify(load));
  for (const [name, ms] of selfTimes(loading).slice(0, top)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);

  await waitForState(page, (s) => s.frame > 10, 120000);
  await click(page, 'Play');
  await page.mouse.move(1275, 795);
  await sleep(3000);
  const a = await state(page);
  await cdp.send('Profiler.start');
  await sleep(seconds * 1000);
  const training = (await cdp.send('Profiler.stop')).profile;
  const b = await state(page);
  const frames = b.frame - a.frame;
  console.log(`\n## ${setup}, CPU ×${rate}: training at the default speed, ${frames} frames, ` +
              `main_thread_ms ${b.main_thread_ms.toFixed(2)}, self time per frame:`);
  for (const [name, ms] of selfTimes(training).slice(0, top))
    console.log(`${(ms / frames).toFixed(3).padStart(9)} ms  ${name}`);
} finally {
  await browser.close();
  await server.stop();
}
