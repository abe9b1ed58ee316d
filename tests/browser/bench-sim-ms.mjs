// Benchmark (not a test): the in-page population simulation time, sim-ms, for the CONTRACT's
// PK link with 1,000 and 10,000 virtual patients, over several page loads of the release site.
//   node tests/browser/bench-sim-ms.mjs [runs]
import { startServer, launchBrowser, openApp } from './harness.mjs';

const runs = Number(process.argv[2] || 5);
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const n of [1000, 10000]) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const { page } = await openApp(context, server, `#/pk?mgkg=20&weight=70&every=3&doses=17&n=${n}&seed=${i + 1}`);
      const sim = page.locator('[data-testid="sim-ms"]');
      await sim.waitFor({ timeout: 120000 });
      times.push(Number(await sim.getAttribute('data-value')));
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`sim-ms, ${n} patients, 20 mg/kg every 3 weeks x 17 doses: median ${median.toFixed(1)} ms; runs ${times.map((t) => t.toFixed(1)).join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
