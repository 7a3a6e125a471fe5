// The fixture every browser test file shares: a static server for the web build and a browser
// page (lab_page.mjs's openBrowser, which collects console errors), opened in a before hook and
// closed in an after hook. (Node 20 does not run a file's top-level before hooks one after the
// other, so what a file does with the fresh page goes in the `opened` callback.)
import path from 'node:path';
import { after, before } from 'node:test';

import { openBrowser } from './lab_page.mjs';
import { serveFolder } from './static_server.mjs';

export const webBuild =
  process.env.BPLAB_WEB_BUILD ?? path.resolve(import.meta.dirname, '../../build/web');

// Returns the session: its server, browser, page and errors are there once the before hook ran,
// which ends with opened(session) when given. serve() starts the server ({url, stop()}); by
// default the web build under serve_lab.py.
export function labSession(opened = async () => {}, serve = () => serveFolder(webBuild)) {
  const session = {};
  before(async () => {
    session.server = await serve();
    Object.assign(session, await openBrowser());
    await opened(session);
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
