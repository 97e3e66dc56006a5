// What the Storybook screenshot scripts start with: the built Storybook (storybook-static/) served
// on a free local port.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server.mjs';

const root = fileURLToPath(new URL('../storybook-static/', import.meta.url));

/** Serves storybook-static/ (or exits with a hint when it was not built) and returns its address. */
export async function serveStorybook() {
  if (!existsSync(join(root, 'iframe.html'))) {
    console.error('No storybook-static/: run `npm run build-storybook` first.');
    process.exit(1);
  }
  return serveStatic(root);
}
