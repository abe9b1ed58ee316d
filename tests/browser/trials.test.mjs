// The trials view against the release site: link, search, filters, sort, empty result,
// details, comparison charts, CSV export, accessibility of the opened state; a randomised
// comparison read at a glance (one line at 1280 px, a card at 375 px) with screenshots of
// HARMONi-2 and HARMONi-6 at both widths; the evidence filter; the reference tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { startServer, launchBrowser, openApp, axeViolations, screenshotDir, downloadsOf } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// Chromium asks for /favicon.ico outside the sub-path (the site has no icon on this branch):
// a "Failed to load resource" console line that is not the app's.
const appErrors = (errors) => errors.filter((e) => !/Failed to load resource/.test(e));
const rowIds = (page) => page.$$eval('[data-testid="cohort-row"]', (rows) => rows.map((r) => r.dataset.id));
const waitRows = (page, n) => page.waitForFunction((n) => document.querySelectorAll('[data-testid="cohort-row"]').length === n, n);

test('a link with q=HARMONi-2 shows its arms, the ivonescimab arm with HR 0.51', async () => {
  const context = await browser.newContext();
  const { page, foreign, consoleErrors } = await openApp(context, server, '#/trials?q=HARMONi-2');
  await page.waitForSelector('[data-testid="cohort-row"]');
  const ids = await rowIds(page);
  assert.ok(ids.length >= 2, `rows: ${ids}`);
  assert.ok(ids.every((id) => id.startsWith('harmoni2-')), `rows: ${ids}`);
  assert.ok(ids.includes('harmoni2-ivo') && ids.includes('harmoni2-pembrolizumab'));
  const hr = page.locator('[data-testid="cohort-row"][data-id="harmoni2-ivo"] [data-field="hr"]');
  assert.equal(await hr.getAttribute('data-value'), '0.51');
  const row = page.locator('[data-testid="cohort-row"][data-id="harmoni2-ivo"]');
  assert.equal(await row.getAttribute('data-drug'), 'ivonescimab');
  assert.equal(await row.getAttribute('data-tumor'), 'NSCLC');
  assert.equal(await row.getAttribute('data-phase'), 'III');
  // NR: shown, without data-value
  const mdor = row.locator('[data-field="mdor"]');
  assert.equal(await mdor.getAttribute('data-value'), null);
  assert.match(await mdor.textContent(), /NR/);
  assert.match(await page.textContent('[data-testid="result-count"]'), new RegExp(`${ids.length} of 75 rows`));
  assert.deepEqual(foreign, []);
  assert.deepEqual(appErrors(consoleErrors), []);
  await context.close();
});

test('typing a search filters the rows and follows into the address bar; filters combine', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/trials');
  await waitRows(page, 75);
  await page.fill('#f-q', 'TNBC');
  await waitRows(page, 4);
  await page.waitForFunction(() => location.hash.includes('q=TNBC'));
  const tumours = await page.$$eval('[data-testid="cohort-row"]', (rows) => rows.map((r) => r.dataset.tumor));
  assert.deepEqual([...new Set(tumours)], ['TNBC']);
  // drug filter on top of the search: the ivonescimab TNBC study only
  await page.selectOption('#f-drug', 'ivonescimab');
  await waitRows(page, 3);
  await page.waitForFunction(() => location.hash.includes('drug=ivonescimab') && location.hash.includes('q=TNBC'));
  // a phase that none of them has: empty (phase is under "More filters and sorting")
  await page.click('[data-testid="more-filters"] summary');
  await page.selectOption('#f-phase', 'III');
  await waitRows(page, 0);
  await page.waitForSelector('[data-testid="empty"]');
  assert.match(await page.textContent('[data-testid="empty"]'), /No cohort/);
  await page.click('[data-testid="clear-empty"]');
  await waitRows(page, 75);
  await page.waitForFunction(() => !location.hash.includes('q=') && !location.hash.includes('drug=') && !location.hash.includes('phase='));
  assert.equal(await page.inputValue('#f-q'), '');
  await context.close();
});

