// The app in Simplified Chinese against the release site: the browser's language on a first
// visit, the header switch (typed values stay, the address bar and the device remember it, a
// link's `lang` wins), every view with the same results as in English, accessible and
// photographed at phone and desktop widths, offline after a visit in Chinese, and English
// readers never download the Chinese texts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openApp, screenshot, axeViolations, waitForCondition, downloadsOf } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The files only Chinese readers fetch: the translation pack and the manifest in Chinese. */
const CHINESE_FILES = /\/(assets\/zh-CN\.[0-9a-f]{16}\.txt|manifest\.zh-CN\.webmanifest)$/;

/** Waits until the page is drawn in `lang` (for Chinese: its texts loaded). */
async function waitForLang(page, lang) {
  await page.waitForSelector(`html[lang="${lang}"] main[data-lang="${lang}"][data-ready="true"]`);
}

/** The text of the navigation's link to a view. */
async function navText(page, path) {
  return (await page.textContent(`nav a[href="#/${path}"]`)).trim();
}

/** Every value of the page (results, table cells, population ranges) with what it is about. */
async function results(page) {
  return page.$$eval('[data-value], [data-p05]', (els) => els
    .filter((e) => e.dataset.testid !== 'sim-ms') // wall time: differs from run to run
    .map((e) => {
      const row = e.closest('[data-testid="cohort-row"]');
      const d = e.dataset;
      return [d.testid, d.drug, d.field, d.id ?? row?.dataset.id, d.value, d.p05, d.p95].map((x) => x ?? '').join(' ');
    }));
}

test('a first visit follows the browser\'s preferred languages', async () => {
  const zh = await browser.newContext({ locale: 'zh-CN' });
  const { page, consoleErrors } = await openApp(zh, server, '#/dose');
  await waitForLang(page, 'zh-CN');
  assert.equal(await navText(page, 'dose'), '剂量');
  assert.equal((await page.textContent('main h1')).trim(), '剂量');
  assert.match(await page.title(), /依沃西单抗/);
  assert.equal(await page.getAttribute('link[rel="manifest"]', 'href'), 'manifest.zh-CN.webmanifest');
  assert.deepEqual(consoleErrors, []);
  await zh.close();
  const en = await browser.newContext({ locale: 'en-US' });
  const { page: english } = await openApp(en, server, '#/dose');
  await waitForLang(english, 'en');
  assert.equal(await navText(english, 'dose'), 'Dose');
  assert.equal(await english.getAttribute('link[rel="manifest"]', 'href'), 'manifest.webmanifest');
  await en.close();
});

test('the switch changes the texts, keeps what was typed, and is remembered; a link\'s lang wins', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 375, height: 800 } });
  const { page } = await openApp(context, server, '#/dose');
  await page.fill('#f-weight', '70');
  await page.waitForSelector('[data-testid="dose-mg"][data-value="1400"]');
  await page.click('.lang-switch button[data-lang="zh-CN"]');
  await waitForLang(page, 'zh-CN');
  assert.equal(await navText(page, 'dose'), '剂量');
  assert.equal((await page.textContent('main h1')).trim(), '剂量');
  assert.equal(await page.inputValue('#f-weight'), '70');
  assert.equal(await page.getAttribute('[data-testid="dose-mg"]', 'data-value'), '1400');
  assert.equal(await page.getAttribute('.lang-switch button[data-lang="zh-CN"]', 'aria-pressed'), 'true');
  assert.match(await page.evaluate(() => location.hash), /[?&]lang=zh-CN(&|$)/);
  // The header switch fits a phone's width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
  await page.reload();
  await waitForLang(page, 'zh-CN');
  // Remembered on the device: a link without lang opens in Chinese.
  const { page: again } = await openApp(context, server, '#/about');
  await waitForLang(again, 'zh-CN');
  assert.equal((await again.textContent('main h1')).trim(), '关于 ivocalc');
  // A shared link opens in the sender's language.
  const { page: shared } = await openApp(context, server, '#/about?lang=en');
  await waitForLang(shared, 'en');
  assert.equal((await shared.textContent('main h1')).trim(), 'About ivocalc');
  // And back to English with the switch.
  await page.click('.lang-switch button[data-lang="en"]');
  await waitForLang(page, 'en');
  assert.equal(await navText(page, 'dose'), 'Dose');
  await context.close();
});

const views = [
  { name: 'dose', hash: '#/dose?weight=60&height=160&age=65&sex=f&scr=0.5&regimen=ivo-pac-carbo&ordered=1300', ready: '[data-testid="carboplatin-mg"]', warning: true },
  { name: 'pk', hash: '#/pk?mgkg=20&weight=70&every=3&doses=17&n=200', ready: '[data-testid="pop-status"][data-state="done"]' },
  { name: 'trials', hash: '#/trials', ready: '[data-testid="cohort-row"]' },
  { name: 'about', hash: '#/about', ready: '[data-testid="app-version"]' },
];

