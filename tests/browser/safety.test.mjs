// Dose safety through links, against the release site: a believable typing or unit mistake
// never gives a confident dose. Each guard of the README's "Dose safety" section, with its
// figures worked by hand (the same as src/dosing/safety/tests.rs), and the confirm flow with
// screenshots before and after confirming at 375 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openApp, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The data-value of the one element with this test id (and drug), once it exists. */
async function value(page, testid, drug) {
  const selector = drug ? `[data-testid="${testid}"][data-drug="${drug}"]` : `[data-testid="${testid}"]`;
  const el = page.locator(selector);
  await el.waitFor();
  assert.equal(await el.count(), 1, `${selector} count`);
  return Number(await el.getAttribute('data-value'));
}

/** Waits until the element's data-value equals `expected` (within `tolerance`). */
async function waitValue(page, testid, expected, tolerance = 1e-6, drug) {
  const selector = drug ? `[data-testid="${testid}"][data-drug="${drug}"]` : `[data-testid="${testid}"]`;
  await page.waitForFunction(({ selector, expected, tolerance }) => {
    const el = document.querySelector(selector);
    return el && Math.abs(Number(el.dataset.value) - expected) <= tolerance;
  }, { selector, expected, tolerance });
}

/** Waits until the result is withheld (`missing`) and checks no value is shown for it. */
async function withheld(page, result, drug) {
  const selector = drug
    ? `[data-testid="missing"][data-result="${result}"][data-drug="${drug}"]`
    : `[data-testid="missing"][data-result="${result}"]`;
  const el = page.locator(selector);
  await el.waitFor();
  const shown = drug ? `[data-testid="${result}"][data-drug="${drug}"]` : `[data-testid="${result}"]`;
  assert.equal(await page.locator(shown).count(), 0, `${shown} should not be shown`);
  return el.textContent();
}

/** The text of the one message with this test id and code (or field). */
async function message(page, testid, { code, field } = {}) {
  let selector = `[data-testid="${testid}"]`;
  if (code) selector += `[data-code="${code}"]`;
  if (field) selector += `[data-field="${field}"]`;
  const el = page.locator(selector);
  await el.first().waitFor();
  assert.equal(await el.count(), 1, `${selector} count`);
  return el.textContent();
}

/** "Copy as text": the sheet as the page shows it. */
async function sheetText(context, page) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy as text' }).click();
  const text = page.locator('[data-testid="dose-text"]');
  await text.waitFor();
  return text.inputValue();
}

const frailWoman = '#/dose?weight=45&age=78&sex=f&scr=0.4&regimen=ivo-pac-carbo';

