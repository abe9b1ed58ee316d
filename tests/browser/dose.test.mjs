// The dose view against the release site: the CONTRACT link, typing, units, warnings, bad
// input, a carboplatin regimen, the address bar, the print stylesheet and screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openApp, screenshot, axeViolations } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The data-value of the one element with this test id, once it exists. */
async function value(page, testid) {
  const el = page.locator(`[data-testid="${testid}"]`);
  await el.waitFor();
  assert.equal(await el.count(), 1, `${testid} count`);
  return Number(await el.getAttribute('data-value'));
}

/** Waits until the element's data-value equals `expected` (within `tolerance`). */
async function waitValue(page, testid, expected, tolerance = 1e-9, drug) {
  const selector = drug ? `[data-testid="${testid}"][data-drug="${drug}"]` : `[data-testid="${testid}"]`;
  await page.waitForFunction(({ selector, expected, tolerance }) => {
    const el = document.querySelector(selector);
    return el && Math.abs(Number(el.dataset.value) - expected) <= tolerance;
  }, { selector, expected, tolerance });
}

const carboplatinCase = '#/dose?weight=60&height=160&age=65&sex=f&scr=0.9&regimen=ivo-pac-carbo';

test('the CONTRACT link gives the hand-computed dose, vials, volume and waste', async () => {
  const context = await browser.newContext();
  const { page, consoleErrors } = await openApp(context, server, '#/dose?weight=72.5&mgkg=20&every=3');
  // 20 mg/kg × 72.5 kg = 1450 mg; ⌈1450/100⌉ = 15 vials; 1450/10 = 145 mL; 1500 − 1450 = 50 mg.
  assert.equal(await value(page, 'dose-mg'), 1450);
  assert.equal(await value(page, 'dose-final-mg'), 1450);
  assert.equal(await value(page, 'vials'), 15);
  assert.equal(await value(page, 'volume-ml'), 145);
  assert.equal(await value(page, 'waste-mg'), 50);
  assert.equal(await value(page, 'weight-kg'), 72.5);
  assert.equal(await page.locator('[data-testid="warning"]').count(), 0);
  assert.equal(await page.locator('[data-testid="label-note"]').count(), 3);
  assert.match(await page.textContent('main'), /20 mg\/kg × 72\.5 kg = 1450 mg/);
  // (A missing favicon is the shell's business; panics and script errors are this view's.)
  assert.deepEqual(consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});

test('typing updates the results; pounds are converted', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose');
  // Nothing typed: the dose says what is missing instead of disappearing.
  await page.locator('[data-testid="missing"][data-result="dose-mg"]').waitFor();
  await page.fill('#f-weight', '80');
  await waitValue(page, 'dose-mg', 1600); // 20 × 80
  await page.fill('#f-mgkg', '10');
  await waitValue(page, 'dose-mg', 800); // 10 × 80
  assert.equal(await value(page, 'vials'), 8);
  // 80 lb × 0.45359237 = 36.287 kg; 10 mg/kg → 362.87 mg, 4 vials.
  await page.selectOption('#f-wunit', 'lb');
  await waitValue(page, 'weight-kg', 36.2873896, 1e-6);
  await waitValue(page, 'dose-mg', 362.873896, 1e-6);
  assert.equal(await value(page, 'vials'), 4);
  // A preset sets the dose level; the label preset also sets every 3 weeks.
  await page.selectOption('#f-every', '2');
  await page.getByRole('button', { name: /20 mg\/kg every 3 weeks \(label dose\)/ }).click();
  await waitValue(page, 'dose-mg', 725.747792, 1e-6);
  assert.equal(await page.inputValue('#f-every'), '3');
  await context.close();
});

test('200 kg gives warnings with their codes and sources', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose?weight=200');
  const warning = page.locator('[data-testid="warning"][data-code="weight-outside-pk-range"]');
  await warning.waitFor();
  assert.match(await warning.textContent(), /31–155 kg/);
  assert.match(await warning.textContent(), /the review of PD-1\(L1\)\/VEGF bispecifics/);
  assert.equal(await page.locator('[data-testid="warning"][data-code="weight-may-be-pounds"]').count(), 1);
  assert.equal(await value(page, 'dose-mg'), 4000);
  await context.close();
});

test('bad input gets a message at its field and nothing goes blank', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, carboplatinCase);
  await waitValue(page, 'carboplatin-mg', 420.1389, 1e-3);
  await page.fill('#f-height', 'tall');
  const error = page.locator('[data-testid="error"][data-field="height"]');
  await error.waitFor();
  assert.match(await error.textContent(), /tall/);
  assert.equal(await page.getAttribute('#f-height', 'aria-invalid'), 'true');
  // What does not need the height stays; what does says why.
  assert.equal(await value(page, 'dose-mg'), 1200);
  await waitValue(page, 'carboplatin-mg', 420.1389, 1e-3);
  await page.locator('[data-testid="missing"][data-result="bsa-m2"]').waitFor();
  assert.match(await page.textContent('[data-testid="missing"][data-result="bsa-m2"]'), /height/);
  // A dose level of zero: its message, and the dose is withheld rather than defaulted.
  await page.fill('#f-mgkg', '0');
  await page.locator('[data-testid="error"][data-field="mgkg"]').waitFor();
  await page.locator('[data-testid="missing"][data-result="dose-mg"]').waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Dose');
  await context.close();
});