test('a link that sets phase opens "More filters and sorting" by itself', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const { page } = await openApp(context, server, '#/trials?phase=III');
  const more = page.locator('[data-testid="more-filters"]');
  await page.waitForSelector('[data-testid="cohort-row"]');
  assert.equal(await more.evaluate((d) => d.open), true);
  assert.equal(await page.isVisible('#f-phase'), true);
  assert.equal(await page.inputValue('#f-phase'), 'III');
  assert.match(await more.locator('summary').textContent(), /1 set/);
  // Closing it by hand keeps it closed, and the filter still applies.
  await more.locator('summary').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="more-filters"]').open);
  const phases = await page.$$eval('[data-testid="cohort-row"]', (rows) => rows.map((r) => r.dataset.phase));
  assert.ok(phases.length > 0 && phases.every((p) => p === 'III'));
  await context.close();
});

test('on a phone search, drug, tumour, the count and CSV fit the first screen; the rest is folded', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const { page } = await openApp(context, server, '#/trials');
  await waitRows(page, 75);
  const more = page.locator('[data-testid="more-filters"]');
  assert.equal(await more.evaluate((d) => d.open), false);
  for (const sel of ['#f-q', '#f-drug', '#f-tumor', '[data-testid="result-count"]', '[data-testid="csv"]']) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.y + box.height <= 812, `${sel} in the first screen: ${JSON.stringify(box)}`);
  }
  for (const id of ['phase', 'endpoint', 'line', 'sort', 'dir', 'evidence']) {
    assert.equal(await page.isVisible(`#f-${id}`), false, `${id} folded`);
  }
  // Opened by the user, it stays open while a filter is set and after it is unset.
  await more.locator('summary').click();
  await page.selectOption('#f-sort', 'orr');
  await page.waitForFunction(() => location.hash.includes('sort=orr'));
  await page.selectOption('#f-sort', '');
  await page.waitForFunction(() => !location.hash.includes('sort='));
  assert.equal(await more.evaluate((d) => d.open), true);
  assert.equal(await page.isVisible('#f-sort'), true);
  await context.close();
});

test('clicking the ORR header sorts the rows by ORR, highest first, missing last; again reverses', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/trials');
  await waitRows(page, 75);
  await page.click('button[data-sort="orr"]');
  await page.waitForFunction(() => location.hash.includes('sort=orr') && location.hash.includes('dir=desc'));
  const th = page.locator('th:has(button[data-sort="orr"])');
  assert.equal(await th.getAttribute('aria-sort'), 'descending');
  const values = await page.$$eval('[data-testid="cohort-row"] [data-field="orr"]', (cells) => cells.map((c) => c.dataset.value ?? null));
  const numbers = values.filter((v) => v !== null).map(Number);
  const firstMissing = values.indexOf(null);
  assert.ok(firstMissing === -1 || values.slice(firstMissing).every((v) => v === null), 'missing ORR after every number');
  assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a));
  // the highest ORR in the data: ES-SCLC 10 mg/kg, "90.9% for 10 mg/kg" (seed 000, SCLC section)
  assert.equal(numbers[0], 90.9);
  assert.equal(await page.getAttribute('[data-testid="cohort-row"]', 'data-id'), 'sclc-10mgkg');
  await page.click('button[data-sort="orr"]');
  await page.waitForFunction(() => location.hash.includes('dir=asc'));
  const asc = (await page.$$eval('[data-testid="cohort-row"] [data-field="orr"]', (cells) => cells.map((c) => c.dataset.value ?? null)))
    .filter((v) => v !== null).map(Number);
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  await context.close();
});

test('a filter value the data does not know is reported at its field; the page stays', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/trials?tumor=kidney&phase=III');
  const error = page.locator('[data-testid="error"][data-field="tumor"]');
  await error.waitFor();
  assert.match(await error.textContent(), /kidney/);
  const phases = await page.$$eval('[data-testid="cohort-row"]', (rows) => rows.map((r) => r.dataset.phase));
  assert.ok(phases.length > 0 && phases.every((p) => p === 'III'));
  await context.close();
});

