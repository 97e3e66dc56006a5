// What every screenshot script starts with: the demo served by Vite on a free local port (the same
// configuration as `npm start`) and the screenshots folder ready.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

/** Where screenshots go: docs/screenshots/ (with its trailing slash). */
export const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** Serves demo/ and returns its base address and the server (close it when done). */
export async function serveDemo() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await createServer({
    configFile: fileURLToPath(new URL('../vite.demo.config.ts', import.meta.url)),
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  await server.listen();
  const address = server.httpServer?.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 5173}`;
  return { base, server };
}

/**
 * A fresh page in its own browser context, opened on `url`: page errors and console errors and
 * warnings (Lit's dev-mode notice aside) are printed with `label`.
 */
export async function openPage(
  browser,
  url,
  { label = url, width = 1600, height = 1000, colorScheme = 'light', forcedColors = 'none' } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    colorScheme,
    forcedColors,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[${label}] page error:`, err.message));
  page.on('console', (msg) => {
    if ((msg.type() === 'error' || msg.type() === 'warning') && !msg.text().includes('dev mode')) {
      console.error(`[${label}] console ${msg.type()}:`, msg.text());
    }
  });
  await page.goto(url);
  return { page, context };
}

/** Saves a screenshot of a page or an element as docs/screenshots/<name>.png and prints its path. */
export async function shot(target, name, options = {}) {
  const file = `${SCREENSHOTS}${name}.png`;
  await target.screenshot({ path: file, ...options });
  console.log(file);
}
