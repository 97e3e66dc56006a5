// What the benchmark tools share (they serve the built pages with static-server.mjs): a fresh page
// per run, and the main-thread time of a piece of work measured through the Chrome DevTools Protocol.

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
