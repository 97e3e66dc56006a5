// Screenshots of <ongoing-conversations-table> on 10,000 simulated conversations, light and dark.
// Serves demo/ with Vite (vite.config.ts, serve mode) and drives Debian's Chromium through
// playwright-core; PNGs go to docs/screenshots/table-*.png.
// Usage: node scripts/screenshot.mjs [--only=table-10k-light,table-10k-dark]
import { SCREENSHOTS, openPage, serveDemo } from './demo-server.mjs';
import { launchChromium } from './browser.mjs';

const out = SCREENSHOTS;
const { base, server } = await serveDemo();

const browser = await launchChromium();

/** The table has shown its data: rows, or its empty state. */
const tableReady = () => {
  const root = document.querySelector('ongoing-conversations-table')?.shadowRoot;
  return Boolean(root?.querySelector('.body-row, [part="empty"]'));
};

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');

async function shoot(name, { colorScheme, forcedColors = 'none', query = '', prepare } = {}) {
  if (only && !only.includes(name)) return;
  const { page, context } = await openPage(
    browser,
    `${base}/table.html?n=10000&cps=20&seed=7${query}`,
    {
      label: name,
      width: 1440,
      height: 900,
      colorScheme,
      forcedColors,
    },
  );
  await page.waitForFunction(tableReady, null, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  if (prepare) await prepare(page);
  const stats = await page.evaluate(() => {
    const table = document.querySelector('ongoing-conversations-table');
    const grid = table.shadowRoot.querySelector('[role="grid"]');
    return {
      rowcount: grid.getAttribute('aria-rowcount'),
      rendered: table.shadowRoot.querySelectorAll('.body-row').length,
    };
  });
  const file = `${out}${name}.png`;
  await page.screenshot({ path: file });
  console.log(`${file}: aria-rowcount ${stats.rowcount}, ${stats.rendered} rows in the DOM`);
  await context.close();
}

try {
  await shoot('table-10k-light', { colorScheme: 'light' });
  await shoot('table-10k-dark', { colorScheme: 'dark' });
  // Keyboard: focus the grid, move down, open the row's actions on a row whose rules forbid some.
  await shoot('table-actions-menu-light', {
    colorScheme: 'light',
    prepare: async (page) => {
      await page.evaluate(() => document.querySelector('ongoing-conversations-table').focusGrid());
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
    },
  });
  await shoot('table-filtered-dark', {
    colorScheme: 'dark',
    query: '&view=sort:attention.desc;status:active,waiting;wait:120',
    prepare: async (page) => {
      await page.evaluate(() => document.querySelector('ongoing-conversations-table').focusGrid());
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(300);
    },
  });
  await shoot('table-reconnecting-light', {
    colorScheme: 'light',
    prepare: async (page) => {
      await page.evaluate(() => window.centre.dropStream(20_000));
      await page.waitForTimeout(400);
    },
  });
  await shoot('table-no-match-dark', {
    colorScheme: 'dark',
    query: '&view=text:nobody%20has%20this%20name',
  });
  // A focused cell whose text is cut off shows its full value.
  await shoot('table-focus-tip-light', {
    colorScheme: 'light',
    query: '&view=sort:queue.desc',
    prepare: async (page) => {
      await page.evaluate(() => document.querySelector('ongoing-conversations-table').focusGrid());
      await page.keyboard.press('ArrowDown');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(200);
    },
  });
  // Windows High Contrast / forced colours: system colours, focus and the open menu still visible.
  await shoot('table-forced-colors', {
    colorScheme: 'dark',
    forcedColors: 'active',
    prepare: async (page) => {
      await page.evaluate(() => document.querySelector('ongoing-conversations-table').focusGrid());
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
    },
  });
} finally {
  await browser.close();
  await server.close();
}
