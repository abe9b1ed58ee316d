#!/usr/bin/env node
// Benchmark (not a test: timings are printed, never asserted). Serves a built site gzipped, as
// GitHub Pages does, and opens it in Debian's Chromium (playwright-core) with the phone profile
// Lighthouse uses for mobile, applied through the DevTools protocol: 150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower, a 412 x 823 screen. Prints:
//   1. per view, the median time from navigation to the first result (cold: a fresh browser
//      context per run, nothing cached, no service worker), and the bytes the page
//      transferred until then;
//   2. what a first visit downloads in all: the page's files plus the service worker's
//      precache, which follows the page's load (measured without throttling);
//   3. the population run in the page (1,000 and 10,000 virtual patients; no throttling, then
//      the phone's CPU): wall time (`sim-ms`), time to the first bands on the chart, and the
//      longest main-thread task while it ran.
//
//   node scripts/bench-phone.mjs [--site DIR] [--runs N] [--population-runs N] [--only dose,pk,trials,visit,population]
//   make bench            (this and the native benchmark, on the release site in dist/)
//
// DIR (default dist/) must be built for the site root: `make dist`.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// playwright-core comes with the browser tests' packages (scripts/tools.sh test installs them).
const require = createRequire(join(repoRoot, 'tests', 'browser', 'package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const siteDir = resolve(option('site', join(repoRoot, 'dist')));
const runs = Number(option('runs', 5));
const populationRuns = Number(option('population-runs', 5));
const only = new Set(option('only', 'dose,pk,trials,visit,population').split(','));

/** The phone profile (Lighthouse's mobile default, as DevTools applies it). */
const PHONE = {
  latencyMs: 150,
  downloadBytesPerSecond: 1_600_000 / 8,
  uploadBytesPerSecond: 750_000 / 8,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
};

/** Each view's first result: the link opened and the element that shows the result. */
const VIEWS = [
  { name: 'dose', hash: '#/dose?weight=72.5&mgkg=20&every=3', selector: '[data-testid="dose-mg"]' },
  { name: 'pk', hash: '#/pk?mgkg=20&weight=70&every=3&doses=17', selector: '[data-testid="cmax-ss"]' },
  { name: 'trials', hash: '#/trials?q=HARMONi-2', selector: '[data-testid="cohort-row"]' },
];

// ---------------------------------------------------------------- the site, gzipped

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};
/** Types GitHub Pages sends gzipped (images are compressed already). */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);

function readSite(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.startsWith('.')) {
        const raw = readFileSync(path);
        const ext = extname(name);
        const gzip = COMPRESSED.has(ext);
        files.set('/' + relative(dir, path).split('\\').join('/'), {
          body: gzip ? gzipSync(raw, { level: 9 }) : raw,
          gzip,
          etag: `"${createHash('sha256').update(raw).digest('hex').slice(0, 16)}"`,
          type: TYPES[ext] || 'application/octet-stream',
        });
      }
    }
  };
  walk(dir);
  return files;
}

/**
 * Serves the site at the root; counts the bytes of every response body it sends, and whether
 * the service worker asked (its requests name its script as their referrer).
 */
async function serve(files) {
  let sent = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = files.get(path === '/' ? '/index.html' : path);
    if (!file) { res.writeHead(404).end(); return; }
    // As GitHub Pages: ten minutes' caching, an ETag, gzip where it helps.
    const worker = Boolean(req.headers['service-worker']) || /\/sw\.js$/.test(req.headers.referer || '');
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, { etag: file.etag, 'cache-control': 'max-age=600' }).end();
      sent.push({ path, bytes: 0, worker });
      return;
    }
    const headers = { 'content-type': file.type, 'cache-control': 'max-age=600', etag: file.etag, 'content-length': file.body.length };
    if (file.gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers);
    res.end(file.body);
    sent.push({ path, bytes: file.body.length, worker });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    takeSent() { const s = sent; sent = []; return s; },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

// ---------------------------------------------------------------- measuring in the page

/**
 * Runs in the page before its own scripts: records when each watched selector first matches
 * (performance.now(), ms from navigation start) and every long task (over 50 ms).
 */
