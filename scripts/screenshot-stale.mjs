// Screenshots of a stale action (#11) from the built Storybook (run `npm run build-storybook` first):
// the assign and force-close dialogs refused as a conflict, saying who changed the conversation since
// the supervisor looked and what changed, with "Review the current conversation". The backend's
// answer is scripted by the stories (a real race is hard to stage on the simulator). Crops to the
// dialog; PNGs go to docs/screenshots/stale-*.png.
// Usage: node scripts/screenshot-stale.mjs
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';
import { serveStorybook } from './storybook-server.mjs';

const { base, server } = await serveStorybook();
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });

/** [story id, theme, tag of the dialog, file name] */
const SHOTS = [
  ['elements-assign-dialog--error-conflict', 'light', 'assign-dialog', 'stale-assign'],
  [
    'elements-force-close-dialog--error-conflict',
    'dark',
    'force-close-dialog',
    'stale-force-close-dark',
  ],
  [
    'elements-transfer-dialog--error-conflict',
    'light',
    'transfer-dialog',
    'stale-transfer-unnamed',
  ],
];

const browser = await launchChromium();

let failed = 0;
try {
  for (const [id, theme, tag, name] of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: 900, height: 760 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error(`[${id}] page error: ${err.message}`));
    try {
      await page.goto(`${base}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`);
      await page.waitForFunction(
        () => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0,
        null,
        { timeout: 15_000 },
      );
      await page.evaluate(() =>
        Promise.all([...document.querySelectorAll('sc-story-frame')].map((f) => f.ready)),
      );
      await page.locator(`${tag} .conflict`).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(400);
      const file = `${out}${name}.png`;
      await page.locator(`${tag} dialog`).screenshot({ path: file });
      console.log(file);
    } catch (err) {
      failed += 1;
      console.error(`[${id}] ${err instanceof Error ? err.message : err}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
