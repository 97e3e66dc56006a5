/**
 * One Vite config for three jobs:
 * - `vite` (npm start): serves the demo host page from `demo/`;
 * - `vite build`: the library as ES modules, leaving lit, @lit/context and rxjs (and, for the React
 *   wrappers, react and @lit/react) to the host's bundler;
 * - `vite build --mode iife`: one self-contained script-tag bundle that registers every element.
 */
import { defaultClientConditions, defineConfig } from 'vite';
import { minifyLiteralsPlugin } from './scripts/minify-literals.mjs';
import { compileHintsPlugin } from './scripts/compile-hints.mjs';
import { fileURLToPath } from 'node:url';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Every public element: `dist/components/<name>.js` (the class) and `<name>.define.js` (registers it). */
export const ELEMENTS = [
  'ongoing-conversations-table',
  'assign-dialog',
  'transfer-dialog',
  'force-close-dialog',
  'bulk-action-dialog',
  'monitor-panel',
  'representatives-board',
  'supervisor-console',
] as const;

const elementEntries = Object.fromEntries(
  ELEMENTS.flatMap((name) => [
    [`components/${name}`, here(`./src/components/${name}/${name}.ts`)],
    [`components/${name}.define`, here(`./src/components/${name}/${name}.define.ts`)],
  ]),
);

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      root: here('./demo'),
      publicDir: here('./public'),
      server: { port: 5173, strictPort: false },
      build: { outDir: here('./dist/demo'), emptyOutDir: true },
    };
  }
  // Both library builds minify the static text of Lit templates (scripts/minify-literals.mjs) and
  // ask V8 to compile their code while it loads (scripts/compile-hints.mjs).
  const plugins = [minifyLiteralsPlugin(), compileHintsPlugin()];
  if (mode === 'iife') {
    return {
      plugins,
      // RxJS's ES2015 build: classes instead of ES5 functions and no tslib helpers.
      resolve: { conditions: ['es2015', ...defaultClientConditions] },
      publicDir: false,
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        copyPublicDir: false,
        lib: {
          entry: here('./src/bundle.ts'),
          name: 'SupervisorConsole',
          formats: ['iife'],
          fileName: () => 'supervisor-console.iife.js',
        },
      },
    };
  }
  return {
    plugins,
    publicDir: false,
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      copyPublicDir: false,
      sourcemap: true,
      minify: false,
      lib: {
        entry: {
          index: here('./src/index.ts'),
          domain: here('./src/domain/index.ts'),
          define: here('./src/define.ts'),
          react: here('./src/react/index.ts'),
          ...elementEntries,
        },
        formats: ['es'],
      },
      rollupOptions: {
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
        external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^rxjs($|\/)/, /^react($|\/)/],
      },
    },
  };
});
