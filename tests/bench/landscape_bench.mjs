// The Landscape tab in headless Chromium: the main-thread work of one full grid, and the frame
// rate while training with the tab open against the paused page showing the same panels. Prints
// one JSON object. Run by scripts/bench.sh beside page_bench.mjs; not a test (no thresholds).
//   node tests/bench/landscape_bench.mjs [--seconds S] [--cycles N] [--grids G]
//
// Work: the default lab (200 training samples, 2-4-2-1) with land=w1,w2:GRID:1, paused; each
// Step moves the centre and so starts a new grid. state().landscape.work_ms is the time the page's
// main thread spent on that grid (its plane, centre, arrows and points) and work_frames the frames
// it was spread over; the medians of G grids of 33×33 and of 65×65 points are reported.
// Frame rate: the bench network of page_bench.mjs at the default speed with the Landscape tab open
// (grid 33, the default, and 65), and for comparison with the Inspector tab instead: N cycles of S
// seconds training, then S seconds paused once the grid of the paused centre is complete; medians of
// each, and every cycle's figure beside them. Not at "max": that speed fills each frame with
// training by design (page_bench.mjs measures it), so its frame rate says nothing about what the
// open tab costs.
import path from 'node:path';

import { click, openBrowser, SKIP_WELCOME, state, waitForState } from '../web/lab_page.mjs';
import { serveFolder } from '../web/static_server.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const seconds = Number(arg('--seconds', 4));
const cycles = Number(arg('--cycles', 2));
const grids = Number(arg('--grids', 5));
const benchHash = 'ds=spiral&n=500&ratio=0.9&h=8,8&act=tanh&bs=10&lr=0.03&mom=0.9';
const webBuild = process.env.BPLAB_WEB_BUILD ?? path.resolve(import.meta.dirname, '../../build/web');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const v = [...values].sort((x, y) => x - y);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

// Clicks a button, then moves the mouse off every item, so hovering draws nothing.
async function press(page, label) {
  await click(page, label);
  await page.mouse.move(1275, 795);
}

async function open(page, baseUrl, hash) {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}#${hash}&${SKIP_WELCOME}`);
  await waitForState(page, (s) => s.frame > 3);
  await press(page, 'Landscape');  // a link's land= opens the tab, but not at the default options
}

// Frames per second over `ms`.
async function fps(page, ms) {
  const a = await state(page);
  const t0 = Date.now();
  await sleep(ms);
  const b = await state(page);
  return (b.frame - a.frame) / ((Date.now() - t0) / 1000);
}

// G grids of the default lab at this size: work_ms and work_frames of each, once complete.
async function gridWork(page, baseUrl, grid) {
  await open(page, baseUrl, `land=w1,w2:${grid}:1`);
  const work = [];
  for (let k = 0; k < grids; ++k) {
    if (k > 0) await press(page, 'Step');
    const s = await waitForState(page, (x) => x.iteration === k && x.landscape.complete &&
      x.landscape.grid === grid && x.landscape.center_loss === x.loss_train);
    work.push({ ms: s.landscape.work_ms, frames: s.landscape.work_frames });
  }
  return { work_ms: Number(median(work.map((w) => w.ms)).toFixed(1)),
           work_frames: median(work.map((w) => w.frames)),
           all_ms: work.map((w) => Number(w.ms.toFixed(1))) };
}

// Training at the default speed and paused, with the Landscape tab open on a grid of this size, or with the
// Details panel on its first tab (the Inspector) when grid is null.
async function frameRates(page, baseUrl, grid) {
  if (grid) {
    await open(page, baseUrl, `${benchHash}&land=w1,w2:${grid}:1`);
    await waitForState(page, (s) => s.landscape.complete);
  } else {
    await page.goto('about:blank');
    await page.goto(`${baseUrl}#${benchHash}&${SKIP_WELCOME}`);
    await waitForState(page, (s) => s.frame > 3);
  }
  const training = [];
  const paused = [];
  for (let c = 0; c < cycles; ++c) {
    await press(page, 'Play');
    await waitForState(page, (s) => s.running);
    await sleep(1500);  // let the training budget settle
    training.push(await fps(page, seconds * 1000));
    await press(page, 'Pause');
    await waitForState(page, (s) => !s.running && (!grid || s.landscape.complete));
    await sleep(500);
    paused.push(await fps(page, seconds * 1000));
  }
  const t = median(training), p = median(paused);
  const round = (values) => values.map((v) => Number(v.toFixed(1)));
  return { training_fps: Number(t.toFixed(1)), paused_fps: Number(p.toFixed(1)),
           fps_ratio: Number((t / p).toFixed(2)),
           training_all: round(training), paused_all: round(paused) };
}

const server = await serveFolder(webBuild);
const { browser, page } = await openBrowser();
try {
  const result = {
    grid33: await gridWork(page, server.url, 33),
    grid65: await gridWork(page, server.url, 65),
    closed: await frameRates(page, server.url, null),
    open33: await frameRates(page, server.url, 33),
    open65: await frameRates(page, server.url, 65),
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.stop();
}
