// The lab page in headless Chromium (SwiftShader WebGL2): time to first frame, idle frame rate,
// and training at "max" speed — samples per second and the frame rate it leaves — plus the
// page's weight. Prints one JSON object. Run by scripts/bench.sh; not a test (no thresholds).
//   node tests/bench/page_bench.mjs [--seconds S] [--cycles N] [--hash SETTINGS]
//
// What the page draws changes as the network trains (a trained diagram's thick lines and the
// longer loss curve cost a software rasteriser more than the fresh page), so the frame rate while
// training is compared with the paused page showing the same network: N cycles of S seconds
// training then S seconds paused, medians of each. The fresh page's idle rate is reported too.
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
const seconds = Number(arg('--seconds', 5));
const cycles = Number(arg('--cycles', 3));
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

const median = (values) => {
  const v = [...values].sort((x, y) => x - y);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
  const training = [];
  const paused = [];
  for (let c = 0; c < cycles; ++c) {
    await click(page, 'Play');
    await waitForState(page, (st) => st.running);
    await sleep(1500);  // let the training budget settle
    training.push(await measure(page, seconds * 1000));
    await click(page, 'Pause');
    await waitForState(page, (st) => !st.running);
    await sleep(500);  // the full-resolution map is drawn once
    paused.push(await measure(page, seconds * 1000));
  }
  const trainingFps = median(training.map((m) => m.fps));
  const pausedFps = median(paused.map((m) => m.fps));
  const files = ['bplab_lab.wasm', 'bplab_lab.js', 'bplab_lab.data', 'index.html', 'lab_page.js', 'gl_state_cache.js'];
  const bytes = {};
  const gzip = {};
  for (const f of files) {
    const data = fs.readFileSync(path.join(webBuild, f));
    bytes[f] = data.length;
    gzip[f] = zlib.gzipSync(data, { level: 9 }).length;
  }
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  const totalGzip = Object.values(gzip).reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({
    hash,
    first_frame_ms: Math.round(firstFrameMs),
    idle_fps: Number(idle.fps.toFixed(1)),
    paused_fps: Number(pausedFps.toFixed(1)),
    training_fps: Number(trainingFps.toFixed(1)),
    fps_ratio: Number((trainingFps / pausedFps).toFixed(2)),
    fps_ratio_fresh: Number((trainingFps / idle.fps).toFixed(2)),
    training_samples_per_sec: Math.round(median(training.map((m) => m.samplesPerSec))),
    runs: { training_fps: training.map((m) => Number(m.fps.toFixed(1))),
            paused_fps: paused.map((m) => Number(m.fps.toFixed(1))),
            samples_per_sec: training.map((m) => Math.round(m.samplesPerSec)) },
    page_bytes: total,
    page_gzip_bytes: totalGzip,
    files: bytes,
  }));
} finally {
  await browser.close();
  await server.stop();
}
