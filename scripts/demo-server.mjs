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