test('the detail panel shows figures as printed, their sources, the notes and the registry link', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/trials?q=HARMONi-2');
  const panel = page.locator('[data-testid="detail"][data-id="harmoni2-ivo"]');
  assert.equal(await panel.isVisible(), false);
  const toggle = page.locator('[data-testid="cohort-row"][data-id="harmoni2-ivo"] button.detail-toggle');
  await toggle.click();
  await panel.waitFor({ state: 'visible' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const text = await panel.textContent();
  assert.ok(text.includes('stratified HR: 0.51; 95% CI, 0.38–0.69'), 'HR as printed');
  assert.ok(text.includes('(11.1 vs. 5.8 months)') && text.includes('11.14'), 'both mPFS figures');
  assert.ok(text.includes('the review of PD-1(L1)/VEGF bispecifics, Non-small cell lung cancer, ref. 19'), 'where in the source');
  assert.ok(!/seed 0/i.test(text), 'documents named as readers know them');
  assert.ok(text.includes('Xiong et al., Lancet 2025 (HARMONi-2)'), 'later evidence named');
  assert.ok(await panel.locator('[data-testid="page-link"]').first().isVisible(), 'the page read is linked');
  assert.ok(await panel.locator('[data-testid="source-note"][data-id="harmoni2-mpfs-11.1-vs-11.14"]').isVisible());
  const link = panel.locator('[data-testid="registry-link"]');
  assert.equal(await link.getAttribute('href'), 'https://clinicaltrials.gov/study/NCT05499390');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await toggle.click();
  await panel.waitFor({ state: 'hidden' });
  // the 9-digit registry id: flagged, no link
  await page.fill('#f-q', 'BTC');
  await page.waitForSelector('[data-testid="cohort-row"][data-id="nct052114482-btc"]');
  await page.click('[data-testid="cohort-row"][data-id="nct052114482-btc"] button.detail-toggle');
  const btc = page.locator('[data-testid="detail"][data-id="nct052114482-btc"]');
  await btc.waitFor({ state: 'visible' });
  assert.equal(await btc.locator('[data-testid="registry-link"]').count(), 0);
  assert.match(await btc.locator('[data-testid="registry-malformed"]').textContent(), /NCT052114482/);
  assert.ok(await btc.locator('[data-testid="source-note"][data-id="registry-id-9-digits"]').isVisible());
  await context.close();
});

for (const width of [375, 1280]) {
  test(`comparing two rows draws bars and a forest plot with the caveat (${width} px); screenshot`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const { page, consoleErrors } = await openApp(context, server, '#/trials?phase=III&drug=ivonescimab');
    await page.waitForSelector('[data-testid="cohort-row"]');
    await page.check('#pick-harmoni2-ivo');
    await page.check('#pick-harmonia-ivo');
    const table = page.locator('[data-testid="compare-table"]');
    await table.waitFor();
    assert.equal(await table.locator('thead th[data-id]').count(), 2);
    assert.equal(await table.locator('[data-field="hr"][data-id="harmoni2-ivo"]').getAttribute('data-value'), '0.51');
    // ORR and DCR of HARMONi-2 (50, 90), ORR of HARMONi-A (50.6)
    const bars = await page.$$eval('[data-testid="bar-chart"] rect.bar', (rs) => rs.map((r) => `${r.dataset.series}=${r.dataset.value}`));
    assert.deepEqual(bars, ['ORR=50', 'DCR=90', 'ORR=50.6']);
    const forest = await page.$$eval('[data-testid="forest-plot"] [data-testid="forest-row"]', (gs) => gs.map((g) => Number(g.dataset.value)));
    assert.deepEqual(forest, [0.51, 0.46]);
    assert.equal(await page.getAttribute('[data-testid="forest-plot"] [data-testid="null-line"]', 'data-value'), '1');
    // the null line sits between the estimates and the right edge: HRs < 1 are to its left
    const geometry = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid="forest-plot"]');
      const x1 = Number(svg.querySelector('[data-testid="null-line"]').getAttribute('x1'));
      const est = [...svg.querySelectorAll('rect.estimate')].map((r) => Number(r.getAttribute('x')) + 4.5);
      return { x1, est };
    });
    assert.ok(geometry.est.every((x) => x < geometry.x1), JSON.stringify(geometry));
    assert.ok(await page.locator('[data-testid="compare-caveat"]').isVisible());
    // the charts have text alternatives
    assert.match(await page.textContent('[data-testid="bar-chart"] desc'), /ORR 50%, DCR 90%/);
    assert.match(await page.textContent('[data-testid="forest-plot"] desc'), /0\.51 \(95% CI 0\.38–0\.69\)/);
    const wrap = await page.evaluate(() => {
      const w = document.querySelector('.trials-table-wrap');
      return { scroll: w.scrollWidth, client: w.clientWidth, page: document.documentElement.scrollWidth };
    });
    assert.ok(wrap.page <= width + 1, `the page itself does not scroll sideways: ${JSON.stringify(wrap)}`);
    await mkdir(screenshotDir, { recursive: true });
    await page.locator('[data-testid="compare"]').screenshot({ path: join(screenshotDir, `trials-compare-${width}.png`) });
    // accessibility with a detail panel open and the comparison shown, light and dark
    await page.click('[data-testid="cohort-row"][data-id="harmoni2-ivo"] button.detail-toggle');
    await page.waitForSelector('[data-testid="detail"][data-id="harmoni2-ivo"]', { state: 'visible' });
    await page.screenshot({ path: join(screenshotDir, `trials-detail-${width}.png`) });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${scheme}: ${JSON.stringify(violations, null, 1)}`);
    }
    assert.deepEqual(appErrors(consoleErrors), []);
    await context.close();
  });
}

test('the filtered table downloads as CSV named with the data version, with the header row', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page } = await openApp(context, server, '#/trials?q=TNBC');
  await waitRows(page, 4);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="csv"]'),
  ]);
  assert.match(download.suggestedFilename(), /^ivocalc-trials-[0-9a-f]{16}\.csv$/);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  const lines = text.split('\r\n').filter((l) => l !== '');
  assert.equal(lines[0].split(',').slice(0, 6).join(','), 'id,trial,registry_id,registry_url,drug,drugs');
  assert.ok(lines[0].includes(',orr,orr_ci_low,orr_ci_high,') && lines[0].endsWith(',other_figures,source,notes'), lines[0]);
  assert.equal(lines.length, 1 + 4, 'one line per row shown');
  assert.ok(lines.slice(1).every((l) => l.includes('TNBC')));
  await page.waitForSelector('text=Saved 4 rows');
  await context.close();
});

// A randomised comparison read at a glance: HARMONi-2 and HARMONi-6, phone and desktop.
for (const width of [375, 1280]) {
  for (const [trial, exp, ctl, hr] of [['HARMONi-2', 'harmoni2-ivo', 'harmoni2-pembrolizumab', '0.51'], ['HARMONi-6', 'harmoni6-ivo', 'harmoni6-tislelizumab', '0.6']]) {
    test(`${trial} reads at a glance at ${width} px: arm vs arm, medians, hazard ratio with its CI; screenshot`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const { page, consoleErrors } = await openApp(context, server, `#/trials?q=${trial}`);
      await page.waitForSelector(`[data-testid="cohort-row"][data-id="${exp}"]`);
      // one comparison: both arms in one line group, the hazard ratios on the experimental arm
      const group = page.locator(`tbody.comparison[data-line="${exp}"]`);
      assert.equal(await group.locator('[data-testid="cohort-row"]').count(), 2);
      const ids = await group.locator('[data-testid="cohort-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.id));
      assert.deepEqual(ids, [exp, ctl]);
      const hrCell = page.locator(`[data-testid="cohort-row"][data-id="${exp}"] [data-field="hr"]`);
      assert.equal(await hrCell.getAttribute('data-value'), hr);
      assert.ok(await hrCell.isVisible(), 'the hazard ratio is shown');
      assert.equal(await page.locator(`[data-testid="cohort-row"][data-id="${ctl}"] [data-field="hr"]`).getAttribute('data-value'), null);
      const row = page.locator(`[data-testid="cohort-row"][data-id="${exp}"]`);
      assert.ok(['peer-reviewed', 'congress', 'company', 'review'].includes(await row.getAttribute('data-evidence')));
      assert.match(await row.getAttribute('data-asof'), /^\d{4}-\d{2}(-\d{2})?$/);
      assert.match(await page.textContent('[data-testid="evidence-as-of"]'), /Evidence as of \d{1,2} \w{3} 20\d\d/);
      const box = await hrCell.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width + 1, `hazard ratio within the width: ${JSON.stringify(box)}`);
      const layout = await page.evaluate(() => {
        const w = document.querySelector('.trials-table-wrap');
        return { scroll: w.scrollWidth, client: w.clientWidth, page: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight };
      });
      assert.ok(layout.page <= width + 1, `the page does not scroll sideways: ${JSON.stringify(layout)}`);
      if (width === 1280) {
        // every column, hazard ratio included, without scrolling sideways; within three screens
        assert.ok(layout.scroll <= layout.client + 1, `the table does not scroll sideways: ${JSON.stringify(layout)}`);
        for (const field of ['n', 'orr', 'dcr', 'mpfs', 'mos', 'mdor', 'hr', 'hros', 'ae', 'ae3']) {
          const c = await page.locator(`[data-testid="cohort-row"][data-id="${exp}"] [data-field="${field}"]`).boundingBox();
          assert.ok(c && c.x + c.width <= 1280, `${field} visible`);
        }
        assert.ok(layout.height <= 3 * 900, `the search reads within three screens: ${layout.height}px`);
      } else {
        // a card: the line is a block no wider than the screen, its figures labelled
        const card = await group.boundingBox();
        assert.ok(card && card.width <= width, JSON.stringify(card));
        assert.match(await hrCell.textContent(), /HR PFS/);
      }
      await mkdir(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, `trials-${trial.toLowerCase()}-${width}.png`), fullPage: true });
      assert.deepEqual(appErrors(consoleErrors), []);
      await context.close();
    });
  }
}

