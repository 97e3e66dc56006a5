// Screenshots of a stale action (#11) from the built Storybook (run `npm run build-storybook` first):
// the assign and force-close dialogs refused as a conflict, saying who changed the conversation since
// the supervisor looked and what changed, with "Review the current conversation". The backend's
// answer is scripted by the stories (a real race is hard to stage on the simulator). Crops to the
// dialog; PNGs go to docs/screenshots/stale-*.png.
// Usage: node scripts/screenshot-stale.mjs
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

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
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
