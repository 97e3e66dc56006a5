// What the benchmark tools share: a static server for built benchmark pages, a fresh page per run,
// and the main-thread time of a piece of work measured through the Chrome DevTools Protocol.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Serves a folder of built pages on localhost.
 * @param {string} root the folder (e.g. `dist/bench`)
 * @returns {Promise<{ base: string, close: () => void }>}
 */
export async function servePages(root) {
  const server = createServer(async (req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(normalize(root))) return void res.writeHead(403).end();
    try {
      const body = await readFile(path);
      res
        .writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/**
 * Opens a contender's page in a fresh browser context (nothing cached), with its data prepared.
 * @returns {Promise<{ page: import('playwright-core').Page, cdp: import('playwright-core').CDPSession, context: import('playwright-core').BrowserContext }>}
 */
export async function openBenchPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForFunction(() => window.bench !== undefined);
  await page.evaluate(() => window.bench.prepare());
  // Let the page settle before anything is measured: its load's idle work, and the previous page's
  // teardown in the browser (on a 2-core machine both compete with the next measurement).
  await page.waitForTimeout(300);
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 })),
  );
  return { page, cdp, context };
}

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value;
}

/** Runs `fn` in the page as its own task and returns [page result, main-thread ms]. */
export async function measured(page, cdp, fn, ...fnArgs) {
  const before = await taskSeconds(cdp);
  const result = await page.evaluate(
    ([source, a]) =>
      new Promise((resolve) =>
        setTimeout(() => resolve(new Function(`return (${source})`)()(...a)), 0),
      ),
    [fn.toString(), fnArgs],
  );
  const after = await taskSeconds(cdp);
  return [result, (after - before) * 1000];
}

/** The median of some numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