for (const view of views) {
  test(`${view.name} in Chinese: the same results as in English, accessible, photographed`, async () => {
    const en = await browser.newContext({ locale: 'en-US' });
    const { page: english } = await openApp(en, server, `${view.hash}${view.hash.includes('?') ? '&' : '?'}lang=en`);
    await english.waitForSelector(view.ready);
    const expected = await results(english);
    await en.close();
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 }, bypassCSP: true });
      const { page, consoleErrors } = await openApp(context, server, `${view.hash}${view.hash.includes('?') ? '&' : '?'}lang=zh-CN`);
      await waitForLang(page, 'zh-CN');
      await page.waitForSelector(view.ready);
      if (view.warning) {
        await page.locator('[data-testid="warning"]').first().waitFor();
        assert.match(await page.locator('[data-testid="warning"]').first().textContent(), /警告/);
      }
      assert.deepEqual(await results(page), expected);
      // Every part of the page is drawn in Chinese once the texts are here, the view too.
      assert.match((await page.textContent('main h1')).trim(), /[\u4e00-\u9fff]/);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${view.name} ${width}: ${JSON.stringify(violations, null, 1)}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${view.name} at ${width} px is ${overflow} px too wide`);
      await screenshot(page, `zh-${view.name}-${width}`);
      assert.deepEqual(consoleErrors, []);
      await context.close();
    }
  });
}

test('the PK download in Chinese: headers in Chinese, the same numbers', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const { page } = await openApp(context, server, '#/pk?mgkg=20&weight=70&every=3&doses=17&lang=zh-CN');
  await waitForLang(page, 'zh-CN');
  await page.waitForSelector('[data-testid="cmax-ss"]');
  const cmaxSs = await page.getAttribute('[data-testid="cmax-ss"]', 'data-value');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#pk-csv')]);
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await download.path(), 'utf8');
  assert.match(text, /^方案,时间（天）,浓度（µg\/mL）\r\n/);
  assert.ok(text.includes(`,cmax-ss,ug/mL,${cmaxSs},`), 'the metric row carries the page value');
  await context.close();
});

test('the trials download in Chinese: headers in Chinese, the same codes and numbers', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const { page } = await openApp(context, server, '#/trials?q=HARMONi-2&lang=zh-CN');
  await waitForLang(page, 'zh-CN');
  const cell = '[data-testid="cohort-row"][data-id="harmoni2-ivo"] [data-field="hr"]';
  await page.waitForSelector(cell);
  const hr = await page.getAttribute(cell, 'data-value');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="csv"]')]);
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await download.path(), 'utf8');
  assert.match(text, /^行编号,试验,注册号,注册记录网址,双特异性抗体,/);
  const row = text.split('\r\n').find((l) => l.startsWith('harmoni2-ivo,'));
  assert.ok(row && row.includes(`,${hr},`), row);
  await page.waitForSelector('text=已将');
  await context.close();
});

/** Waits until this build's service worker controls the page. */
async function waitForOfflineReady(page) {
  await waitForCondition(page, async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return !!navigator.serviceWorker.controller && registration?.active?.state === 'activated';
  }, null, { what: 'the service worker to control the page' });
}

test('after a visit in Chinese, the app opens in Chinese offline', async () => {
  const offlineServer = await startServer();
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const { page } = await openApp(context, offlineServer, '#/dose?lang=zh-CN');
    await waitForLang(page, 'zh-CN');
    await waitForOfflineReady(page);
    // The Chinese texts are in this build's cache (the page loaded them before the worker ran).
    await waitForCondition(page, async () => {
      for (const key of await caches.keys()) {
        const requests = await (await caches.open(key)).keys();
        if (requests.some((r) => /\/assets\/zh-CN\.[0-9a-f]{16}\.txt$/.test(new URL(r.url).pathname))) return true;
      }
      return false;
    }, null, { what: 'the Chinese texts in the cache' });
    offlineServer.setOffline(true);
    await page.reload();
    await waitForLang(page, 'zh-CN');
    assert.equal(await navText(page, 'dose'), '剂量');
    await page.goto(offlineServer.base + '#/pk?lang=zh-CN&doses=4');
    await waitForLang(page, 'zh-CN');
    assert.equal((await page.textContent('main h1')).trim(), '药代动力学');
    await page.locator('[data-testid="cmax-ss"]').waitFor();
  } finally {
    await context.close();
    await offlineServer.close();
  }
});

test('an English first visit never requests the Chinese texts or manifest', async () => {
  const englishServer = await startServer();
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const { page } = await openApp(context, englishServer, '#/dose');
    await waitForLang(page, 'en');
    await waitForOfflineReady(page);
    for (const path of ['pk', 'trials', 'about', 'dose']) {
      await page.click(`nav a[href="#/${path}"]`);
      await page.waitForSelector('main[data-ready="true"]');
    }
    const chinese = englishServer.requests.filter((p) => CHINESE_FILES.test(p));
    assert.deepEqual(chinese, []);
    // What the service worker keeps offline holds no Chinese texts either.
    const cached = await page.evaluate(async () => {
      const out = [];
      for (const key of await caches.keys()) out.push(...(await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname));
      return out;
    });
    assert.ok(cached.length > 5 && !cached.some((p) => CHINESE_FILES.test(p)), cached.join('\n'));
  } finally {
    await context.close();
    await englishServer.close();
  }
});

test('the update banner speaks the page\'s language', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const { page } = await openApp(context, server, '#/about?lang=zh-CN');
  await waitForLang(page, 'zh-CN');
  const words = await page.evaluate(() => [document.documentElement.dataset.updateText, document.documentElement.dataset.updateButton]);
  assert.deepEqual(words, ['ivocalc 新版本已就绪。', '重新加载以更新']);
  await page.click('.lang-switch button[data-lang="en"]');
  await waitForLang(page, 'en');
  const english = await page.evaluate(() => document.documentElement.dataset.updateButton);
  assert.equal(english, 'Reload to update');
  await context.close();
});

test('a link in Chinese preloads the translation pack beside the wasm; one download, used by the page', async () => {
  const got = await downloadsOf(browser, '#/dose?weight=72.5&mgkg=20&lang=zh-CN', /\/assets\/zh-CN\.[0-9a-f]{16}\.txt$/,
    (page) => page.waitForFunction(() => document.querySelector('main h1')?.textContent === '剂量'));
  assert.deepEqual(got.initiators, ['link'], got.entries);
  assert.equal(got.served, 1, got.requests);
});
