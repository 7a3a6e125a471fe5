// A plain static file server, as a school's web host would be: the files of a folder under a
// sub-path, each with a Content-Type and no other header (no Content-Security-Policy or other
// security header: such hosts cannot set them). 127.0.0.1 only, in the test's own process.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
};

// Serves folder at http://127.0.0.1:PORT/<subPath> (subPath like 'course/lab/'), on a free port
// or the one given. Returns { url, stop() }; url ends with '/'.
export function servePlain(folder, subPath, port = 0) {
  const root = path.resolve(folder);
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://host');
    const prefix = `/${subPath}`;
    let file = null;
    if (pathname.startsWith(prefix)) {
      const relative = decodeURIComponent(pathname.slice(prefix.length)) || 'index.html';
      const resolved = path.resolve(root, relative);
      if (resolved.startsWith(root + path.sep) && fs.statSync(resolved, { throwIfNoEntry: false })?.isFile())
        file = resolved;
    }
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/${subPath}`,
        stop() {
          server.closeAllConnections();
          return new Promise((done) => server.close(done));
        },
      });
    });
  });
}
