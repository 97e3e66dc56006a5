/**
 * `npm start`: serves the demo host CRM pages in `demo/` (the Supervisor page with
 * `<supervisor-console>`, the à-la-carte page wiring the single elements, the table at scale).
 * The pages import the library from `../src/`, so edits reload at once.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./demo'),
  publicDir: here('./public'),
  server: { port: 5173, strictPort: false },
  build: {
    outDir: here('./dist/demo'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: here('./demo/index.html'),
        'a-la-carte': here('./demo/a-la-carte.html'),
        table: here('./demo/table.html'),
      },
    },
  },
});
