/** Production build of the benchmark pages: one HTML page per contender. */
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { defaultClientConditions, defineConfig } from 'vite';
import { minifyLiteralsPlugin } from '../scripts/minify-literals.mjs';
import { compileHintsPlugin } from '../scripts/compile-hints.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const pages = readdirSync(root).filter((f) => f.endsWith('.html'));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  // Built as the library ships: template literals minified, compile hints, RxJS's ES2015 build.
  plugins: [minifyLiteralsPlugin(), compileHintsPlugin()],
  resolve: { conditions: ['es2015', ...defaultClientConditions] },
  build: {
    outDir: fileURLToPath(new URL('../dist/bench', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      input: Object.fromEntries(pages.map((p) => [p.replace('.html', ''), `${root}${p}`])),
    },
  },
});
