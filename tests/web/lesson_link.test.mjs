// Lesson links (web/core/url_hash.h): #lesson=ID&step=N opens a lesson at step N, counted from 1
// as the Lesson window shows it, even past the learner's progress; the page's hash keeps lesson and
// step while the lesson is open, so a reload returns there; a lesson or step that does not exist
// refuses the whole link (the default lab with a notice).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { nextFrames, openLab, state, waitForState } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();

const hashOf = (page) => page.evaluate(() => location.hash);

test('a lesson link opens lesson 7 at step 2 and the hash keeps both', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'lesson=momentum&step=2');
  const s = await waitForState(page, (x) => x.lesson.id === 'momentum');
  assert.equal(s.lesson.step, 1, 'state().lesson.step counts from 0');
  assert.equal(s.notice, '');
  await nextFrames(page, 5);
  const hash = await hashOf(page);
  assert.match(hash, /[#&]lesson=momentum(&|$)/);
  assert.match(hash, /&step=2(&|$)/);

  await page.reload();
  const again = await waitForState(page, (x) => x.frame > 3 && x.lesson.id === 'momentum');
  assert.equal(again.lesson.step, 1);
});

test('a link to a lesson that does not exist opens the default lab with a notice', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'lesson=no-such-lesson&step=2&lr=0.5');
  const s = await state(page);
  assert.match(s.notice, /no-such-lesson/);
  assert.equal(s.lesson.id, null);
  assert.equal(s.learning_rate, 0.03, 'the link is refused whole');
  assert.doesNotMatch(await hashOf(page), /lesson=/);
});

test('a link to a step the lesson does not have is refused too', async () => {
  const { page } = session;
  await openLab(page, session.server.url, 'lesson=momentum&step=99');
  const s = await state(page);
  assert.match(s.notice, /momentum.*99/);
  assert.equal(s.lesson.id, null);
});
