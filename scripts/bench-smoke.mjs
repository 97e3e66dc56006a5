// A smoke run of the benchmark harness, part of `npm test`: builds the benchmark pages and drives
// every contender through each scenario once, briefly, checking that each runs (rows on screen, the
// change runs complete, sort, filter and a second mount resolve, no page error), never how fast.
// The figures come from `npm run bench`.
import { execFileSync } from 'node:child_process';
import { launchChromium } from './browser.mjs';
import { openBenchPage } from './bench-pages.mjs';
import { serveStatic } from './static-server.mjs';

const started = Date.now();
execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], { stdio: 'inherit' });
const { base, close } = await serveStatic('dist/bench');
const browser = await launchChromium();
const failures = [];

/** The rows in the DOM once some are there (a virtualizer renders its first batch a frame later). */
async function rowsShown(page) {
  await page
    .waitForFunction(() => window.bench.rowsInDom() >= 5, null, { timeout: 5000 })
    .catch(() => {});
  return page.evaluate(() => window.bench.rowsInDom());
}
const check = (ok, what) => {
  if (!ok) failures.push(what);
};

for (const name of ['ours', 'vanilla', 'lit-virtualizer', 'vaadin']) {
  const { page, context } = await openBenchPage(browser, `${base}/${name}.html`);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const mounted = await page.evaluate(() => window.bench.mount());
  check(mounted > 0, `${name}: mount resolved`);
  const rows = await rowsShown(page);
  check(rows >= 5 && rows <= 60, `${name}: ${rows} rows in the DOM after mount (windowed: 5–60)`);
  // Changes come in batches every 10 ms while the page keeps up: a slow machine or a busy
  // contender gets fewer in, so these check that changes went in and frames were counted, not how many.
  const run = await page.evaluate(() => window.bench.changes(1000, 400, false));
  check(run.changes > 0 && run.frames > 0, `${name}: the change run completed (${run.changes})`);
  const visible = await page.evaluate(() => window.bench.changes(1000, 200, true));
  check(
    visible.changes > 0 && visible.frames > 0,
    `${name}: the change run on the visible rows completed (${visible.changes})`,
  );
  check((await page.evaluate(() => window.bench.sort())) > 0, `${name}: sort resolved`);
  check((await page.evaluate(() => window.bench.filter())) > 0, `${name}: filter resolved`);
  check((await page.evaluate(() => window.bench.remount())) > 0, `${name}: second mount resolved`);
  const again = await rowsShown(page);
  check(again >= 5 && again <= 60, `${name}: ${again} rows in the DOM after the second mount`);
  check(errors.length === 0, `${name}: page errors: ${errors.join('; ')}`);
  await context.close();
  console.log(`bench smoke: ${name} ok`);
}

{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/service.html`);
  await page.waitForFunction(() => typeof window.serviceLoad === 'function');
  const load = await page.evaluate(() => window.serviceLoad(500));
  check(load.inSync && load.emissions > 0, `service alone: in sync (${JSON.stringify(load)})`);
  await context.close();
  console.log('bench smoke: service alone ok');
}

await browser.close();
close();
if (failures.length > 0) {
  console.error(`Bench smoke failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`Bench smoke passed (${((Date.now() - started) / 1000).toFixed(1)} s).`);
