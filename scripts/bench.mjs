// Benchmarks: our table + service against a vanilla virtual table, a plain Lit table on
// @lit-labs/virtualizer and @vaadin/grid, in one headless Chromium run over production builds.
//
//   npm run bench                 full run: 1 discarded warm-up round + 5 measured rounds, each round
//                                 running every contender once, in turn
//   npm run bench -- --quick      smoke run: 1 round, short change phases (checks the harness works)
//
// Main-thread time is the Chrome DevTools Protocol's TaskDuration (all task time, microtasks included);
// "painted" times are wall-clock until the frame after the work was painted. Results: printed, and
// written to bench/results/latest.{json,md}.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import os from 'node:os';
import { launchChromium } from './browser.mjs';
import { measured, median, openBenchPage } from './bench-pages.mjs';
import { serveStatic } from './static-server.mjs';
import { minifyLiterals } from './minify-literals.mjs';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const RUNS = quick ? 1 : 5;
const WARMUP = quick ? 0 : 1;
const CHANGE_MS = quick ? 1000 : 10_000;
const RATE = 1000;
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');

const ALL = [
  ['ours', 'ours'],
  ['vanilla', 'vanilla'],
  ['plain Lit + virtualizer', 'lit-virtualizer'],
  ['vaadin-grid', 'vaadin'],
];
const CONTENDERS = ALL.filter(
  ([, page]) => existsSync(`bench/${page}.html`) && (!ONLY || ONLY.includes(page)),
);

console.log('Building the benchmark pages and the library bundle…');
execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], { stdio: 'inherit' });
execFileSync('npx', ['vite', 'build', '--mode', 'iife', '--logLevel', 'warn'], {
  stdio: 'inherit',
});

const { base, close: closeServer } = await serveStatic('dist/bench');

const browser = await launchChromium();

async function heapMB(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1048576;
}
async function oneRun(pageName) {
  const { page, cdp, context } = await openBenchPage(browser, `${base}/${pageName}.html`);
  const r = {};
  [r.mountPainted, r.mountTask] = await measured(page, cdp, () => window.bench.mount());
  // Counted a frame later: a virtualizer may render a first batch and trim it once it has measured.
  r.rowsInDom = await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => setTimeout(() => resolve(window.bench.rowsInDom()), 0)),
      ),
  );
  r.heapMount = await heapMB(cdp);
  for (const [key, concentrated] of [
    ['spread', false],
    ['visible', true],
  ]) {
    const [run, task] = await measured(
      page,
      cdp,
      (rate, ms, c) => window.bench.changes(rate, ms, c),
      RATE,
      CHANGE_MS,
      concentrated,
    );
    r[key] = { ...run, task };
  }
  r.heapChanges = await heapMB(cdp);
  [r.sortPainted, r.sortTask] = await measured(page, cdp, () => window.bench.sort());
  [r.filterPainted, r.filterTask] = await measured(page, cdp, () => window.bench.filter());
  // The same mount again in this page: what the first one paid once (compiling code, setting up
  // fonts, preparing templates) is the difference between the two.
  [r.remountPainted, r.remountTask] = await measured(page, cdp, () => window.bench.remount());
  await context.close();
  return r;
}

