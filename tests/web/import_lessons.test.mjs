// A teacher's own lessons in the browser: a link loads a lesson file that the page's host serves
// (#lessons=course/intro.json) and opens it; a lesson file imported through the Lessons tab's real
// file chooser opens at once and is still there after a reload; importing a file with the same id
// replaces it; a bad file or a shipped lesson's id is reported and the course stays; a link to a
// lesson file on another host is refused before any request.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { click, openLab, state, waitForState } from './lab_page.mjs';
import { labSession, webBuild } from './lab_session.mjs';
import { serveFolder } from './static_server.mjs';

// The lab's files and a course folder beside them, as a school's host would have them.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bplab-import-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
for (const name of [...fs.readFileSync(path.join(webBuild, 'page_files.txt'), 'utf8').split('\n'), 'service_worker.js'])
  if (name) fs.symlinkSync(path.join(webBuild, name), path.join(tmp, name));

function lessonFile(id, title) {
  return JSON.stringify({
    format: 'bplab-lesson', version: 1, id, title,
    steps: [{ title: 'Train it', text: 'E = {{loss_train}}', setup: 'ds=xor&lr=0.1' },
            { title: 'Look at it', text: 'The map.' }],
  });
}
fs.mkdirSync(path.join(tmp, 'course'));
fs.writeFileSync(path.join(tmp, 'course/intro.json'), lessonFile('course-intro', 'Our course'));

const requests = [];
const violations = [];
const session = labSession(async ({ page }) => {
  page.on('request', (r) => requests.push(r.url()));
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, () => serveFolder(tmp));

// Picks a file in the browser's file chooser that "Import lesson" opens.
async function importThroughChooser(page, name, text) {
  await click(page, 'Lessons');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'Import lesson')]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a link loads a lesson file from the same host and opens it', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'lessons=course/intro.json&lesson=course-intro&step=2');
  const s = await waitForState(page, (x) => x.lesson.id === 'course-intro');
  assert.equal(s.lesson.step, 1, 'at the link\'s step');
  assert.equal(s.lesson.steps, 2);
  assert.ok(requests.includes(`${session.server.url}course/intro.json`));
});

test('a lesson imported through the file chooser opens and is kept after a reload', async () => {
  const { page } = session;
  await openLab(page, session.server.url);
  await importThroughChooser(page, 'my-lesson.json', lessonFile('my-lesson', 'My lesson'));
  const s = await waitForState(page, (x) => x.lesson.id === 'my-lesson');
  assert.match(s.notice, /Imported the lesson "My lesson" from my-lesson\.json/);

  await openLab(page, session.server.url, 'lesson=my-lesson');
  const again = await waitForState(page, (x) => x.lesson.id === 'my-lesson');
  assert.equal(again.notice, '', 'the stored lesson is in the course before the link is read');
});

test('importing the same id again replaces the lesson; a bad file and a shipped id are reported', async () => {
  const { page } = session;
  await importThroughChooser(page, 'my-lesson-v2.json', lessonFile('my-lesson', 'My lesson, edited'));
  await waitForState(page, (x) => /"My lesson, edited"/.test(x.notice) && x.lesson.id === 'my-lesson');

  const broken = lessonFile('my-lesson', 'Broken').replace('ds=xor&lr=0.1', 'lr=fast');
  await importThroughChooser(page, 'broken.json', broken);
  const bad = await waitForState(page, (x) => x.error !== '');
  assert.equal(bad.error, 'broken.json: steps[0].setup: link: lr="fast" is not a valid value');

  await importThroughChooser(page, 'mine.json', lessonFile('momentum', 'Not momentum'));
  const clash = await waitForState(page, (x) => /mine\.json/.test(x.error));
  assert.match(clash.error, /"momentum" is the id of the lab's lesson/);

  await openLab(page, session.server.url, 'lesson=my-lesson');
  const kept = await waitForState(page, (x) => x.lesson.id === 'my-lesson');
  assert.equal(kept.notice, '', 'the edited lesson is still there after the bad files');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('bplab-imported-lessons')));
  assert.deepEqual(stored.map((f) => [f.id, f.file]).sort(),
    [['course-intro', 'course/intro.json'], ['my-lesson', 'my-lesson-v2.json']]);
});

test('a link to a lesson file on another host is refused before any request', async () => {
  const { page } = session;
  requests.length = 0;
  await openLab(page, session.server.url, 'lessons=//evil.example/x.json&lr=0.5');
  const s = await state(page);
  assert.match(s.notice, /lessons="\/\/evil\.example\/x\.json" is not a valid value/);
  assert.equal(s.learning_rate, 0.03, 'the link is refused whole');
  assert.deepEqual(requests.filter((url) => url.includes('evil')), []);
  assert.deepEqual(violations, [], 'nothing was even attempted against the page\'s policy');
});
