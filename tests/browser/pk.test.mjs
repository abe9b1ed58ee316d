// The PK view against the release site: the CONTRACT link and its metrics, dose
// proportionality, the population run, the chart (log axis, overlays, readout), downloads,
// errors at their fields, the JS API against the native engine, screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openApp, screenshot, screenshotDir } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const METRICS = ['cmax-first', 'ctrough-first', 'cmax-ss', 'ctrough-ss', 'auc-ss', 'rac', 't90ss-days'];
const CONTRACT_LINK = '#/pk?mgkg=20&weight=70&every=3&doses=17';

async function value(page, id) {
  const text = await page.getAttribute(`[data-testid="${id}"]`, 'data-value');
  return Number(text);
}

async function populationDone(page) {
  await page.waitForSelector('[data-testid="pop-status"][data-state="done"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="sim-ms"]');
}

test('the CONTRACT link shows every metric with a finite value; the population run finishes with bands and sim-ms', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const missing = [];
  context.on('response', (r) => { if (r.status() === 404) missing.push(new URL(r.url()).pathname); });
  const { page, foreign, consoleErrors } = await openApp(context, server, CONTRACT_LINK);
  for (const id of METRICS) {
    await page.waitForSelector(`[data-testid="${id}"]`);
    const v = await value(page, id);
    assert.ok(Number.isFinite(v), `${id} = ${v}`);
  }
  await populationDone(page);
  const ms = await value(page, 'sim-ms');
  assert.ok(Number.isFinite(ms) && ms >= 0, `sim-ms = ${ms}`);
  console.log(`sim-ms for 1000 virtual patients, 17 doses every 3 weeks, in Chromium: ${ms.toFixed(1)} ms`);
  // Bands (5-95 % and 25-75 %) and the median are drawn; each metric has its range.
  assert.equal(await page.locator('#pk-chart path.band').count(), 2 + 2, 'two bands and their legend keys');
  assert.equal(await page.getAttribute('#pk-chart', 'data-series'), '2');
  assert.equal(await page.locator('.pk-metrics .pop-range[data-p05]').count(), METRICS.length);
  // The same seed gives the same band.
  const p05 = await page.getAttribute('[data-testid="ctrough-ss"] ~ .pop-range[data-p05]', 'data-p05');
  const again = await openApp(context, server, CONTRACT_LINK);
  await populationDone(again.page);
  assert.equal(await again.page.getAttribute('[data-testid="ctrough-ss"] ~ .pop-range[data-p05]', 'data-p05'), p05);
  // The patient's weight stays out of the address bar.
  await page.fill('#f-doses', '16');
  await page.waitForFunction(() => location.hash.includes('doses=16'));
  assert.ok(!(await page.evaluate(() => location.hash)).includes('weight='));
  assert.deepEqual(foreign, []);
  // (The favicon, which this branch's site does not have, is the only allowed 404.)
  assert.deepEqual(consoleErrors.filter((m) => !/404/.test(m)), []);
  assert.deepEqual(missing.filter((u) => !u.endsWith('/favicon.ico')), []);
  await context.close();
});

test('halving mg/kg halves cmax-ss (dose proportionality)', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, CONTRACT_LINK);
  await page.waitForSelector('[data-testid="cmax-ss"]');
  const at20 = await value(page, 'cmax-ss');
  await page.fill('#f-mgkg', '10');
  await page.waitForFunction((old) => Number(document.querySelector('[data-testid="cmax-ss"]')?.dataset.value) !== old, at20);
  const at10 = await value(page, 'cmax-ss');
  assert.ok(Math.abs(at10 / at20 - 0.5) <= 1e-6 * 0.5, `${at10} / ${at20}`);
  await context.close();
});

