// ivocalc service worker. scripts/post_build.py fills in the cache version and the list of the
// build's files; the version changes whenever any file of the build changes.
const VERSION = '__IVOCALC_CACHE_VERSION__';
const PRECACHE = __IVOCALC_PRECACHE__;
// The files of each language but English ({"zh-CN": ["assets/zh-CN.<hash>.txt",
// "manifest.zh-CN.webmanifest"]}): cached only for readers of the language, when the page asks
// for them; a new build fetches those of the languages an older build had cached.
const ON_DEMAND = __IVOCALC_ON_DEMAND__;
const CACHE = `ivocalc-${VERSION}`;
const PAGE = new URL('./', self.registration.scope).href;
const scoped = (path) => new URL(path, self.registration.scope).href;
// Revalidated, not downloaded again: a file the page has just loaded costs a 304 if unchanged.
const fresh = (path) => new Request(scoped(path), { cache: 'no-cache' });
const onDemand = new Set(Object.values(ON_DEMAND).flat().map(scoped));

/** The language packs an older build of this app has cached (the reader uses them). */
async function languagesInUse() {
  const langs = new Set();
  for (const key of await caches.keys()) {
    if (!key.startsWith('ivocalc-') || key === CACHE) continue;
    for (const request of await (await caches.open(key)).keys()) {
      const m = new URL(request.url).pathname.match(/assets\/([A-Za-z-]+)\.[0-9a-f]{16}\.txt$/);
      if (m) langs.add(m[1]);
    }
  }
  return langs;
}

/** Caches this build's files of a language (those not cached already). */
async function cacheLanguage(lang) {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const p of ON_DEMAND[lang] || []) {
    if (!(await cache.match(scoped(p)))) missing.push(fresh(p));
  }
  if (missing.length) await cache.addAll(missing);
}

// Install: fetch every file of this build into a cache of its own, all or nothing; and the
// language packs the reader used with the previous build.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await (await caches.open(CACHE)).addAll(PRECACHE.map(fresh));
    for (const lang of await languagesInUse()) await cacheLanguage(lang);
  })());
});

// Activate: remove the caches of older builds, then serve the open pages.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('ivocalc-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

// The page asks the waiting new build to take over when the user chooses to reload, and for
// its language's pack when it was loaded before this worker controlled the page.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  else if (event.data && event.data.cacheLanguage) event.waitUntil(cacheLanguage(String(event.data.cacheLanguage)));
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
  // Hashed files never change: this build's cache first, the network for anything else. A
  // language's file fetched from the network is kept for offline use.
  const keep = onDemand.has(url.origin + url.pathname);
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request).then((response) => {
      if (keep && response.ok) cache.put(request, response.clone());
      return response;
    })))
  );
});
