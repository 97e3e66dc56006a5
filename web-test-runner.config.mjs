// Browser tests: every *.test.ts under src/ and test/, in real headless Chromium.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { findChromium } from './scripts/chromium.mjs';
import { commonJsPlugin } from './scripts/wtr-commonjs.mjs';
import { reactPlugin } from './scripts/wtr-react.mjs';
import { storiesIndexPlugin } from './scripts/wtr-stories-index.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  plugins: [
    esbuildPlugin({ ts: true, tsx: true, tsconfig, target: 'es2022' }),
    // CommonJS-only test dependencies, served as ES modules (ajv: the OpenAPI contract test).
    commonJsPlugin(['ajv/dist/2020']),
    // React for the wrappers' test (src/react): one instance for react and react-dom/client.
    reactPlugin(),
    // The list of stories modules, so test/stories.test.ts knows it renders them all.
    storiesIndexPlugin(),
  ],
  // One page at a time: a background page gets no animation frames and no focus, and the elements
  // rely on both (the service coalesces to frames; dialogs return focus).
  concurrency: 1,
  // The summary lists every test by name, so a CI log shows what ran (and in which browser).
  reporters: [defaultReporter(), summaryReporter({ flatten: false })],
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-dev-shm-usage',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
          // The soak test (test/reliability/soak.test.ts) forces a GC and reads exact heap sizes.
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
        ],
      },
    }),
  ],
  middleware: [
    // MSW's service worker must be served from the site root.
    function serveMockServiceWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head>
    <script>
      // Benign and timing-dependent: never let it fail a test.
      window.addEventListener('error', (e) => {
        if (String(e.message).includes('ResizeObserver loop')) e.stopImmediatePropagation();
      });
      // Lit dev-mode warnings fail tests (test/setup.ts checks this list after each test).
      globalThis.litIssuedWarnings = new Set(['dev-mode']);
      window.__litWarnings = [];
      const warn = console.warn.bind(console);
      console.warn = (...args) => {
        const text = args.map(String).join(' ');
        if (text.includes('lit.dev/msg/')) window.__litWarnings.push(text);
        warn(...args);
      };
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
