// A static file server on a free local port, for built pages: the benchmark pages (dist/bench)
// and the built Storybook (storybook-static/). Nothing outside its folder is served.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

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

/**
 * Serves a folder (a directory's `index.html` for a directory) on 127.0.0.1.
 * @param {string} folder e.g. `dist/bench`
 * @returns {Promise<{ base: string, server: import('node:http').Server, close: () => void }>}
 */
export async function serveStatic(folder) {
  const root = resolve(folder);
  const server = createServer(async (req, res) => {
    try {
      let file = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end();
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, server, close: () => server.close() };
}
