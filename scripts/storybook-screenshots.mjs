// Screenshots of stories from the built Storybook (run `npm run build-storybook` first): serves
// storybook-static/ on a local port, opens each story's iframe in Debian's Chromium through
// playwright-core, waits until every <sc-story-frame> has finished its setup, and saves a PNG.
// Usage: node scripts/storybook-screenshots.mjs [--out=dir] [story-id[:dark] …]
//   default ids: a few stories of each element, light and dark; default out: /tmp/storybook-shots
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { serveStorybook } from './storybook-server.mjs';

const { base, server } = await serveStorybook();
const outArg = process.argv.find((a) => a.startsWith('--out='));
const out = outArg ? outArg.slice(6) : '/tmp/storybook-shots';
mkdirSync(out, { recursive: true });

const DEFAULT_IDS = [
  'elements-ongoing-conversations-table--ten-thousand-rows',
  'elements-ongoing-conversations-table--ten-thousand-rows:dark',
  'elements-ongoing-conversations-table--reconnecting',
  'elements-ongoing-conversations-table--actions-menu:dark',
  'elements-ongoing-conversations-table--hostile-strings',
  'elements-assign-dialog--capacity-override',
  'elements-assign-dialog--capacity-override:dark',
  'elements-assign-dialog--rest-role-error',
  'elements-transfer-dialog--waiting-for-answer:dark',
  'elements-force-close-dialog--confirm',
  'elements-monitor-panel--monitoring',
  'elements-monitor-panel--monitoring:dark',
  'elements-representatives-board--default:dark',
  'elements-supervisor-console--transfers-and-log',
  'elements-supervisor-console--transfers-and-log:dark',
];
const ids = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const browser = await launchChromium();

let failed = 0;
for (const spec of ids.length ? ids : DEFAULT_IDS) {
  const [id, theme = 'light'] = spec.split(':');
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[${spec}] page error: ${err.message}`));
  const url = `${base}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`;
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0,
      null,
      { timeout: 15_000 },
    );
    // Stories in a <sc-story-frame> say when their setup is done; others get a moment to load.
    const framed = await page.evaluate(async () => {
      const frames = [...document.querySelectorAll('sc-story-frame')];
      await Promise.all(frames.map((f) => f.ready));
      return frames.length > 0;
    });
    await page.waitForTimeout(framed ? 600 : 2000);
    const file = join(out, `${id.replace(/^elements-/, '')}-${theme}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  } catch (err) {
    failed += 1;
    console.error(`[${spec}] ${err instanceof Error ? err.message : err}`);
  }
  await context.close();
}

await browser.close();
server.close();
process.exit(failed ? 1 : 0);
