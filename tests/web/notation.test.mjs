// The Notation help window (web/app/notation_window.h): the "Notation" button at the end of the
// Details tab bar opens the table of the course's symbols, and a second click closes it. One page.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { click, nextFrames, openLab, rectOf } from './lab_page.mjs';
import { labSession } from './lab_session.mjs';

const session = labSession();
const tableRect = (page) => page.evaluate(() => window.lab.itemRect('Notation table'));

test('the Notation button opens and closes the table of symbols', async () => {
  const { page } = session;
  await openLab(page, session.server.url);
  await nextFrames(page);
  assert.ok(!(await tableRect(page)), 'closed at the start');
  await click(page, 'Notation');
  const table = await rectOf(page, 'Notation table');
  assert.ok(table.width > 200 && table.height > 100, JSON.stringify(table));
  await click(page, 'Notation');
  await nextFrames(page);
  assert.ok(!(await tableRect(page)), 'a second click closes it');
  assert.deepEqual(session.errors, []);
});