function watchPage(selectors) {
  const seen = {};
  const longTasks = [];
  window.__bench = { seen, longTasks };
  const check = () => {
    for (const [name, selector] of Object.entries(selectors)) {
      if (!(name in seen) && document.querySelector(selector)) seen[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long task API */ }
}

async function phonePage(browser, { throttleNetwork = true, cpu = PHONE.cpuSlowdown, serviceWorkers = 'block' } = {}) {
  const context = await browser.newContext({
    viewport: PHONE.viewport, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true, serviceWorkers,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (throttleNetwork) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE.latencyMs,
      downloadThroughput: PHONE.downloadBytesPerSecond,
      uploadThroughput: PHONE.uploadBytesPerSecond,
    });
  }
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  // Bytes as the browser received them (headers and gzip bodies), per request.
  const received = [];
  cdp.on('Network.loadingFinished', (e) => received.push({ bytes: e.encodedDataLength }));
  return { context, page, cdp, received };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (x) => (x === undefined || x === null || Number.isNaN(x) ? '—' : `${Math.round(x)} ms`);

async function firstResult(browser, server, view) {
  const { context, page, received } = await phonePage(browser);
  await page.addInitScript(watchPage, { result: view.selector });
  await page.goto(server.base + view.hash, { waitUntil: 'commit' });
  await page.waitForFunction(() => 'result' in window.__bench.seen, null, { timeout: 120_000, polling: 50 });
  // What the page had received when the result was seen (within the 50 ms of polling).
  const bytes = received.reduce((sum, r) => sum + r.bytes, 0);
  const at = await page.evaluate(() => window.__bench.seen.result);
  await context.close();
  server.takeSent();
  return { ms: at, bytes };
}

async function firstVisitBytes(browser, server) {
  // Unthrottled, with the service worker: the page's own downloads, then its precache.
  const context = await browser.newContext({ viewport: PHONE.viewport, serviceWorkers: 'allow' });
  const page = await context.newPage();
  server.takeSent();
  await page.goto(server.base + VIEWS[0].hash);
  await page.waitForSelector(VIEWS[0].selector, { timeout: 60_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // The precache is done when the worker is active; wait until the server has been quiet.
  let sent = [];
  for (let quiet = 0; quiet < 5;) {
    await new Promise((ok) => setTimeout(ok, 200));
    const more = server.takeSent();
    sent = sent.concat(more);
    quiet = more.length ? 0 : quiet + 1;
  }
  await context.close();
  const sum = (xs) => xs.reduce((s, x) => s + x.bytes, 0);
  const byPage = sent.filter((x) => !x.worker);
  const byWorker = sent.filter((x) => x.worker);
  return { page: sum(byPage), pageFiles: byPage.length, worker: sum(byWorker), workerFiles: byWorker.length };
}

async function population(browser, server, patients, seed, cpu) {
  const { context, page } = await phonePage(browser, { throttleNetwork: false, cpu });
  await page.addInitScript(watchPage, {
    typical: '[data-testid="cmax-ss"]',
    bands: '#pk-chart path.band',
    done: '[data-testid="pop-status"][data-state="done"]',
  });
  await page.goto(`${server.base}#/pk?mgkg=20&weight=70&every=3&doses=17&n=${patients}&seed=${seed}`);
  await page.waitForSelector('[data-testid="pop-status"][data-state="done"]', { timeout: 300_000 });
  await page.waitForSelector('[data-testid="sim-ms"]');
  const result = await page.evaluate(() => {
    const { seen, longTasks } = window.__bench;
    const mark = (name) => performance.getEntriesByName(name).map((e) => e.startTime)[0];
    const start = mark('ivocalc:population-start') ?? seen.typical;
    const end = mark('ivocalc:population-done') ?? seen.done;
    const during = longTasks.filter((t) => t.start + t.duration >= start && t.start <= end);
    return {
      simMs: Number(document.querySelector('[data-testid="sim-ms"]').getAttribute('data-value')),
      firstBands: (mark('ivocalc:population-bands') ?? seen.bands) - start,
      longest: during.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasks: during.length,
    };
  });
  await context.close();
  server.takeSent();
  return result;
}

// ---------------------------------------------------------------- main

const files = readSite(siteDir);
if (!files.has('/index.html')) {
  console.error(`bench-phone: no index.html in ${siteDir}; build the site first (make dist)`);
  process.exit(1);
}
const server = await serve(files);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
console.log(`site: ${relative(repoRoot, siteDir) || siteDir}, served gzipped (level 9)`);
console.log(`phone profile: ${PHONE.latencyMs} ms round trip, ${PHONE.downloadBytesPerSecond * 8 / 1e6} Mbit/s down, ` +
  `${PHONE.uploadBytesPerSecond * 8 / 1e3} kbit/s up, CPU ${PHONE.cpuSlowdown}x slower; ${runs} cold runs per view`);
try {
  for (const view of VIEWS.filter((v) => only.has(v.name))) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await firstResult(browser, server, view));
    const times = results.map((r) => r.ms);
    console.log(`first result, ${view.name.padEnd(6)} ${view.hash.padEnd(40)} median ${ms(median(times))}` +
      ` (runs ${times.map((t) => Math.round(t)).join(', ')}); transferred by then ${kb(median(results.map((r) => r.bytes)))}`);
  }
  if (only.has('visit')) {
    const visit = await firstVisitBytes(browser, server);
    console.log(`first visit (dose link), gzip bodies: the page ${kb(visit.page)} in ${visit.pageFiles} files; ` +
      `then the service worker ${kb(visit.worker)} in ${visit.workerFiles} files (its precache)`);
  }
  if (only.has('population')) {
    for (const cpu of [1, PHONE.cpuSlowdown]) {
      for (const patients of [1000, 10000]) {
        const results = [];
        for (let i = 0; i < populationRuns; i++) results.push(await population(browser, server, patients, i + 1, cpu));
        const pick = (k) => results.map((r) => r[k]);
        console.log(`population, ${String(patients).padStart(5)} patients, CPU ${cpu}x: sim-ms median ${ms(median(pick('simMs')))}` +
          ` (runs ${pick('simMs').map((t) => Math.round(t)).join(', ')}); first bands ${ms(median(pick('firstBands')))}` +
          ` after the start; ` +
          (Math.max(...pick('longest')) > 0
            ? `longest task ${ms(Math.max(...pick('longest')))} (tasks over 50 ms per run: median ${median(pick('longTasks'))})`
            : 'no main-thread task over 50 ms (the browser reports none)'));
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