test('a carboplatin regimen computes carboplatin-mg and each partner-mg', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose?weight=60&height=160&age=65&sex=f&scr=0.9');
  await page.selectOption('#f-regimen', 'ivo-pac-carbo');
  // CrCl (140 − 65) × 60 / (72 × 0.9) × 0.85 = 59.028; Calvert 5 × (59.028 + 25) = 420.14 mg;
  // BSA √(160 × 60 / 3600) = 1.63299 m²; paclitaxel 175 × 1.63299 = 285.77 mg.
  await waitValue(page, 'crcl-mlmin', 59.02778, 1e-4);
  await waitValue(page, 'carboplatin-mg', 420.1389, 1e-3);
  await waitValue(page, 'partner-mg', 420.1389, 1e-3, 'carboplatin');
  await waitValue(page, 'partner-mg', 285.7738, 1e-3, 'paclitaxel');
  await waitValue(page, 'bsa-m2', 1.632993, 1e-6);
  assert.match(await page.textContent('main'), /Calvert: 5 × \(59\.03 \+ 25\) = 420\.1 mg/);
  // A typed AUC of 6: 6 × 84.028 = 504.17 mg.
  await page.fill('#f-auc', '6');
  await waitValue(page, 'carboplatin-mg', 504.1667, 1e-3);
  await context.close();
});

test('the address bar follows scenario inputs, never the patient values', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose');
  await page.fill('#f-weight', '64');
  await page.selectOption('#f-regimen', 'ivo-pem-carbo');
  await page.fill('#f-height', '170');
  await page.fill('#f-age', '70');
  await page.fill('#f-scr', '1.1');
  await page.selectOption('#f-round', 'pct10');
  await page.fill('#f-mgkg', '10');
  await page.waitForFunction(() => location.hash.includes('mgkg=10') && location.hash.includes('round=pct10'));
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /regimen=ivo-pem-carbo/);
  for (const p of ['weight=', 'height=', 'age=', 'scr=']) assert.ok(!hash.includes(p), `${p} leaked into ${hash}`);
  // Copy link: scenario only, shown in a read-only field as well.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const field = page.locator('[data-testid="dose-link"]');
  await field.waitFor();
  const link = await field.inputValue();
  assert.match(link, /#\/dose\?mgkg=10/);
  assert.ok(!link.includes('weight='), link);
  assert.notEqual(await field.getAttribute('readonly'), null);
  await page.getByRole('button', { name: 'Copy link with patient values' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="dose-link"]')?.value.includes('weight=64'));
  const full = await field.inputValue();
  assert.match(full, /age=70/);
  assert.match(full, /scr=1\.1/);
  // Opening that link gives the same dose: 10 × 64 = 640 mg.
  const opened = await openApp(context, server, full.slice(full.indexOf('#')));
  assert.equal(await value(opened.page, 'dose-mg'), 640);
  // See exposure: the PK view with this regimen, weight only on the second link.
  assert.equal(await page.getAttribute('[data-testid="see-exposure"]', 'href'), '#/pk?mgkg=10&every=3');
  assert.equal(await page.getAttribute('[data-testid="see-exposure-weight"]', 'href'), '#/pk?mgkg=10&weight=64&every=3');
  await context.close();
});

test('copy as text gives the dose sheet', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page } = await openApp(context, server, '#/dose?weight=72.5');
  await page.getByRole('button', { name: 'Copy as text' }).click();
  const text = page.locator('[data-testid="dose-text"]');
  await text.waitFor();
  const sheet = await text.inputValue();
  assert.match(sheet, /Dose as calculated: 1450 mg/);
  assert.match(sheet, /SOURCES/);
  await context.close();
});

