// Screenshots of the demo's Supervisor page in German and right-to-left, optionally with the monitor
// panel open (README "Languages and right-to-left"). Serves demo/ with Vite and drives Debian's Chromium through
// playwright-core; PNGs go to docs/screenshots/ (console-de.png, console-rtl.png).
// Usage: node scripts/screenshot-i18n.mjs [--monitor]
import { SCREENSHOTS, serveDemo } from './demo-server.mjs';
import { launchChromium } from './browser.mjs';

const out = SCREENSHOTS;
const { base, server } = await serveDemo();
const browser = await launchChromium();
const TABLE = 'supervisor-console ongoing-conversations-table';

const withMonitor = process.argv.includes('--monitor');

async function capture(name, query) {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[${name}] page error:`, err.message));
  await page.goto(`${base}/index.html?n=60&cps=2&${query}`);
  await page.locator(`${TABLE} .body-row`).first().waitFor({ timeout: 30_000 });
  // Monitor an Active conversation, so the panel (facts, transcript, notice) is in the picture.
  if (withMonitor)
    await page.evaluate(() => {
      const el = window.supervisorConsole;
      const service = el.activeService;
      const me = service.ruleContext.supervisorId;
      const c = [...service.state.conversations.values()].find(
        (x) => x.status === 'active' && x.representativeId !== me,
      );
      if (c) el.open('monitor', c.id);
    });
  await page.waitForTimeout(1500);
  const file = `${out}${name}.png`;
  await page.screenshot({ path: file });
  console.log(file);
  await context.close();
}

try {
  await capture('console-de', 'lang=de');
  await capture('console-rtl', 'dir=rtl');
} finally {
  await browser.close();
  await server.close();
}