test('the evidence filter keeps rows of one kind; the reference tabs hold notes, ongoing trials, molecules and documents', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/trials?evidence=congress');
  await page.waitForSelector('[data-testid="cohort-row"]');
  const kinds = await page.$$eval('[data-testid="cohort-row"]', (rows) => rows.map((r) => r.dataset.evidence));
  assert.ok(kinds.length > 0 && kinds.every((k) => k === 'congress'), kinds.join());
  assert.equal(await page.inputValue('#f-evidence'), 'congress');
  // notes of the rows shown under the table; all notes in their own tab
  assert.ok(await page.locator('[data-testid="row-notes"]').isVisible());
  assert.equal(await page.locator('[data-testid="panel-notes"]').isVisible(), false);
  await page.click('[data-tab="notes"]');
  await page.waitForSelector('[data-testid="panel-notes"]:not([hidden])');
  assert.equal(await page.locator('[data-testid="panel-outcomes"]').isVisible(), false);
  assert.ok(await page.locator('[data-testid="panel-notes"] [data-testid="source-note"]').count() > 60);
  await page.click('[data-tab="documents"]');
  await page.waitForSelector('[data-testid="panel-documents"]:not([hidden])');
  assert.equal(await page.locator('[data-testid="document"]').count(), 24);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${scheme}: ${JSON.stringify(violations, null, 1)}`);
  }
  await page.click('[data-tab="outcomes"]');
  await page.waitForSelector('[data-testid="panel-outcomes"]:not([hidden])');
  await context.close();
});

test('a link to the Trials view preloads its data beside the wasm, and the view uses that one download', async () => {
  const got = await downloadsOf(browser, '#/trials?q=HARMONi-2', /\/assets\/trials\.[0-9a-f]{16}\.json$/,
    (page) => page.waitForSelector('[data-testid="cohort-row"]'));
  // Requested once, by the loader's <link rel="preload">, not again by the view.
  assert.deepEqual(got.initiators, ['link'], got.entries);
  assert.equal(got.served, 1, got.requests);
});

test('the trials data is downloaded when the Trials view first opens, never by Dose or PK', async () => {
  // No service worker here: it would precache the file for offline use after the first load.
  const own = await startServer();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const trialsFile = /\/assets\/trials\.[0-9a-f]{16}\.json$/;
    const { page } = await openApp(context, own, '#/dose?weight=72.5&mgkg=20');
    await page.waitForSelector('[data-testid="dose-mg"]');
    await page.click('nav a[href="#/pk"]');
    await page.waitForSelector('[data-testid="cmax-ss"]');
    assert.deepEqual(own.requests.filter((p) => trialsFile.test(p)), []);
    await page.click('nav a[href="#/trials"]');
    await page.waitForSelector('[data-testid="cohort-row"]');
    await page.click('nav a[href="#/dose"]');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Dose');
    await page.click('nav a[href="#/trials"]');
    await page.waitForSelector('[data-testid="cohort-row"]');
    assert.equal(own.requests.filter((p) => trialsFile.test(p)).length, 1, own.requests.join('\n'));
  } finally {
    await context.close();
    await own.close();
  }
});