test('the print stylesheet shows the sheet and hides the controls', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, carboplatinCase);
  await waitValue(page, 'carboplatin-mg', 420.1389, 1e-3);
  const visible = (sel) => page.locator(sel).first().isVisible();
  assert.equal(await visible('[data-testid="print-head"]'), false);
  assert.equal(await visible('.dose-actions'), true);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await visible('[data-testid="print-head"]'), true);
  assert.match(await page.textContent('[data-testid="print-head"]'), /ivocalc \d+\.\d+\.\d+ · printed \d{4}-\d{2}-\d{2}/);
  for (const hidden of ['.dose-actions', '.presets', 'nav', '.site-header nav']) {
    assert.equal(await visible(hidden), false, `${hidden} should be hidden in print`);
  }
  for (const shown of ['#f-weight', '#f-mgkg', '#f-every', '#f-regimen', '#f-height', '#f-age', '#f-scr', '#f-auc', '#f-vial', '#f-conc', '#f-round',
    '[data-testid="disagreement"]', '[data-testid="dose-mg"]', '[data-testid="waste-mg"]', '[data-testid="carboplatin-mg"]',
    '[data-testid="formulas"]', '.sources', '.label-notes']) {
    assert.equal(await visible(shown), true, `${shown} should print`);
  }
  // The sheet reads inputs first, then results (the narrow-screen order is for the screen).
  const top = async (sel) => (await page.locator(sel).first().boundingBox()).y;
  assert.ok(await top('#f-round') < await top('[data-testid="dose-mg"]'), 'inputs before results in print');
  assert.ok(await top('[data-testid="dose-mg"]') < await top('[data-testid="carboplatin-mg"]'));
  assert.equal(await visible('.preset-evidence'), false, 'the presets\' trials stay off the sheet');
  await context.close();
});

test('on a phone the ivonescimab result comes right after its inputs, before the regimen', async () => {
  for (const width of [360, 375]) {
    const context = await browser.newContext({ viewport: { width, height: 812 } });
    const { page } = await openApp(context, server, '#/dose?weight=72.5&mgkg=20');
    await page.locator('[data-testid="dose-mg"]').waitFor();
    const box = async (sel) => page.locator(sel).first().boundingBox();
    const dose = await box('[data-testid="dose-mg"]');
    assert.ok(dose.y < 1.5 * 812, `${width}: dose-mg at y = ${dose.y}`);
    // The ivonescimab inputs above it; the other ivonescimab results with it, before the
    // regimen, body size, renal and vial inputs.
    assert.ok((await box('#f-every')).y < dose.y, `${width}: interval above the result`);
    const regimen = (await box('#f-regimen')).y;
    for (const id of ['dose-final-mg', 'vials', 'volume-ml', 'waste-mg']) {
      const y = (await box(`[data-testid="${id}"]`)).y;
      assert.ok(y >= dose.y && y < regimen, `${width}: ${id} at ${y}, dose-mg ${dose.y}, regimen ${regimen}`);
    }
    // The presets: one compact block, each a button, their trials behind a disclosure.
    const presets = await box('.preset-list');
    assert.ok(presets.height < 130, `${width}: presets ${presets.height} px high`);
    const evidence = page.locator('.preset-evidence');
    assert.equal(await page.locator('#preset-10-used').isVisible(), false);
    await evidence.locator('summary').click();
    assert.equal(await page.locator('#preset-10-used').isVisible(), true);
    assert.match(await page.textContent('#preset-10-used'), /NCT04900363/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width}: page wider than the viewport by ${overflow} px`);
    await context.close();
  }
});

test('with a warning, the warning is next to the ivonescimab result on a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const { page } = await openApp(context, server, '#/dose?weight=200');
  const warning = page.locator('[data-testid="warning"]').first();
  await warning.waitFor();
  const y = (await warning.boundingBox()).y;
  assert.ok(y > (await page.locator('[data-testid="waste-mg"]').boundingBox()).y);
  assert.ok(y < (await page.locator('#f-regimen').boundingBox()).y, 'before the regimen input');
  await context.close();
});

test('on a desktop the inputs and the results stay side by side', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page } = await openApp(context, server, carboplatinCase);
  await waitValue(page, 'carboplatin-mg', 420.1389, 1e-3);
  const box = async (sel) => page.locator(sel).first().boundingBox();
  const inputs = await box('.dose-col-inputs');
  const output = await box('.dose-output');
  assert.ok(output.x >= inputs.x + inputs.width, 'results to the right of the inputs');
  // Both columns start at the top; the regimen input follows the ivonescimab inputs directly.
  assert.ok(Math.abs(output.y - inputs.y) < 2, `${output.y} vs ${inputs.y}`);
  assert.ok((await box('#f-regimen')).y < (await box('[data-testid="carboplatin-mg"]')).y);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no WCAG 2.1 AA violation with a carboplatin regimen, warnings and an error (${scheme})`, async () => {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
      const { page } = await openApp(context, server, carboplatinCase + '&weight=160&mgkg=45&auc=abc&cgweight=adjusted');
      await page.locator('[data-testid="error"][data-field="auc"]').waitFor();
      await page.locator('[data-testid="confirm"][data-field="mgkg"]').waitFor();
      await page.locator('[data-testid="warning"]').first().waitFor();
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${width}: ${JSON.stringify(violations, null, 1)}`);
      await context.close();
    }
  });
}

for (const width of [375, 1280]) {
  test(`screenshot of the full dose view with a carboplatin regimen at ${width} px`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const { page } = await openApp(context, server, carboplatinCase + '&round=pct10');
    await waitValue(page, 'carboplatin-mg', 420.1389, 1e-3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than the viewport by ${overflow} px`);
    await screenshot(page, `dose-full-${width}`);
    await context.close();
  });
}
