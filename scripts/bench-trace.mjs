// Where a benchmark scenario's main-thread time goes: records a DevTools trace of one scenario on
// fresh pages and prints the self time of each trace event (what ran inside it, minus the events
// nested in it), averaged over the runs. "mount2" traces a second mount in the same page (code
// compiled, fonts and templates warm): the difference to "mount" is what a first mount pays once.
//
//   npm run bench:trace -- [page=ours] [scenario=mount|mount2|sort|filter] [runs=3]
//
// Reads the pages built by `npm run bench` (or `npx vite build --config bench/vite.config.ts`) in
// dist/bench, or in the folder BENCH_DIR names (e.g. a variant built with `--outDir`).
import { launchChromium } from './browser.mjs';
import { openBenchPage } from './bench-pages.mjs';
import { serveStatic } from './static-server.mjs';

const [pageName = 'ours', scenario = 'mount', runsArg = '3'] = process.argv.slice(2);
const runs = Number(runsArg);
if (!['mount', 'mount2', 'sort', 'filter'].includes(scenario)) {
  console.error('The scenario is one of mount, mount2, sort, filter.');
  process.exit(2);
}
const { base, close } = await serveStatic(process.env.BENCH_DIR ?? 'dist/bench');
const browser = await launchChromium();
const selfTimes = new Map();
let topLevel = 0;
for (let run = 0; run < runs; run += 1) {
  const { page, context } = await openBenchPage(browser, `${base}/${pageName}.html`);
  if (scenario !== 'mount') {
    await page.evaluate(() => window.bench.mount());
    await page.waitForTimeout(300);
  }
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'blink',
      'v8',
      'v8.execute',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-v8.compile',
    ],
  });
  await page.evaluate(
    (s) =>
      s === 'mount'
        ? window.bench.mount()
        : s === 'mount2'
          ? window.bench.remount()
          : s === 'sort'
            ? window.bench.sort()
            : window.bench.filter(),
    scenario,
  );
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  // The renderer's main thread is where layout runs.
  const main = traceEvents.find((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree');
  if (!main) continue;
  const events = traceEvents
    .filter((e) => e.ph === 'X' && e.dur && e.pid === main.pid && e.tid === main.tid)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const open = [];
  for (const e of events) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    e.self = e.dur;
    if (open.length) open.at(-1).self -= e.dur;
    else topLevel += e.dur;
    open.push(e);
  }
  for (const e of events) selfTimes.set(e.name, (selfTimes.get(e.name) ?? 0) + e.self);
}
await browser.close();
close();
console.log(
  `${pageName} ${scenario}: ${(topLevel / 1000 / runs).toFixed(1)} ms of main-thread tasks per run`,
);
for (const [name, us] of [...selfTimes].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${(us / 1000 / runs).toFixed(1).padStart(7)}  ${name}`);
}
