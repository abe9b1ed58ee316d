// The app shell against the release site: routes, links that fill inputs, accessibility in
// light and dark at phone and desktop widths, no foreign requests, screenshots of each view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openApp, screenshot, axeViolations } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const views = [
  { hash: '#/dose', name: 'dose', heading: 'Dose' },
  { hash: '#/pk', name: 'pk', heading: 'Pharmacokinetics' },
  { hash: '#/trials', name: 'trials', heading: 'Trials' },
  { hash: '#/about', name: 'about', heading: 'About ivocalc' },
];

test('each route loads its view under the sub-path, with only the app\'s own requests', async () => {
  const context = await browser.newContext();
  for (const view of views) {
    const { page, foreign, consoleErrors } = await openApp(context, server, view.hash);
    assert.equal((await page.textContent('main h1')).trim(), view.heading);
    assert.equal(await page.getAttribute(`nav a[href="${view.hash}"]`, 'aria-current'), 'page');
    assert.deepEqual(foreign, [], 'requests beyond the app\'s own files');
    assert.deepEqual(consoleErrors, [], 'console errors');
    await page.close();
  }
  await context.close();
});

test('an unknown route says so and links back', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/nowhere');
  assert.equal((await page.textContent('main h1')).trim(), 'Page not found');
  await page.click('main a[href="#/dose"]');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Dose');
  await context.close();
});

test('the navigation switches views without reloading', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose');
  await page.evaluate(() => { window.__sameDocument = true; });
  for (const view of views) {
    await page.click(`nav a[href="${view.hash}"]`);
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h, view.heading);
  }
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  await context.close();
});

test('a link with parameters fills the inputs', async () => {
  const context = await browser.newContext();
  let { page } = await openApp(context, server, '#/dose?weight=72.5&wunit=lb&mgkg=10&every=2');
  assert.equal(await page.inputValue('#f-weight'), '72.5');
  assert.equal(await page.inputValue('#f-wunit'), 'lb');
  assert.equal(await page.inputValue('#f-mgkg'), '10');
  assert.equal(await page.inputValue('#f-every'), '2');
  await page.close();
  ({ page } = await openApp(context, server, '#/pk?mgkg=20&weight=70&every=3&doses=17'));
  assert.equal(await page.inputValue('#f-mgkg'), '20');
  assert.equal(await page.inputValue('#f-weight'), '70');
  assert.equal(await page.inputValue('#f-doses'), '17');
  await page.close();
  ({ page } = await openApp(context, server, '#/trials?q=HARMONi-2'));
  assert.equal(await page.inputValue('#f-q'), 'HARMONi-2');
  await context.close();
});

test('a parameter that cannot be used is reported at its input, and the others are kept', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose?weight=heavy&mgkg=20');
  const error = page.locator('[data-testid="error"][data-field="weight"]');
  await error.waitFor();
  assert.match(await error.textContent(), /heavy/);
  assert.equal(await page.inputValue('#f-weight'), 'heavy');
  assert.equal(await page.inputValue('#f-mgkg'), '20');
  await context.close();
});

test('scenario inputs follow into the address bar; patient values stay out', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context, server, '#/dose');
  await page.fill('#f-weight', '80');
  await page.fill('#f-mgkg', '10');
  await page.waitForFunction(() => location.hash.includes('mgkg=10'));
  const hash = await page.evaluate(() => location.hash);
  assert.ok(!hash.includes('weight='), `patient weight leaked into ${hash}`);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  for (const width of [375, 1280]) {
    test(`axe-core finds no WCAG 2.1 AA violation on any view (${scheme}, ${width} px); screenshots`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
      for (const view of views) {
        const { page } = await openApp(context, server, view.hash);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${view.name}: ${JSON.stringify(violations, null, 1)}`);
        await screenshot(page, `${view.name}-${width}-${scheme}`);
        await page.close();
      }
      await context.close();
    });
  }
}
