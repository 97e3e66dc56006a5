// A test-runner plugin that serves `/__stories-index.json`: the stories modules under stories/, so
// test/stories.test.ts can check that it renders every one of them (a new module must be added there).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../stories/', import.meta.url));

/** @returns {import('@web/dev-server-core').Plugin} */
export function storiesIndexPlugin() {
  return {
    name: 'stories-index',
    serve(context) {
      if (context.path !== '/__stories-index.json') return undefined;
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.stories.ts'))
        .sort();
      return { body: JSON.stringify(files), type: 'application/json' };
    },
  };
}