test('creatinine below 0.7 mg/dL with no floor: scr-below-floor with both carboplatin doses; a floor changes them', async () => {
  const context = await browser.newContext();
  const { page, consoleErrors } = await openApp(context, server, frailWoman);
  // CG (140 − 78) × 45 ÷ (72 × 0.4) × 0.85 = 82.34 mL/min; Calvert 5 × 107.34 = 536.7 mg.
  // At 0.7 mg/dL: 2790 ÷ 50.4 × 0.85 = 47.05 mL/min; 5 × 72.05 = 360.3 mg.
  await waitValue(page, 'carboplatin-mg', 536.71875);
  await waitValue(page, 'crcl-mlmin', 82.34375);
  const text = await message(page, 'warning', { code: 'scr-below-floor' });
  assert.match(text, /536\.7 mg/);
  assert.match(text, /360\.3 mg/);
  assert.match(text, /Consider using a minimum Cr of 0\.7 mg\/dL/);
  assert.match(text, /FDA/);
  // The pages the guidance was read on, with the date.
  const nccn = page.locator('.sources a[href="https://www.scribd.com/document/521865483/Carboplatin-dosing"]');
  await nccn.waitFor();
  assert.match(await nccn.locator('xpath=..').textContent(), /read 2026-12-03/);
  assert.equal(await page.locator('.sources a[href^="https://www.fda.gov/"]').count(), 1);
  // Choosing the 0.7 floor: 360.3 mg, the warning gone, a note saying the floor was used.
  await page.selectOption('#f-scrfloor', '0.7');
  await waitValue(page, 'carboplatin-mg', 360.267857, 1e-5);
  await waitValue(page, 'crcl-mlmin', 47.053571, 1e-5);
  assert.equal(await page.locator('[data-testid="warning"][data-code="scr-below-floor"]').count(), 0);
  await page.locator('[data-testid="note"][data-code="scr-floor-applied"]').waitFor();
  await page.waitForFunction(() => location.hash.includes('scrfloor=0.7'));
  // 0.8 and 1.0: 2790 ÷ 57.6 × 0.85 = 41.17 -> 330.9 mg; 2790 ÷ 72 × 0.85 = 32.94 -> 289.7 mg.
  await page.selectOption('#f-scrfloor', '0.8');
  await waitValue(page, 'carboplatin-mg', 330.859375, 1e-5);
  const floored = await openApp(context, server, frailWoman + '&scrfloor=1.0');
  await waitValue(floored.page, 'carboplatin-mg', 289.6875, 1e-5);
  assert.deepEqual(consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});

test('a measured GFR goes into Calvert uncapped and is labelled as measured', async () => {
  const context = await browser.newContext();
  // Man 30 y, 90 kg, SCr 0.7: CG 196.4 mL/min, capped: 5 × 150 = 750 mg. Measured GFR 150:
  // 5 × (150 + 25) = 875 mg.
  const base = '#/dose?weight=90&age=30&sex=m&scr=0.7&regimen=ivo-pem-carbo';
  const { page } = await openApp(context, server, base);
  await waitValue(page, 'carboplatin-mg', 750);
  assert.match(await page.textContent('[data-testid="calvert-gfr"]'), /capped at 125 mL\/min/);
  const measured = await openApp(context, server, base + '&gfr=150');
  await waitValue(measured.page, 'carboplatin-mg', 875);
  assert.match(await measured.page.textContent('[data-testid="calvert-gfr"]'), /measured GFR 150 mL\/min \+ 25\), not capped/);
  await waitValue(measured.page, 'crcl-mlmin', 196.428571, 1e-5);
  // A GFR beyond its plausible range (220 > 200 mL/min) waits: carboplatin is withheld, not
  // computed from Cockcroft-Gault instead.
  const waiting = await openApp(context, server, base + '&gfr=220');
  await waiting.page.locator('[data-testid="confirm"][data-field="gfr"]').waitFor();
  assert.match(await withheld(waiting.page, 'carboplatin-mg'), /confirm the measured GFR/);
  await context.close();
});

test('pemetrexed below 45 mL/min: renal-pemetrexed quoting the label, and renal-carboplatin', async () => {
  const context = await browser.newContext();
  // Woman 75 y, 55 kg, 160 cm, SCr 1.4: CG 3575 ÷ 100.8 × 0.85 = 30.15 mL/min;
  // pemetrexed 500 × √(160 × 55 ÷ 3600) = 781.7 mg.
  const { page } = await openApp(context, server, '#/dose?weight=55&height=160&age=75&sex=f&scr=1.4&regimen=ivo-pem-carbo');
  await waitValue(page, 'crcl-mlmin', 30.146329, 1e-5);
  await waitValue(page, 'partner-mg', 781.73596, 1e-4, 'pemetrexed');
  const text = await message(page, 'warning', { code: 'renal-pemetrexed' });
  assert.match(text, /30\.15 mL\/min is below 45 mL\/min/);
  assert.match(text, /There is no recommended dose for patients whose creatinine clearance is less than 45 mL\/min/);
  assert.match(text, /2\.3 Renal Impairment/);
  assert.match(await message(page, 'warning', { code: 'renal-carboplatin' }), /severe bone marrow suppression/);
  assert.equal(await page.locator('.sources a[href="https://pfizermedicalinformation.com/pemetrexed/dosage-admin"]').count(), 1);
  await screenshot(page, 'safety-renal-pemetrexed-1280');
  // 45.0 mL/min (man 60 y, 40.5 kg, SCr 1.0: 80 × 40.5 ÷ 72) is not below the limit.
  const limit = await openApp(context, server, '#/dose?weight=40.5&age=60&sex=m&scr=1&regimen=ivo-pem-carbo');
  await waitValue(limit.page, 'crcl-mlmin', 45);
  assert.equal(await limit.page.locator('[data-testid="warning"][data-code="renal-pemetrexed"]').count(), 0);
  await context.close();
});

