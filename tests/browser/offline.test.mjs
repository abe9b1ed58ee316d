// Offline use and updates: the app loads and calculates with no network once it has been
// opened, and a new build replaces the old one cleanly, never mixing files of two builds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { startServer, launchBrowser, openApp, siteDir, repoRoot, screenshot, waitForCondition } from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Waits until the service worker of this build controls the page and has its files cached. */
async function waitForOfflineReady(page) {
  await waitForCondition(page, async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return !!navigator.serviceWorker.controller && registration?.active?.state === 'activated';
  }, null, { what: 'the service worker to control the page' });
}

test('manifest: installable under a sub-path', async () => {
  const manifest = JSON.parse(await readFile(join(siteDir, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url.startsWith('/'), false, 'start_url must be relative');
  assert.equal(manifest.scope, './');
  const sizes = manifest.icons.map((i) => `${i.sizes}:${i.purpose}`);
  assert.ok(sizes.includes('192x192:any') && sizes.includes('512x512:any') && sizes.includes('512x512:maskable'), sizes.join());
  for (const icon of manifest.icons) {
    const png = await readFile(join(siteDir, icon.src));
    assert.equal(png.readUInt32BE(16), Number(icon.sizes.split('x')[0]), `${icon.src} width`);
  }
  // The manifest in Chinese: the same app, its name and description translated, opening in Chinese.
  const zh = JSON.parse(await readFile(join(siteDir, 'manifest.zh-CN.webmanifest'), 'utf8'));
  assert.equal(manifest.lang, 'en');
  assert.equal(zh.lang, 'zh-CN');
  assert.match(zh.name, /依沃西单抗/);
  assert.equal(zh.start_url, './#/dose?lang=zh-CN');
  for (const key of ['short_name', 'scope', 'display', 'background_color', 'theme_color', 'icons']) {
    assert.deepEqual(zh[key], manifest[key], key);
  }
  const sw = await readFile(join(siteDir, 'sw.js'), 'utf8');
  const files = await readdir(siteDir);
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[.*?\]);/)[1]);
  const onDemand = JSON.parse(sw.match(/const ON_DEMAND = (\{.*?\});/)[1]);
  for (const f of files.filter((f) => /\.(wasm|js|css|webmanifest)$/.test(f) && f !== 'sw.js' && f !== 'manifest.zh-CN.webmanifest')) {
    assert.ok(precache.includes(f), `sw.js precaches ${f}`);
  }
  // The trials data, fetched when the Trials view first opens, is kept for offline use.
  const trialsData = (await readdir(join(siteDir, 'assets'))).filter((f) => /^trials\.[0-9a-f]{16}\.json$/.test(f));
  assert.equal(trialsData.length, 1, trialsData.join());
  assert.ok(precache.includes(`assets/${trialsData[0]}`), precache.join());
  // The Chinese texts and manifest are cached only for readers who choose Chinese.
  const packs = (await readdir(join(siteDir, 'assets'))).filter((f) => /^zh-CN\.[0-9a-f]{16}\.txt$/.test(f)).map((f) => `assets/${f}`);
  assert.equal(packs.length, 1, packs.join());
  assert.deepEqual(onDemand, { 'zh-CN': [...packs, 'manifest.zh-CN.webmanifest'] });
  assert.ok(!precache.some((f) => onDemand['zh-CN'].includes(f)), precache.join());
});

test('opened once, the app loads and calculates with no network', async () => {
  const server = await startServer();
  const context = await browser.newContext();
  try {
    const { page } = await openApp(context, server, '#/dose');
    await waitForOfflineReady(page);
    server.setOffline(true);
    const before = server.requests.length;
    for (const [hash, heading] of [['#/dose?weight=70&mgkg=20', 'Dose'], ['#/pk?mgkg=20&doses=4', 'Pharmacokinetics'], ['#/trials?q=TNBC', 'Trials'], ['#/about', 'About ivocalc']]) {
      await page.goto(server.base + hash);
      await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h, heading);
    }
    // A dose computed offline.
    await page.goto(server.base + '#/dose?weight=72.5&mgkg=20');
    const dose = page.locator('[data-testid="dose-mg"]');
    await dose.waitFor();
    assert.equal(Number(await dose.getAttribute('data-value')), 1450);
    // A PK curve computed offline.
    await page.goto(server.base + '#/pk?mgkg=20&weight=70&every=3&doses=17');
    await page.locator('[data-testid="cmax-ss"]').waitFor();
    assert.ok(Number(await page.locator('[data-testid="cmax-ss"]').getAttribute('data-value')) > 0);
    // A trial search offline.
    await page.goto(server.base + '#/trials?q=HARMONi-2');
    await page.locator('[data-testid="cohort-row"]').first().waitFor();
    await screenshot(page, 'offline-trials-375');
    // Requests reached the (offline) server only for the page itself: everything else came from the cache.
    server.setOffline(false);
  } finally {
    await context.close();
    await server.close();
  }
});

/** A second build: the first one with a changed stylesheet under a new hashed name. */
async function makeSecondBuild() {
  const dir = await mkdtemp(join(tmpdir(), 'ivocalc-v2-'));
  await cp(siteDir, dir, { recursive: true });
  const files = await readdir(dir);
  const css = files.find((f) => /^style-.*\.css$/.test(f));
  assert.ok(css, 'the build has a hashed style-*.css');
  const renamed = css.replace(/^style-/, 'style-v2-');
  const content = await readFile(join(dir, css), 'utf8');
  const changed = content + '\n/* build 2 */\n';
  await writeFile(join(dir, renamed), changed);
  const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
  await rm(join(dir, css));
  const index = await readFile(join(dir, 'index.html'), 'utf8');
  await writeFile(join(dir, 'index.html'), index.replaceAll(css, renamed).replace(sri(content), sri(changed)).replace(/<meta charset=("?)utf-8\1>/i, (m) => `${m}<meta name="ivocalc-test-build" content="2">`));
  const version = execFileSync('python3', [join(repoRoot, 'scripts', 'post_build.py'), '--sw-only', dir]).toString().trim();
  return { dir, version, css, renamed };
}

test('a new build is announced, replaces the old one on reload, and old caches go', async () => {
  const server = await startServer();
  const second = await makeSecondBuild();
  const context = await browser.newContext();
  try {
    const { page } = await openApp(context, server, '#/about');
    await waitForOfflineReady(page);
    const firstKeys = await page.evaluate(() => caches.keys());
    server.setRoot(second.dir);
    // The open app keeps running on its build until the user chooses.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.locator('[data-testid="update-ready"]');
    await banner.waitFor();
    assert.equal(await page.locator('meta[name="ivocalc-test-build"]').count(), 0);
    await screenshot(page, 'update-ready-1280');
    await Promise.all([page.waitForEvent('load'), banner.locator('button').click()]);
    await page.waitForSelector('main h1');
    assert.equal(await page.locator('meta[name="ivocalc-test-build"]').count(), 1);
    // Every stylesheet the page uses is of the new build.
    const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href).filter(Boolean));
    assert.ok(sheets.some((h) => h.includes(second.renamed)) && !sheets.some((h) => h.includes(second.css)), sheets.join());
    await waitForCondition(page, async (v) => {
      const keys = await caches.keys();
      return keys.length === 1 && keys[0] === `ivocalc-${v}`;
    }, second.version, { what: 'only the new build\'s cache' });
    assert.notDeepEqual(firstKeys, [`ivocalc-${second.version}`]);
  } finally {
    await context.close();
    await server.close();
    await rm(second.dir, { recursive: true, force: true });
  }
});
