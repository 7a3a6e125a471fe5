// The lab page in headless Chromium (SwiftShader WebGL2): time to first frame, idle frame rate,
// and training at "max" speed — samples per second and the frame rate it leaves — plus the
// page's weight. Prints one JSON object. Run by scripts/bench.sh; not a test (no thresholds).
//   node tests/bench/page_bench.mjs [--seconds S] [--hash SETTINGS]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { click, openBrowser, state, waitForState } from '../web/lab_page.mjs';
import { serveFolder } from '../web/static_server.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const seconds = Number(arg('--seconds', 8));
const hash = arg('--hash', 'ds=spiral&n=500&ratio=0.9&h=8,8&act=tanh&bs=10&lr=0.03&mom=0.9&speed=0');
const webBuild = process.env.BPLAB_WEB_BUILD ?? path.resolve(import.meta.dirname, '../../build/web');

// Frames and training progress over a window of `ms`, read from the app's own counters.
async function measure(page, ms) {
  const a = await state(page);
  const t0 = Date.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = await state(page);
  const dt = (Date.now() - t0) / 1000;
  return { fps: (b.frame - a.frame) / dt, samplesPerSec: ((b.iteration - a.iteration) * b.batch_size) / dt };
}

const server = await serveFolder(webBuild);
const { browser, page } = await openBrowser();
try {
  await page.goto(`${server.url}#${hash}`);
  // performance.now() counts from navigation start; poll every animation frame for the first one.
  const firstFrameMs = await page.evaluate(() => new Promise((resolve) => {
    const poll = () => (window.lab.state().frame >= 1 ? resolve(performance.now()) : requestAnimationFrame(poll));
    poll();
  }));
  await waitForState(page, (s) => s.frame > 10);
  const idle = await measure(page, seconds * 1000);
  await click(page, 'Play');
  await waitForState(page, (s) => s.running);
  await new Promise((resolve) => setTimeout(resolve, 2000));  // let the budget settle
  const training = await measure(page, seconds * 1000);
  const files = ['bplab_lab.wasm', 'bplab_lab.js', 'bplab_lab.data', 'index.html', 'lab_page.js'];
  const bytes = {};
  const gzip = {};
  for (const f of files) {
    const data = fs.readFileSync(path.join(webBuild, f));
    bytes[f] = data.length;
    gzip[f] = zlib.gzipSync(data, { level: 9 }).length;
  }
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  const totalGzip = Object.values(gzip).reduce((a, b) => a + b, 0);
  const s = await state(page);
  console.log(JSON.stringify({
    hash,
    first_frame_ms: Math.round(firstFrameMs),
    idle_fps: Number(idle.fps.toFixed(1)),
    training_fps: Number(training.fps.toFixed(1)),
    fps_ratio: Number((training.fps / idle.fps).toFixed(2)),
    training_samples_per_sec: Math.round(training.samplesPerSec),
    train_budget_ms: Number(s.train_budget_ms.toFixed(2)),
    page_bytes: total,
    page_gzip_bytes: totalGzip,
    files: bytes,
  }));
} finally {
  await browser.close();
  await server.stop();
}