test('cisplatin regimens ask for kidney values, warn below 60 mL/min, and say when the check cannot run', async () => {
  const context = await browser.newContext();
  // Only a weight: the kidney inputs are on the page and a note names what the check needs.
  const { page } = await openApp(context, server, '#/dose?weight=70&regimen=ivo-gem-cis');
  for (const id of ['#f-age', '#f-sex', '#f-scr', '#f-scrfloor', '#f-gfr']) {
    assert.equal(await page.locator(id).count(), 1, `${id} on the page`);
  }
  const note = await message(page, 'note', { code: 'renal-check-not-run' });
  assert.match(note, /Cisplatin/);
  assert.match(note, /age, sex, serum creatinine/);
  assert.match(note, /measured GFR/);
  // Man 60 y, SCr 1.4: 80 × 70 ÷ 100.8 = 55.56 mL/min, below 60.
  await page.fill('#f-age', '60');
  await page.selectOption('#f-sex', 'm');
  await page.fill('#f-scr', '1.4');
  await waitValue(page, 'crcl-mlmin', 55.555556, 1e-5);
  const text = await message(page, 'warning', { code: 'renal-cisplatin' });
  assert.match(text, /Preexisting renal dysfunction \(CCR < 60 mL\/min\)/);
  assert.equal(await page.locator('[data-testid="note"][data-code="renal-check-not-run"]').count(), 0);
  // Carboplatin with the same patient: 5 × (55.56 + 25) = 402.8 mg and renal-carboplatin.
  const carbo = await openApp(context, server, '#/dose?weight=70&age=60&sex=m&scr=1.4&regimen=ivo-pac-carbo');
  await waitValue(carbo.page, 'carboplatin-mg', 402.777778, 1e-5);
  await carbo.page.locator('[data-testid="warning"][data-code="renal-carboplatin"]').waitFor();
  await context.close();
});

test('"1,000" is refused at its field with how to write it; "72,5" is read', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose?regimen=ivo-gem-cis&weight=70&height=170&m2.gemcitabine=1,000');
  const text = await message(page, 'error', { field: 'm2.gemcitabine' });
  assert.match(text, /could mean 1000 or 1\.000/);
  assert.match(text, /Write 1000 without a comma, or 1\.000 with a point/);
  await withheld(page, 'partner-mg', 'gemcitabine');
  assert.equal(await page.getAttribute('[id="f-m2.gemcitabine"]', 'aria-invalid'), 'true');
  // Typed into the vial field: refused there; vials and volume withheld, the dose stays.
  await page.fill('#f-vial', '1,000');
  await page.fill('#f-conc', '25');
  assert.match(await message(page, 'error', { field: 'vial' }), /could mean 1000 or 1\.000/);
  await withheld(page, 'vials');
  await withheld(page, 'volume-ml');
  assert.equal(await value(page, 'dose-mg'), 1400);
  // A decimal comma: 72.5 kg × 20 = 1450 mg.
  await page.fill('#f-weight', '72,5');
  await waitValue(page, 'dose-mg', 1450);
  await context.close();
});

test('creatinine 5 µmol/L waits for confirmation, worded in µmol/L; a range error too', async () => {
  const context = await browser.newContext();
  // 5 µmol/L = 0.0566 mg/dL: CG would be 1375 mL/min and carboplatin 750 mg.
  const { page } = await openApp(context, server, '#/dose?weight=70&age=60&sex=m&scr=5&scrunit=umol&regimen=ivo-pac-carbo');
  const text = await message(page, 'confirm', { field: 'scr' });
  assert.match(text, /5 µmol\/L is unusual \(expected 17\.68 to 1326 µmol\/L\)/);
  assert.doesNotMatch(text, /mg\/dL/);
  await withheld(page, 'crcl-mlmin');
  assert.match(await withheld(page, 'carboplatin-mg'), /confirm the serum creatinine/);
  assert.equal(await value(page, 'dose-mg'), 1400);
  // 3000 µmol/L = 33.9 mg/dL: beyond the usable range, said in µmol/L.
  const error = await openApp(context, server, '#/dose?weight=70&age=60&sex=m&scr=3000&scrunit=umol&regimen=ivo-pac-carbo');
  const errorText = await message(error.page, 'error', { field: 'scr' });
  assert.match(errorText, /3000 µmol\/L is outside the usable range 4\.42 to 2652 µmol\/L/);
  assert.doesNotMatch(errorText, /mg\/dL/);
  await context.close();
});

