// Serves a build folder on a free 127.0.0.1 port with scripts/serve_lab.py (the same server and
// Content-Security-Policy as scripts/serve.sh), for browser tests.
import { spawn } from 'node:child_process';
import net from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve_lab.py exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

// Returns { url, stop() }; url ends with '/'. args: more options of serve_lab.py.
export async function serveFolder(folder, args = []) {
  const port = await freePort();
  const script = new URL('../../scripts/serve_lab.py', import.meta.url).pathname;
  const child = spawn('python3', [script, folder, String(port), '--quiet', ...args], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilServing(url, child, 10000);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    url,
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill();
      });
    },
  };
}
