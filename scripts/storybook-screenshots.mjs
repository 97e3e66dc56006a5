// Screenshots of stories from the built Storybook (run `npm run build-storybook` first): serves
// storybook-static/ on a local port, opens each story's iframe in Debian's Chromium through
// playwright-core, waits until every <sc-story-frame> has finished its setup, and saves a PNG.
// Usage: node scripts/storybook-screenshots.mjs [--out=dir] [story-id[:dark] …]
//   default ids: a few stories of each element, light and dark; default out: /tmp/storybook-shots
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';

const root = fileURLToPath(new URL('../storybook-static/', import.meta.url));
if (!existsSync(join(root, 'iframe.html'))) {
  console.error('No storybook-static/: run `npm run build-storybook` first.');
  process.exit(1);
}
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

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  let file = join(root, path);
  if (!file.startsWith(root)) file = root;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

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