test('72.5 lb with 175 cm: BMI 10.7 waits at the weight, then 657.7 mg once confirmed', async () => {
  const context = await browser.newContext();
  // 72.5 lb = 32.885 kg; BMI 32.885 ÷ 1.75² = 10.74 (below 12).
  const { page } = await openApp(context, server, '#/dose?weight=72.5&wunit=lb&height=175');
  const confirm = page.locator('[data-testid="confirm"][data-field="weight"][data-code="bmi-implausible"]');
  await confirm.waitFor();
  assert.match(await confirm.textContent(), /72\.5 lb \(32\.89 kg\)/);
  assert.match(await confirm.textContent(), /10\.74 kg\/m²/);
  await withheld(page, 'dose-mg');
  await withheld(page, 'bsa-m2');
  await confirm.locator('[data-testid="confirm-button"]').click();
  // 32.885 kg × 20 = 657.7 mg.
  await waitValue(page, 'dose-mg', 657.7089365, 1e-6);
  assert.equal(await page.locator('[data-testid="confirm"]').count(), 0);
  await page.locator('[data-testid="note"][data-code="confirmed"]').waitFor();
  await context.close();
});

for (const width of [375, 1280]) {
  test(`the confirm flow at ${width} px: 300 kg waits, is confirmed on the page, never by a link`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const { page, consoleErrors } = await openApp(context, server, '#/dose?weight=300');
    const confirm = page.locator('[data-testid="confirm"][data-field="weight"]');
    await confirm.waitFor();
    assert.match(await confirm.textContent(), /300 kg is unusual \(expected 20 to 250 kg\)/);
    assert.match(await withheld(page, 'dose-mg'), /Withheld until you confirm the body weight/);
    await withheld(page, 'vials');
    await page.locator('[data-testid="awaiting-confirmation"]').waitFor();
    await screenshot(page, `safety-confirm-before-${width}`);
    await confirm.locator('[data-testid="confirm-button"]').click();
    // 20 mg/kg × 300 kg = 6000 mg; 60 vials of 100 mg, 600 mL.
    await waitValue(page, 'dose-mg', 6000);
    assert.equal(await value(page, 'vials'), 60);
    assert.equal(await value(page, 'volume-ml'), 600);
    assert.equal(await page.locator('[data-testid="confirm"]').count(), 0);
    const note = await message(page, 'note', { code: 'confirmed' });
    assert.match(note, /Body weight 300 kg is outside its expected range and was confirmed on this page/);
    await page.locator('[data-testid="warning"][data-code="weight-outside-pk-range"]').waitFor();
    await screenshot(page, `safety-confirm-after-${width}`);
    // Copy as text says it was confirmed; the print sheet shows the note.
    const sheet = await sheetText(context, page);
    assert.match(sheet, /CONFIRMED ON THIS PAGE/);
    assert.match(sheet, /Body weight 300 kg is outside its expected range and was confirmed on this page\./);
    assert.match(sheet, /Dose as calculated: 6000 mg/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('[data-testid="note"][data-code="confirmed"]').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
    // The link (with the patient's values) does not carry the confirmation: a new page asks
    // again.
    await page.getByRole('button', { name: 'Copy link with patient values' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="dose-link"]')?.value.includes('weight=300'));
    const link = await page.locator('[data-testid="dose-link"]').inputValue();
    assert.ok(!/confirm/.test(link), link);
    const again = await openApp(context, server, link.slice(link.indexOf('#')));
    await again.page.locator('[data-testid="confirm"][data-field="weight"]').waitFor();
    await withheld(again.page, 'dose-mg');
    // Another value needs its own confirmation.
    await page.fill('#f-weight', '310');
    await page.locator('[data-testid="confirm"][data-field="weight"]').waitFor();
    await withheld(page, 'dose-mg');
    assert.deepEqual(consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
    await context.close();
  });
}

test('above 30 mg/kg the dose waits; 30 mg/kg and 250 kg are computed with their warnings', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose?weight=70&mgkg=31');
  await page.locator('[data-testid="confirm"][data-field="mgkg"]').waitFor();
  await withheld(page, 'dose-mg');
  const trials = await openApp(context, server, '#/dose?weight=70&mgkg=30');
  await waitValue(trials.page, 'dose-mg', 2100);
  await trials.page.locator('[data-testid="warning"][data-code="dose-above-mtd"]').waitFor();
  assert.equal(await trials.page.locator('[data-testid="confirm"]').count(), 0);
  const heavy = await openApp(context, server, '#/dose?weight=250');
  await waitValue(heavy.page, 'dose-mg', 5000);
  await heavy.page.locator('[data-testid="warning"][data-code="weight-outside-pk-range"]').waitFor();
  // A height outside 120-220 cm: BSA and the mg/m² partner wait, the dose does not.
  const tall = await openApp(context, server, '#/dose?weight=70&height=119&regimen=ivo-doce');
  await tall.page.locator('[data-testid="confirm"][data-field="height"]').waitFor();
  await withheld(tall.page, 'bsa-m2');
  await withheld(tall.page, 'partner-mg', 'docetaxel');
  assert.equal(await value(tall.page, 'dose-mg'), 1400);
  await context.close();
});

test('half a vial presentation is an error at the missing half; both give 58 mL for 500 mg/20 mL', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose?weight=72.5&vial=500');
  const text = await message(page, 'error', { field: 'conc' });
  assert.match(text, /Concentration: enter it too/);
  await withheld(page, 'vials');
  await withheld(page, 'volume-ml');
  await withheld(page, 'waste-mg');
  assert.equal(await value(page, 'dose-mg'), 1450);
  // 500 mg at 25 mg/mL: ⌈1450 ÷ 500⌉ = 3 vials, 1450 ÷ 25 = 58 mL, 1500 − 1450 = 50 mg.
  await page.fill('#f-conc', '25');
  await waitValue(page, 'volume-ml', 58);
  assert.equal(await value(page, 'vials'), 3);
  assert.equal(await value(page, 'waste-mg'), 50);
  assert.equal(await page.locator('[data-testid="error"]').count(), 0);
  await context.close();
});