test('log axis toggle, three overlaid regimens, readout by keyboard', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/pk');
  await page.waitForSelector('#pk-chart');
  assert.equal(await page.getAttribute('#pk-chart', 'data-log'), 'false');
  await page.click('#pk-log');
  await page.waitForSelector('#pk-chart[data-log="true"]');
  assert.equal(await page.getAttribute('#pk-log', 'aria-pressed'), 'true');
  assert.match(await page.evaluate(() => location.hash), /log=1/);
  await page.click('#pk-compare');
  // 10 mg/kg Q3W, 20 mg/kg Q3W (the inputs), 20 mg/kg Q2W: three curves, each with its colour and dash.
  await page.waitForFunction(() => document.querySelectorAll('#pk-chart path.curve').length >= 3);
  const curves = await page.$$eval('#pk-chart path.curve', (els) => els.map((e) => [e.getAttribute('stroke'), e.getAttribute('stroke-dasharray')]));
  const regimenCurves = curves.slice(0, 3);
  assert.equal(new Set(regimenCurves.map((c) => c[0])).size, 3, JSON.stringify(curves));
  assert.equal(new Set(regimenCurves.map((c) => String(c[1]))).size, 3, JSON.stringify(curves));
  assert.equal(await page.locator('[data-testid="compare-table"] tbody tr').count(), 3);
  await page.focus('#pk-chart');
  await page.keyboard.press('End');
  assert.match(await page.textContent('[data-testid="chart-readout"]'), /^Day 364 · /);
  await page.keyboard.press('Shift+ArrowLeft');
  const readout = await page.textContent('[data-testid="chart-readout"]');
  for (const label of ['20 mg/kg Q3W \\(inputs\\)', '10 mg/kg Q3W', '20 mg/kg Q2W']) {
    assert.match(readout, new RegExp(`${label}: [0-9.]+ µg/mL`), readout);
  }
  // Pointer readout.
  const box = await page.locator('#pk-chart').boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6);
  assert.match(await page.textContent('[data-testid="chart-readout"]'), /Day [0-9.]+ · /);
  await context.close();
});

test('CSV, SVG and PNG downloads', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page } = await openApp(context, server, CONTRACT_LINK);
  await populationDone(page);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#pk-csv')]);
  assert.equal(csv.suggestedFilename(), 'ivonescimab-pk.csv');
  const csvText = await readFile(await csv.path(), 'utf8');
  assert.match(csvText, /^regimen,time_days,conc_ug_per_ml\r\n/);
  assert.match(csvText, /population_time_days,p05_ug_per_ml/);
  const cmaxSs = await value(page, 'cmax-ss');
  assert.ok(csvText.includes(`,cmax-ss,ug/mL,${cmaxSs},`), 'the metric row carries the page value');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#pk-svg')]);
  assert.equal(svg.suggestedFilename(), 'ivonescimab-pk.svg');
  const svgText = await readFile(await svg.path(), 'utf8');
  assert.match(svgText, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svgText.includes('class="curve s0"'));
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#pk-png')]);
  assert.equal(png.suggestedFilename(), 'ivonescimab-pk.png');
  const pngBytes = await readFile(await png.path());
  assert.deepEqual([...pngBytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'PNG signature');
  assert.ok(pngBytes.length > 10_000, `PNG of ${pngBytes.length} bytes`);
  await context.close();
});

test('a bad parameter shows its error at its field and keeps the other inputs', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/pk?mgkg=10&every=2&v1=-1&doses=12');
  const error = page.locator('[data-testid="error"][data-field="v1"]');
  await error.waitFor();
  assert.match(await error.textContent(), /greater than zero/);
  assert.equal(await page.inputValue('#f-v1'), '-1');
  assert.equal(await page.inputValue('#f-mgkg'), '10');
  assert.equal(await page.inputValue('#f-every'), '2');
  assert.equal(await page.inputValue('#f-doses'), '12');
  await page.waitForSelector('[data-testid="results-blocked"]');
  // Fixing it brings the results back; Reset to defaults clears the model inputs.
  await page.fill('#f-v1', '4');
  await page.waitForSelector('[data-testid="cmax-ss"]');
  await page.click('#pk-reset');
  await page.waitForFunction(() => document.querySelector('#f-v1').value === '');
  await context.close();
});

