// Keeps the lab working offline: on the first visit it stores every file of the page, then serves
// them from that store, so the page loads with no network at all.
//
// The files of one build belong together (bplab_lab.js only runs with the .wasm and .data it was
// built with), so the worker is written for one build (service_worker.cmake fills in FILES: each
// file's SHA-256, and BUILD: a hash of them all) and keeps them in a cache named for it. It stores
// a file only if its bytes have the hash of this build: a file that was replaced on the host while
// it was being fetched makes the install fail, and it is retried on the next visit. A new build
// changes this file, so the browser installs the new worker beside the old one; the new worker
// takes over once no page of the old build is open (no skipWaiting, so an open page never gets
// files of another build), then deletes the old build's cache.
'use strict';

const BUILD = '@BPLAB_BUILD_ID@';
const FILES = JSON.parse('@BPLAB_PAGE_FILES@');  // file name → SHA-256 (hex) of its bytes
const CACHE = `backprop-lab-${BUILD}`;

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function precache() {
  const cache = await caches.open(CACHE);
  const responses = await Promise.all(Object.keys(FILES).map(async (name) => {
    const response = await fetch(name, { cache: 'reload' });
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    const hash = await sha256(await response.clone().arrayBuffer());
    if (hash !== FILES[name]) throw new Error(`${name} is not the file of build ${BUILD}`);
    return [name, response];
  }));
  // Stored only once every file was fetched and checked: the cache never holds part of a build.
  await Promise.all(responses.map(([name, response]) => cache.put(name, response)));
}

self.addEventListener('install', (event) => event.waitUntil(precache()));

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith('backprop-lab-') && name !== CACHE) await caches.delete(name);
    // The page of the first visit, loaded from the network, is served from the cache from now on.
    await self.clients.claim();
  })());
});

// The build's files come from the cache (the folder itself is its index.html); anything else, such
// as a lesson file a link loads or another page of the host, from the network.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname))
    return;
  const name = url.pathname.slice(scope.pathname.length) || 'index.html';
  if (!Object.hasOwn(FILES, name)) return;
  event.respondWith((async () => {
    const cached = await (await caches.open(CACHE)).match(name);
    return cached ?? fetch(request);
  })());
});