test('adjusted body weight below BMI 25 is the actual weight', async () => {
  const context = await browser.newContext();
  // Woman 60 y, 165 cm, 45 kg (BMI 16.5): CG with the actual 45 kg: 80 × 45 ÷ 72 × 0.85
  // = 42.5 mL/min (the adjusted formula would give 52.15 kg, +16 %).
  const { page } = await openApp(context, server, '#/dose?weight=45&height=165&age=60&sex=f&scr=1&regimen=ivo-pem-carbo&cgweight=adjusted');
  await waitValue(page, 'crcl-mlmin', 42.5);
  assert.match(await page.textContent('#f-cgweight'), /only from BMI 25/);
  await context.close();
});

test('the order is verified: order-difference-pct, order-differs beyond 5 %, on the sheet', async () => {
  const context = await browser.newContext();
  // 72.5 kg × 20 = 1450 mg. 1500: +3.45 %, no warning.
  const { page } = await openApp(context, server, '#/dose?weight=72.5&ordered=1500');
  await waitValue(page, 'order-difference-pct', 3.448276, 1e-5);
  assert.equal(await page.locator('[data-testid="warning"][data-code="order-differs"]').count(), 0);
  // 1600: +10.34 %, order-differs at the order's field.
  await page.fill('#f-ordered', '1600');
  await waitValue(page, 'order-difference-pct', 10.344828, 1e-5);
  const text = await message(page, 'warning', { code: 'order-differs' });
  assert.match(text, /1600 mg/);
  assert.match(text, /\+10\.34 %/);
  const sheet = await sheetText(context, page);
  assert.match(sheet, /Dose as ordered: 1600 mg/);
  assert.match(sheet, /Order vs calculation: \+10\.34 %/);
  assert.match(sheet, /\[order-differs\]/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('[data-testid="order-difference-pct"]').isVisible(), true);
  assert.equal(await page.locator('#f-ordered').isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  // Rounded to whole vials within 10 %: 1400 mg; an order of 1400 says it is that dose.
  const rounded = await openApp(context, server, '#/dose?weight=72.5&ordered=1400&round=pct10');
  await waitValue(rounded.page, 'order-difference-pct', -3.448276, 1e-5);
  assert.match(await message(rounded.page, 'note', { code: 'order-matches-rounded' }), /rounded to whole vials, 1400 mg/);
  await context.close();
});