test('the JS API on window.wasmBindings matches the native engine', async () => {
  const fixture = JSON.parse(await readFile(join(here, 'fixtures', 'pk-native.json'), 'utf8'));
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/pk');
  await page.waitForFunction(() => typeof window.wasmBindings?.simulate === 'function');
  for (const { params, metrics } of fixture) {
    const got = await page.evaluate((p) => window.wasmBindings.simulate(p).metrics, params);
    for (const [name, expected] of Object.entries(metrics)) {
      assert.ok(Math.abs(got[name] - expected) <= 1e-9 * Math.abs(expected), `${name}: ${got[name]} vs native ${expected} (${JSON.stringify(params)})`);
    }
  }
  const thrown = await page.evaluate(() => {
    try { window.wasmBindings.simulate({ v1: -1, mgkg: 20 }); return null; } catch (e) { return { message: e.message, errors: e.errors }; }
  });
  assert.equal(thrown.errors[0].field, 'v1');
  assert.match(thrown.message, /^v1: /);
  const pop = await page.evaluate(() => window.wasmBindings.simulatePopulation({ n: 200, seed: 5 }));
  assert.equal(pop.patients, 200);
  assert.ok(pop.p05.length === pop.times_days.length && pop.metrics.ctrough_ss.p05 < pop.metrics.ctrough_ss.p95);
  const dose = await page.evaluate(() => window.wasmBindings.calculateDose({ weight: 72.5, mgkg: 20 }));
  assert.equal(dose.dose_mg, 1450); // 20 mg/kg x 72.5 kg
  const defaults = await page.evaluate(() => window.wasmBindings.pkDefaults());
  assert.ok(Math.abs(defaults.calibration.clearance_t50_days - 51.49) < 0.01);
  await context.close();
});

test('numbers are read in the page as written (the JS engine converts them, after the one grammar)', async () => {
  // The wasm hands a checked decimal to parseFloat instead of Rust's parser (src/decimal.rs);
  // the JS API reads text with the same reader as the form and links. 20 mg/kg x 72.5 kg =
  // 1450 mg; x 50 kg = 1000 mg.
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose');
  await page.waitForFunction(() => typeof window.wasmBindings?.calculateDose === 'function');
  const read = (weight) => page.evaluate((w) => {
    try { return window.wasmBindings.calculateDose({ weight: w, mgkg: '20' }).dose_mg; } catch (e) { return e.errors.map((x) => x.code).join(','); }
  }, weight);
  for (const weight of ['72.5', ' 72.5 ', '+72.50', '7.25e1', '725E-1', '72,5', '0072.5']) {
    assert.equal(await read(weight), 1450, weight);
  }
  assert.equal(await read('.5e2'), 1000);
  assert.equal(await read('50.'), 1000);
  for (const weight of ['0x48', '72.5.1', 'Infinity', '1_000', '7 2', 'e2', '72e', '1e400']) {
    assert.equal(await read(weight), 'not-a-number', weight);
  }
  assert.equal(await read('1,000'), 'ambiguous-number');
  await context.close();
});

for (const width of [375, 1280]) {
  test(`screenshot of the chart at ${width} px`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const { page } = await openApp(context, server, `${CONTRACT_LINK}&overlay=10q3,20q2&refs=1`);
    await populationDone(page);
    const svgWidth = Number(await page.getAttribute('#pk-chart', 'width'));
    assert.ok(svgWidth <= width, `chart ${svgWidth} px wide in a ${width} px window`);
    await mkdir(screenshotDir, { recursive: true });
    await page.locator('.chart-wrap').screenshot({ path: join(screenshotDir, `pk-chart-${width}.png`) });
    await screenshot(page, `pk-full-${width}`);
    await context.close();
  });
}
