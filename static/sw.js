// ivocalc service worker. scripts/post_build.py fills in the cache version and the list of the
// build's files; the version changes whenever any file of the build changes.
const VERSION = '__IVOCALC_CACHE_VERSION__';
const PRECACHE = __IVOCALC_PRECACHE__;
const CACHE = `ivocalc-${VERSION}`;
const PAGE = new URL('./', self.registration.scope).href;

// Install: fetch every file of this build into a cache of its own, all or nothing. The files
// the page has just loaded are revalidated, not downloaded again ('no-cache': an unchanged
// file costs a 304).
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(new URL(path, self.registration.scope), { cache: 'no-cache' }))))
  );
});

// Activate: remove the caches of older builds, then serve the open pages.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('ivocalc-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

// The page asks the waiting new build to take over when the user chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  const url = new URL(request.url);
  const isPage = request.mode === 'navigate' || url.href === PAGE || url.pathname.endsWith('/index.html');
  if (isPage) {
    // The page: network first, so a new build is seen at once; this build's copy when offline.
    // A page from the network is never stored over this build's copy: a page and its hashed
    // files always come from one build.
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(PAGE)))
        .then((response) => response || new Response('ivocalc is offline and this page was not saved yet.', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } }))
    );
    return;
  }
  // Hashed files never change: this build's cache first, the network for anything else.
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request))
  );
});
