// The lab through a real browser: training, live hyperparameters, the URL hash, the output map,
// divergence and export, each done with the mouse and keyboard as a learner would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { click, openLab, rectOf, state, typeInto, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const nativeBuild = process.env.BPLAB_NATIVE_BUILD ?? path.join(root, 'build/native');

const session = labSession();

test('clicking Play trains and the loss falls on a separable set', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'ds=gauss&noise=0&lr=0.3&speed=5');
  const start = await state(page);
  assert.equal(start.iteration, 0);
  assert.equal(start.running, false);
  await click(page, 'Play');
  const trained = await waitForState(page, (s) => s.iteration >= 100);
  assert.equal(trained.running, true);
  assert.ok(trained.loss_train < start.loss_train / 2, `${start.loss_train} → ${trained.loss_train}`);
  await click(page, 'Pause');
  await waitForState(page, (s) => !s.running);
});

test('typing into Learning rate, Momentum and Batch size changes the engine live', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'ds=circle&speed=1');
  await click(page, 'Step epoch');
  const before = await waitForState(page, (s) => s.epoch === 1);
  await typeInto(page, 'Learning rate', '0.25');
  await waitForState(page, (s) => s.learning_rate === 0.25);
  await typeInto(page, 'Momentum', '0.8');
  await waitForState(page, (s) => s.momentum === 0.8);
  await typeInto(page, 'Batch size', '17');
  const after = await waitForState(page, (s) => s.batch_size === 17);
  // Live: nothing was reset.
  assert.equal(after.iteration, before.iteration);
  assert.equal(after.epoch, 1);
  assert.ok(after.hash.includes('lr=0.25') && after.hash.includes('mom=0.8') && after.hash.includes('bs=17'));
});

test('a value out of range is refused with a message and changes nothing', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'ds=circle');
  await typeInto(page, 'Momentum', '1.5');
  const s = await waitForState(page, (x) => x.error.includes('momentum'));
  assert.equal(s.momentum, 0);
});

test('the URL hash round-trips a setup', async () => {
  const { page } = session;
  const hash = 'ds=xor&n=300&noise=0.2&ratio=0.6&dseed=4&f=x1,x2,x1x2&h=5,3&act=relu&out=sigmoid' +
    '&loss=bce&init=he&seed=7&lr=0.1&mom=0.5&bs=7&l1=0&l2=0.001&speed=2';
  await openLab(page, session.server.url, hash);
  const s = await state(page);
  assert.equal(s.hash, hash);
  assert.deepEqual(s.hidden, [5, 3]);
  assert.equal(s.activation, 'relu');
  assert.equal(s.loss, 'bce');
  assert.equal(s.samples_train, 180);
  assert.equal(await page.evaluate(() => location.hash.slice(1)), `${hash}&welcome=0`);
  // A change made in the UI is written back to the link, and reloading the link restores it.
  await typeInto(page, 'Learning rate', '0.05');
  await waitForState(page, (x) => x.learning_rate === 0.05);
  const link = await page.evaluate(() => location.href);
  assert.ok(link.includes('lr=0.05'), link);
  await page.goto('about:blank');
  await page.goto(link);
  const again = await waitForState(page, (x) => x.frame > 3);
  assert.equal(again.learning_rate, 0.05);
  assert.deepEqual(again.hidden, [5, 3]);
});

test('a mangled link opens the default lab with a notice', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'lr=abc&h=999');
  const s = await state(page);
  assert.match(s.notice, /link/);
  assert.equal(s.learning_rate, 0.03);
  assert.deepEqual(s.hidden, [4, 2]);
});

// Reads the canvas pixel under an input-plane point of the output map (plane [-1.2, 1.2]²).
async function mapColour(page, x1, x2) {
  const r = await rectOf(page, 'Output map');
  const px = r.x + ((x1 + 1.2) / 2.4) * r.width;
  const py = r.y + ((1.2 - x2) / 2.4) * r.height;
  const png = await page.screenshot({ clip: { x: px - 2, y: py - 2, width: 4, height: 4 } });
  return page.evaluate(async (b64) => {
    // Decoded in the page without fetch(): the CSP allows no data: requests.
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const blob = new Blob([bytes], { type: 'image/png' });
    const bitmap = await createImageBitmap(blob);
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const [r, g, b] = ctx.getImageData(1, 1, 1, 1).data;
    return { r, g, b };
  }, png.toString('base64'));
}

test('after training the output map separates two well-separated clusters', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'ds=gauss&noise=0&lr=0.3&speed=0');
  await click(page, 'Play');
  await waitForState(page, (s) => s.loss_train < 0.02);
  await click(page, 'Pause');
  // Away from the data points: class 1 sits at (0.5, 0.5) → blue, class 0 at (−0.5, −0.5) → orange.
  const blue = await mapColour(page, 0.9, 0.9);
  const orange = await mapColour(page, -0.9, -0.9);
  assert.ok(blue.b > blue.r + 60, `expected blue at (0.9, 0.9), got ${JSON.stringify(blue)}`);
  assert.ok(orange.r > orange.b + 60, `expected orange at (−0.9, −0.9), got ${JSON.stringify(orange)}`);
});

test('a huge learning rate shows the divergence message and rolling back recovers', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'ds=plane&out=linear&speed=0');
  await typeInto(page, 'Learning rate', '50');
  await waitForState(page, (s) => s.learning_rate === 50);
  await click(page, 'Play');
  const s = await waitForState(page, (x) => x.diverged);
  assert.equal(s.running, false);
  assert.match(s.divergence_message, /learning rate/);
  assert.ok(await rectOf(page, 'Divergence message'));
  await click(page, 'Roll back');
  const back = await waitForState(page, (x) => !x.diverged);
  assert.ok(Number.isFinite(back.loss_train));
});

test('Export model downloads a model that the bplab command line accepts', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'ds=gauss&speed=5');
  await click(page, 'Step epoch');
  await click(page, 'Files');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'Export model')]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bplab-export-'));
  const model = path.join(dir, download.suggestedFilename());
  await download.saveAs(model);
  fs.writeFileSync(path.join(dir, 'd.csv'), 'x1,x2,t\n0.5,0.5,1\n-0.5,-0.5,0\n');
  const out = execFileSync(path.join(nativeBuild, 'engine/cli/bplab'),
    ['grad', '--model', model, '--data', path.join(dir, 'd.csv'), '--loss', 'half-sse']);
  const grad = JSON.parse(out);
  assert.ok(Number.isFinite(grad.loss));
  assert.equal(grad.weights_grad.length, 3);
});

test('the page logged no errors', () => {
  assert.deepEqual(session.errors, []);
});
