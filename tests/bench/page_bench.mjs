// The lab page in headless Chromium (SwiftShader WebGL2): time to first frame, idle frame rate,
// and training at "max" speed — samples per second and the frame rate it leaves — plus the
// page's weight. Prints one JSON object. Run by scripts/bench.sh; not a test (no thresholds).
//   node tests/bench/page_bench.mjs [--seconds S] [--cycles N] [--hash SETTINGS]
//
// What the page draws changes as the network trains (a trained diagram's thick lines and the
// longer loss curve cost a software rasteriser more than the fresh page), so the frame rate while
// training is compared with the paused page showing the same network: N cycles of S seconds
// training then S seconds paused, medians of each. The fresh page's idle rate is reported too.
//
// The page paces its frames (FramePacer: one, two or three display refreshes a frame) and draws
// only what changed (FrameDamage: an idle page draws nothing). So each measure also gives the swap
// interval, the share of frames that drew and the share of the display drawn per frame, and a
// last cycle with "Steady frame rate" turned off gives the unpaced rates beside the paced ones.
// Since a paused page that nobody touches draws nothing, its frame rate says nothing about
// drawing; the reference for the training frame rate is therefore also measured as training at
// Speed "1 / frame": every frame then redraws what a training frame redraws (network, loss,
// inspector, map), with next to no training.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { click, firstFrameMs, openBrowser, selectSpeed, SKIP_WELCOME, state, waitForState } from '../web/lab_page.mjs';
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

// Frames, frames that drew and training progress over a window of `ms`, from the app's counters.
async function measure(page, ms) {
  const a = await state(page);
  const t0 = Date.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = await state(page);
  const dt = (Date.now() - t0) / 1000;
  return {
    fps: (b.frame - a.frame) / dt,
    samplesPerSec: ((b.iteration - a.iteration) * b.batch_size) / dt,
    drew: (b.frames_drawn - a.frames_drawn) / Math.max(1, b.frame - a.frame),
    area: (b.screens_drawn - a.screens_drawn) / Math.max(1, b.frame - a.frame),
    swap: b.swap_interval,
  };
}

// Clicks a button, then moves the mouse off every item, so hovering draws nothing.
async function press(page, label) {
  await click(page, label);
  await page.mouse.move(1275, 795);
}

// One cycle: S seconds training at "max" speed, then S seconds paused.
async function cycle(page, ms) {
  await press(page, 'Play');
  await waitForState(page, (st) => st.running);
  await sleep(1500);  // let the training budget settle
  const training = await measure(page, ms);
  await press(page, 'Pause');
  await waitForState(page, (st) => !st.running);
  await sleep(500);  // the full-resolution map is drawn once
  return { training, paused: await measure(page, ms) };
}

// S seconds of training at Speed "1 / frame", then back to "max".
async function reference(page, ms) {
  await selectSpeed(page, 0, 1);
  await press(page, 'Play');
  await waitForState(page, (st) => st.running);
  await sleep(1500);
  const m = await measure(page, ms);
  await press(page, 'Pause');
  await waitForState(page, (st) => !st.running);
  await selectSpeed(page, 6, 0);
  return m;
}

const rounded = (m) => ({ fps: Number(m.fps.toFixed(1)), samples_per_sec: Math.round(m.samplesPerSec),
                          drew: Number(m.drew.toFixed(2)), area: Number(m.area.toFixed(3)),
                          swap_interval: m.swap });

const median = (values) => {
  const v = [...values].sort((x, y) => x - y);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const server = await serveFolder(webBuild);
const { browser, page } = await openBrowser();
try {
  await page.goto(`${server.url}#${hash}&${SKIP_WELCOME}`);
  const firstFrame = await firstFrameMs(page);
  await waitForState(page, (s) => s.frame > 10);
  const idle = await measure(page, seconds * 1000);
  const training = [];
  const paused = [];
  for (let c = 0; c < cycles; ++c) {
    const m = await cycle(page, seconds * 1000);
    training.push(m.training);
    paused.push(m.paused);
  }
  const pacedReference = await reference(page, seconds * 1000);
  await press(page, 'Steady frame rate');
  await waitForState(page, (st) => st.swap_interval === 1);
  const unpaced = await cycle(page, seconds * 1000);
  const unpacedReference = await reference(page, seconds * 1000);
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
    first_frame_ms: Math.round(firstFrame),
    idle_fps: Number(idle.fps.toFixed(1)),
    paused_fps: Number(pausedFps.toFixed(1)),
    training_fps: Number(trainingFps.toFixed(1)),
    fps_ratio: Number((trainingFps / pausedFps).toFixed(2)),
    fps_ratio_fresh: Number((trainingFps / idle.fps).toFixed(2)),
    training_samples_per_sec: Math.round(median(training.map((m) => m.samplesPerSec))),
    idle: rounded(idle),
    training: training.map(rounded),
    paused: paused.map(rounded),
    reference_fps: Number(pacedReference.fps.toFixed(1)),
    fps_ratio_reference: Number((trainingFps / pacedReference.fps).toFixed(2)),
    reference: rounded(pacedReference),
    unpaced: { training: rounded(unpaced.training), paused: rounded(unpaced.paused),
               reference: rounded(unpacedReference) },
    page_bytes: total,
    page_gzip_bytes: totalGzip,
    files: bytes,
  }));
} finally {
  await browser.close();
  await server.stop();
}
