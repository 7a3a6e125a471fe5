// Registers the service worker that keeps the lab working offline (service_worker.js). A file of
// its own, not inline, so the Content-Security-Policy can forbid inline script. The worker's URL
// is relative, so the lab works offline under any sub-path of its host.
'use strict';
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('service_worker.js').catch((error) => {
    console.warn(`Backprop Lab will not work offline: ${error}`);
  });
}