// Rounds, each running every contender once in turn, rather than all of one contender's runs and
// then the next's: the machine is shared, and a slow spell then slows every contender alike instead
// of skewing one contender's ratios. Pages settle before they are measured (openBenchPage).
const runsOf = new Map(CONTENDERS.map(([label]) => [label, []]));
for (let round = -WARMUP; round < RUNS; round += 1) {
  process.stdout.write(round < 0 ? 'warm-up:' : `round ${round + 1}/${RUNS}:`);
  // Each round starts with another contender, so none always follows the same one.
  const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round + WARMUP) % CONTENDERS.length]);
  for (const [label, pageName] of order) {
    const run = await oneRun(pageName);
    if (round >= 0) runsOf.get(label).push(run);
    process.stdout.write(` ${pageName}`);
  }
  process.stdout.write('\n');
}
const results = {};
for (const [label] of CONTENDERS) {
  const runs = runsOf.get(label);
  const m = (pick) => median(runs.map(pick));
  results[label] = {
    mountTask: m((r) => r.mountTask),
    mountPainted: m((r) => r.mountPainted),
    rowsInDom: m((r) => r.rowsInDom),
    spreadTask: m((r) => r.spread.task),
    spreadLong: Math.max(...runs.map((r) => r.spread.longTasks)),
    spreadP50: m((r) => r.spread.p50),
    spreadP99: m((r) => r.spread.p99),
    spreadMax: m((r) => r.spread.max),
    visibleTask: m((r) => r.visible.task),
    visibleLong: Math.max(...runs.map((r) => r.visible.longTasks)),
    visibleP99: m((r) => r.visible.p99),
    sortTask: m((r) => r.sortTask),
    sortPainted: m((r) => r.sortPainted),
    filterTask: m((r) => r.filterTask),
    filterPainted: m((r) => r.filterPainted),
    remountTask: m((r) => r.remountTask),
    heapMount: m((r) => r.heapMount),
    heapChanges: m((r) => r.heapChanges),
  };
}
// The data layer alone: the simulated centre at 1,000 changes/s through the service, one view subscribed.
let serviceLoad = null;
if (!ONLY || ONLY.includes('service')) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${base}/service.html`);
  await page.waitForFunction(() => typeof window.serviceLoad === 'function');
  const [run, task] = await measured(page, cdp, (ms) => window.serviceLoad(ms), CHANGE_MS);
  serviceLoad = { ...run, taskMs: task, seconds: CHANGE_MS / 1000 };
  await context.close();
}
await browser.close();
closeServer();

const sizeOf = (bytes) => ({
  min: bytes.length / 1024,
  gzip: gzipSync(bytes, { level: 9 }).length / 1024,
});
// The script-tag bundle as shipped: every element, the service, lit, rxjs, and both adapters (the
// simulated centre is the console's default backend).
const bundleKB = sizeOf(await readFile('dist/supervisor-console.iife.js'));
// What the goal counts: every element + the service + lit + rxjs, without the two adapters a host
// with its own backend does not load (minified by esbuild, adapters left out as externals).
const core = await esbuild.build({
  entryPoints: ['src/define.ts', 'src/service/index.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  splitting: true,
  outdir: 'dist/bench-core',
  write: false,
  metafile: true,
  logLevel: 'error',
  tsconfig: 'tsconfig.json',
  // As the library builds: RxJS's ES2015 build, template literals minified (vite.config.ts).
  conditions: ['es2015'],
  plugins: [
    {
      name: 'leave-out-adapters',
      setup(build) {
        build.onResolve({ filter: /adapters\/(simulator|rest)\// }, (args) => ({
          path: args.path,
          external: true,
        }));
        build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
          contents: minifyLiterals(await readFile(args.path, 'utf8'), args.path),
          loader: 'ts',
        }));
      },
    },
  ],
});
// What a page loads up front: the entry chunks and what they import statically. Chunks reached only
// by a dynamic import (e.g. a language's strings, loaded when a host switches to it) are counted apart.
const eager = new Set();
const visit = (out) => {
  if (eager.has(out)) return;
  eager.add(out);
  for (const i of core.metafile.outputs[out]?.imports ?? []) {
    if (i.kind !== 'dynamic-import' && !i.external) visit(i.path);
  }
};
for (const [out, meta] of Object.entries(core.metafile.outputs)) if (meta.entryPoint) visit(out);
const outputsWhere = (wanted) =>
  Buffer.concat(
    core.outputFiles
      .filter((f) => wanted === [...eager].some((out) => f.path.endsWith(out)))
      .map((f) => Buffer.from(f.contents)),
  );
const coreKB = sizeOf(outputsWhere(true));
const lazyKB = sizeOf(outputsWhere(false));

const ROWS = [
  ['mount 10,000: main thread (ms)', 'mountTask'],
  ['mount 10,000: painted (ms)', 'mountPainted'],
  ['rows in the DOM after mount', 'rowsInDom', true],
  [`${RATE}/s × ${CHANGE_MS / 1000}s spread: main thread (ms)`, 'spreadTask'],
  ['  spread: long tasks (max of runs)', 'spreadLong', true],
  ['  spread: frame p50 (ms)', 'spreadP50', true],
  ['  spread: frame p99 (ms)', 'spreadP99', true],
  ['  spread: frame max (ms)', 'spreadMax', true],
  [`${RATE}/s × ${CHANGE_MS / 1000}s on visible rows: main thread (ms)`, 'visibleTask'],
  ['  visible: long tasks (max of runs)', 'visibleLong', true],
  ['  visible: frame p99 (ms)', 'visibleP99', true],
  ['sort change: main thread (ms)', 'sortTask'],
  ['sort change: painted (ms)', 'sortPainted'],
  ['filter change: main thread (ms)', 'filterTask'],
  ['filter change: painted (ms)', 'filterPainted'],
  ['mount again in the same page (warm): main thread (ms)', 'remountTask'],
  ['JS heap after mount (MB)', 'heapMount'],
  ['JS heap after the change runs (MB)', 'heapChanges'],
];
const labels = Object.keys(results);
const fmt = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
const ratio = (v, vanilla, plain) => (plain || !vanilla ? '' : ` (${(v / vanilla).toFixed(2)}×)`);
const header = `| scenario | ${labels.join(' | ')} |\n| --- |${labels.map(() => ' ---: |').join('')}`;
const lines = ROWS.map(([title, key, plain]) => {
  const vanilla = results.vanilla?.[key];
  return `| ${title} | ${labels.map((l) => fmt(results[l][key]) + ratio(results[l][key], vanilla, plain)).join(' | ')} |`;
});
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const meta = `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${cpu} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${browser.version?.() ?? 'Chromium'} · ${RUNS} round${RUNS === 1 ? '' : 's'}, each contender in turn (medians)${WARMUP ? ` after ${WARMUP} warm-up round` : ''}${quick ? ' · QUICK SMOKE RUN' : ''}`;
const serviceLine = serviceLoad
  ? `\nService alone (10,000-conversation simulated centre, ${RATE} changes/s for ${serviceLoad.seconds} s, one view subscribed): ${serviceLoad.taskMs.toFixed(0)} ms main thread (${((serviceLoad.taskMs / (serviceLoad.seconds * 1000)) * 100).toFixed(1)}% of one core), ${serviceLoad.emissions} view emissions, store in sync with the simulator: ${serviceLoad.inSync ? 'yes' : 'NO'}.\n`
  : '';
const markdown = `${meta}\n\n${header}\n${lines.join('\n')}\n${serviceLine}\nOur bundle, all elements + service + lit + rxjs (no adapter): ${coreKB.min.toFixed(1)} KB minified, **${coreKB.gzip.toFixed(1)} KB gzipped**${lazyKB.min > 0 ? ` (plus ${lazyKB.gzip.toFixed(1)} KB gzipped loaded only on demand)` : ''}; the script-tag bundle with both adapters (the simulated centre and REST): ${bundleKB.min.toFixed(1)} KB minified, ${bundleKB.gzip.toFixed(1)} KB gzipped. Ratios are to vanilla.\n`;
console.log(`\n${markdown}`);
await mkdir('bench/results', { recursive: true });
// Only a full run of every contender replaces the published results.
const name = quick ? 'smoke' : ONLY ? 'partial' : 'latest';
await writeFile(`bench/results/${name}.md`, markdown);
await writeFile(
  `bench/results/${name}.json`,
  JSON.stringify({ meta, results, serviceLoad, bundleKB, coreKB, lazyKB }, null, 2),
);
