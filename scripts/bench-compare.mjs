// Compares builds of the benchmark pages in one interleaved run: each round opens every contender's
// page once, in turn, so a noisy machine slows them all alike. Prints the medians of mount, sort and
// filter main-thread time (the DevTools Protocol's TaskDuration) per contender. A quick before/after
// check while working on the table; `npm run bench` gives the published figures.
//
//   npm run bench:compare -- <dir>:<page> [<dir>:<page> …] [--runs=10]
//
// e.g., to compare this working tree with the last commit (pages are built with bench/vite.config.ts):
//   git stash && npx vite build --config bench/vite.config.ts --outDir ../bench-before && git stash pop
//   npx vite build --config bench/vite.config.ts
//   npm run bench:compare -- ../bench-before:ours dist/bench:ours dist/bench:vanilla
import { launchChromium } from './browser.mjs';
import { measured, median, openBenchPage } from './bench-pages.mjs';
import { serveStatic } from './static-server.mjs';

const specs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 10);
if (specs.length === 0 || specs.some((s) => !s.includes(':'))) {
  console.error('Usage: npm run bench:compare -- <dir>:<page> [<dir>:<page> …] [--runs=10]');
  process.exit(2);
}

const servers = new Map();
for (const spec of specs) {
  const dir = spec.slice(0, spec.lastIndexOf(':'));
  if (!servers.has(dir)) servers.set(dir, await serveStatic(dir));
}
const browser = await launchChromium();
const results = specs.map(() => ({ mount: [], sort: [], filter: [] }));
// One discarded round first (the browser's own first start).
for (let round = 0; round <= runs; round += 1) {
  for (const [i, spec] of specs.entries()) {
    const cut = spec.lastIndexOf(':');
    const { base } = servers.get(spec.slice(0, cut));
    const { page, cdp, context } = await openBenchPage(
      browser,
      `${base}/${spec.slice(cut + 1)}.html`,
    );
    const [, mount] = await measured(page, cdp, () => window.bench.mount());
    await page.waitForTimeout(300);
    const [, sort] = await measured(page, cdp, () => window.bench.sort());
    await page.waitForTimeout(100);
    const [, filter] = await measured(page, cdp, () => window.bench.filter());
    await context.close();
    if (round === 0) continue;
    results[i].mount.push(mount);
    results[i].sort.push(sort);
    results[i].filter.push(filter);
  }
  process.stdout.write('.');
}
process.stdout.write('\n');
const width = Math.max(...specs.map((s) => s.length));
for (const [i, spec] of specs.entries()) {
  const r = results[i];
  const f = (xs) => median(xs).toFixed(1).padStart(6);
  console.log(
    `${spec.padEnd(width)}  mount ${f(r.mount)}  sort ${f(r.sort)}  filter ${f(r.filter)}  (ms, medians of ${runs})`,
  );
}
await browser.close();
for (const s of servers.values()) s.close();
