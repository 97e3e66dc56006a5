// Screenshots of a bulk intervention in the demo's Supervisor page: rows selected in the table (the
// selection bar), the bulk dialog's preview of a mixed plan (one row refused, with its reason), the
// run, and its results with a partial failure (the simulator fails one force close as unreachable).
// Serves demo/ with Vite and drives Debian's Chromium through playwright-core; PNGs go to
// docs/screenshots/bulk-*.png.
// Usage: node scripts/screenshot-bulk.mjs
import { openPage, serveDemo, shot } from './demo-server.mjs';
import { launchChromium } from './browser.mjs';

const { base, server } = await serveDemo();
const browser = await launchChromium();
const TABLE = 'supervisor-console ongoing-conversations-table';
const DIALOG = 'supervisor-console bulk-action-dialog';

async function run(colorScheme, suffix) {
  const { page, context } = await openPage(browser, `${base}/index.html?n=60&cps=0.5&seed=11`, {
    colorScheme,
  });
  await page.locator('supervisor-console [part="connection"].live').waitFor({ timeout: 30_000 });
  await page.locator(`${TABLE} .body-row`).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  // Select, among the first rows shown, three that can be force-closed and one record (refused).
  const picked = await page.evaluate(() => {
    const consoleEl = window.supervisorConsole;
    const table = consoleEl.shadowRoot.querySelector('ongoing-conversations-table');
    const service = consoleEl.activeService;
    const rows = service.computeView(service.state, {
      filter: table.filter,
      sort: table.sort,
    }).rows;
    const closable = rows
      .slice(0, 8)
      .filter((c) => c.channel !== 'record' && c.status !== 'closed');
    // A record cannot be force-closed: the preview lists it as refused, with the rule's reason.
    const record = rows.find((c) => c.channel === 'record');
    const ids = [...closable.slice(0, 3), ...(record ? [record] : [])].map((c) => c.id);
    table.selectedIds = ids;
    return ids.length;
  });
  if (picked < 4) console.error(`only ${picked} rows picked (no record row?)`);
  await page.locator(`${TABLE} .selection-bar`).waitFor();
  await page.waitForTimeout(400);
  await shot(page.locator(TABLE), `bulk-selection${suffix}`);

  // The first force close fails as unreachable; the others go through (slowly, to see progress).
  await page.evaluate(() =>
    window.supervisorConsole.simulator.setFaults({
      latencyMs: 900,
      commandError: { kind: 'unavailable', commands: ['forceClose'], remaining: 1 },
    }),
  );
  await page.locator(`${TABLE} [data-bulk="force-close"]`).click();
  await page.locator(`${DIALOG} dialog[open] .rows`).waitFor();
  await page.waitForTimeout(300);
  await shot(page, `bulk-preview${suffix}`);
  await page.locator(`${DIALOG} .footer button.danger`).click();
  await page.locator(`${DIALOG} progress`).waitFor();
  await page.waitForTimeout(300);
  await shot(page, `bulk-running${suffix}`);
  await page.locator(`${DIALOG} .rows .row.failed`).waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
  await shot(page, `bulk-results${suffix}`);
  await context.close();
}

try {
  await run('light', '');
  await run('dark', '-dark');
} finally {
  await browser.close();
  await server.close();
}
