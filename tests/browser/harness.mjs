// Shared set-up of the browser tests: a static server for the release site under a sub-path,
// and Debian's Chromium started headless by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
/** The release site the tests run against (`make test` builds it for this sub-path). */
export const siteDir = process.env.IVOCALC_SITE_DIR || join(repoRoot, 'target', 'site-test');
export const subPath = '/ivocalc/';
export const screenshotDir = join(repoRoot, 'target', 'screenshots');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` under `subPath` on 127.0.0.1 (a free port). `setRoot` swaps the folder served,
 * as a new deployment would; `setOffline(true)` makes every request fail, as with no network.
 */
export async function startServer(root = siteDir) {
  let current = root;
  let offline = false;
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    if (offline) { req.socket.destroy(); return; }
    if (!url.pathname.startsWith(subPath)) { res.writeHead(404).end('not under the sub-path'); return; }
    let rel = decodeURIComponent(url.pathname.slice(subPath.length)) || 'index.html';
    const file = normalize(join(current, rel));
    if (!file.startsWith(normalize(current))) { res.writeHead(403).end(); return; }
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': types[extname(path)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    base: `http://127.0.0.1:${port}${subPath}`,
    requests,
    setRoot(dir) { current = dir; },
    setOffline(value) { offline = value; },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags that keep it off the network. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Opens the app at `hash` and waits until the view named by it has rendered its heading.
 * Every request the page makes is recorded; one that leaves the test server fails the test.
 */
export async function openApp(context, server, hash = '#/dose') {
  const page = await context.newPage();
  const foreign = [];
  const consoleErrors = [];
  page.on('request', (r) => { if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(server.base + hash);
  await page.waitForSelector('main h1');
  return { page, foreign, consoleErrors };
}

/**
 * The page's downloads of one file: opens `hash` on a server of its own, in a context without
 * a service worker (it would precache the file), waits for `ready(page)`, and returns the
 * initiator of each resource the page loaded whose path matches `file` (`'link'` for a
 * `<link rel="preload">`, `'fetch'` for the app's own request), how many requests for it the
 * server saw, and everything both recorded (for assertion messages).
 */
export async function downloadsOf(browser, hash, file, ready) {
  const own = await startServer();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const { page } = await openApp(context, own, hash);
    await ready(page);
    const entries = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => ({ name: e.name, initiator: e.initiatorType })));
    return {
      initiators: entries.filter((e) => file.test(new URL(e.name).pathname)).map((e) => e.initiator),
      served: own.requests.filter((p) => file.test(p)).length,
      entries: JSON.stringify(entries),
      requests: own.requests.join('\n'),
    };
  } finally {
    await context.close();
    await own.close();
  }
}

export async function screenshot(page, name) {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Runs axe-core on the page and returns the WCAG 2.1 A/AA violations. */
export async function axeViolations(page) {
  const source = await readFile(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

/**
 * Waits until `fn` (which may be async) returns true in the page, polling every 50 ms, for at
 * most `timeout` ms. For conditions waitForFunction cannot express (promises in the page).
 */
export async function waitForCondition(page, fn, arg, { timeout = 30000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
