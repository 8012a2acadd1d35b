// NeoBank's service worker: keeps the app shell (page, code, styles, icons, Vue) so the app opens
// without a network and can say so. It never stores or answers an API request: balances and
// payments always come from the bank itself.
const VERSION = '{{version}}';
const SHELL = `neobank-shell-${VERSION}`;
const PRECACHE = {{precache}};
const NAVIGATION_TIMEOUT_MS = 6000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('neobank-shell-') && k !== SHELL).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((r) => { clearTimeout(t); resolve(r); }, (e) => { clearTimeout(t); reject(e); });
  });
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname === '/health') return; // never cached
  if (event.request.mode === 'navigate') {
    // The page first from the network (a new release shows at once), the stored one when offline.
    event.respondWith(withTimeout(fetch(event.request), NAVIGATION_TIMEOUT_MS)
      .catch(() => caches.match('/', { cacheName: SHELL }).then((r) => r ?? Response.error())));
    return;
  }
  if (url.pathname.startsWith('/app/') || url.pathname.startsWith('/webjars/')) {
    // Versioned URLs never change: the stored copy is always right.
    event.respondWith(caches.match(event.request).then((hit) => hit ?? fetch(event.request).then((res) => {
      if (res.ok) {
        const copy = res.clone();
        caches.open(SHELL).then((cache) => cache.put(event.request, copy));
      }
      return res;
    })));
  }
});
