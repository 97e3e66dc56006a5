// Screenshots of attention alerts and stuck conversations on the demo's Supervisor page (#11): rows
// marked by the default thresholds, the Alerts panel open, and a stuck row with its "Reassign to …"
// step. Serves demo/ with Vite and drives Debian's Chromium through playwright-core; PNGs go to
// docs/screenshots/alerts-*.png.
// Usage: node scripts/screenshot-alerts.mjs [name-filter]
import { openPage, serveDemo, shot } from './demo-server.mjs';
import { launchChromium } from './browser.mjs';

const { base, server } = await serveDemo();
const only = process.argv[2] ?? '';
const browser = await launchChromium();
const TABLE = 'supervisor-console ongoing-conversations-table';

async function open(path, { colorScheme = 'light' } = {}) {
  const { page, context } = await openPage(browser, `${base}/${path}`, {
    label: path,
    colorScheme,
  });
  await page.locator(`${TABLE} .body-row`).first().waitFor({ timeout: 30_000 });
  // Alerts are evaluated on the clock's tick.
  await page.waitForTimeout(1500);
  return { page, context };
}

/** Filters the table to the away and offline representatives' conversations (where stuck ones are). */
async function showAbsentRepresentatives(page) {
  await page.evaluate(() => {
    const service = window.supervisorConsole.activeService;
    const absent = [...service.state.representatives.values()]
      .filter((r) => r.presence === 'away' || r.presence === 'offline')
      .map((r) => r.id);
    const table = window.supervisorConsole.shadowRoot.querySelector('ongoing-conversations-table');
    table.filter = { representativeIds: absent };
  });
  await page.waitForTimeout(1200);
}

const table = (page) => page.locator(TABLE);

const shots = [
  {
    name: 'alerts-marked-rows',
    async run() {
      const { page, context } = await open('index.html?n=60&cps=1');
      await page.locator(`${TABLE} button.toggle`).first().click(); // Attention first
      await page.waitForTimeout(1200);
      await shot(page, 'alerts-marked-rows', { clip: await clipOf(table(page), 520) });
      await context.close();
    },
  },
  {
    name: 'alerts-panel',
    async run() {
      const { page, context } = await open('index.html?n=60&cps=1');
      await page.locator(`${TABLE} details.alerts summary`).click();
      await page.waitForTimeout(400);
      await shot(page, 'alerts-panel', { clip: await clipOf(table(page), 460) });
      await context.close();
    },
  },
  {
    name: 'alerts-stuck-row',
    async run() {
      const { page, context } = await open('index.html?n=60&cps=1');
      await showAbsentRepresentatives(page);
      const stuck = page.locator(`${TABLE} .body-row.stuck`).first();
      if ((await stuck.count()) === 0) console.error('no stuck row in view');
      await shot(page, 'alerts-stuck-row', { clip: await clipOf(table(page), 400) });
      await context.close();
    },
  },
  {
    name: 'alerts-stuck-row-dark',
    async run() {
      const { page, context } = await open('index.html?n=60&cps=1&theme=dark', {
        colorScheme: 'dark',
      });
      await showAbsentRepresentatives(page);
      await shot(page, 'alerts-stuck-row-dark', { clip: await clipOf(table(page), 400) });
      await context.close();
    },
  },
];

/** The table's box, cut to `height` pixels. */
async function clipOf(locator, height) {
  const box = await locator.boundingBox();
  return { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, height) };
}

try {
  for (const s of shots) if (s.name.includes(only)) await s.run();
} finally {
  await browser.close();
  await server.close();
}
