// The whole widget under a strict Content-Security-Policy with Trusted Types enforced: builds a tiny
// page (test/reliability/csp) with esbuild, serves it from 127.0.0.1 with the policy as a header and a
// <meta>, opens it in Chromium (playwright-core), uses the console (table, board, every dialog, the
// monitor panel) and fails on any CSP or Trusted Types violation, page error or console error.
// Prints `reliability: csp N passed, M failed`. Run: `node scripts/csp-check.mjs` (npm run test:csp).
import { createServer } from 'node:http';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium } from './browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const page_dir = join(root, 'test/reliability/csp');
const out = join(root, 'node_modules/.cache/csp-check');

export const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const started = Date.now();
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(page_dir, 'main.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  tsconfig: join(root, 'tsconfig.json'),
  outfile: join(out, 'main.js'),
  conditions: ['production', 'browser'],
  logLevel: 'warning',
});
await writeFile(join(out, 'index.html'), await readFile(join(page_dir, 'index.html')));

const TYPES = { '.html': 'text/html', '.js': 'text/javascript' };
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/favicon.ico') return void res.writeHead(204).end();
  const file = join(out, path === '/' ? 'index.html' : path.replace(/^\/+/, ''));
  if (!file.startsWith(out)) return void res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8`,
      'Content-Security-Policy': POLICY,
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

const browser = await launchChromium();
const results = [];
const consoleErrors = [];
/** Records one named check. */
function check(name, ok, detail = '') {
  results.push({ name, ok, detail });
  if (Array.isArray(detail)) {
    const counts = new Map();
    for (const d of detail) counts.set(d, (counts.get(d) ?? 0) + 1);
    detail = [...counts]
      .map(([d, n]) => `${n > 1 ? `${n}× ` : ''}${d.slice(0, 300)}`)
      .join('\n      ');
  }
  console.log(`${ok ? '  ✓' : '  ✗'} ${name}${ok || !detail ? '' : `\n      ${detail}`}`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`http://127.0.0.1:${port}/`);
  const header = await page.evaluate(() =>
    document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
  );
  check('the page carries the strict policy (header and meta)', header !== null);
  await page.waitForFunction(() => window.__csp?.ready === true, null, { timeout: 10_000 });

  // Helpers that run in the page: text through shadow roots, a dialog's state.
  const deepText = () =>
    page.evaluate(() => {
      let text = '';
      const walk = (n) => {
        if (n.nodeType === 3) text += n.textContent;
        if (n.shadowRoot) walk(n.shadowRoot);
        for (const c of n.childNodes) walk(c);
      };
      walk(document.body);
      return text;
    });
  await page.waitForFunction(() => window.__service.state.connection.status === 'live', null, {
    timeout: 10_000,
  });
  await page.waitForTimeout(300);
  const rows = await page.evaluate(
    () =>
      window.__console.shadowRoot
        .querySelector('ongoing-conversations-table')
        .shadowRoot.querySelectorAll('[role="row"]').length,
  );
  const board = (await deepText()).includes('Representatives');
  // Inline styles (row positions, column template, capacity bars) really applied, not blocked.
  const styled = await page.evaluate(() => {
    const table = window.__console.shadowRoot.querySelector(
      'ongoing-conversations-table',
    ).shadowRoot;
    const rowsEls = table.querySelectorAll('.body-row');
    const second = rowsEls[1];
    const fill = window.__console.shadowRoot
      .querySelector('representatives-board')
      .shadowRoot.querySelector('.fill');
    return {
      transform: second ? getComputedStyle(second).transform : 'none',
      columns: table.querySelector('[role="grid"]')?.style.getPropertyValue('--_columns') ?? '',
      fill: fill?.style.getPropertyValue('inline-size') ?? '',
    };
  });
  check(
    'inline styles are applied through the CSSOM (row offsets, columns, capacity bars)',
    styled.transform !== 'none' && styled.columns !== '' && styled.fill !== '',
    JSON.stringify(styled),
  );
  check('the table and the board render the simulated centre', rows > 5 && board, `${rows} rows`);

  const open = async (action, pick) => {
    const id = await page.evaluate(
      ([a, p]) => {
        const s = window.__service;
        const ctx = s.ruleContext;
        const c = [...s.state.conversations.values()].find((x) =>
          p === 'open'
            ? x.status === 'open' && x.representativeId === null
            : x.status === 'active' &&
              x.representativeId !== ctx.supervisorId &&
              x.channel !== 'record' &&
              x.channel !== 'voice' &&
              x.mode === 'text',
        );
        window.__console.open(a, c.id);
        return c.id;
      },
      [action, pick],
    );
    await page.waitForTimeout(400);
    return id;
  };
  const dialogOpen = (tag) =>
    page.evaluate(
      (t) =>
        window.__console.shadowRoot.querySelector(t)?.shadowRoot?.querySelector('dialog')?.open ??
        false,
      tag,
    );
  const closeDialog = (tag) =>
    page.evaluate((t) => window.__console.shadowRoot.querySelector(t).close(), tag);

  await open('assign', 'open');
  check('the assign dialog opens', await dialogOpen('assign-dialog'));
  const chose = await page.evaluate(() => {
    const d = window.__console.shadowRoot.querySelector('assign-dialog');
    const input = d.shadowRoot.querySelector('.option input:not(:disabled)');
    input?.click();
    return !!input;
  });
  check('a representative can be chosen in it', chose);
  await closeDialog('assign-dialog');

  await open('transfer', 'active');
  check('the transfer dialog opens', await dialogOpen('transfer-dialog'));
  await closeDialog('transfer-dialog');

  await open('forceClose', 'active');
  check('the force-close dialog opens', await dialogOpen('force-close-dialog'));
  await closeDialog('force-close-dialog');

  // Rows selected in the table: the selection bar's Force close… opens the bulk dialog's preview.
  const bulkPreview = await page.evaluate(async () => {
    const table = window.__console.shadowRoot.querySelector('ongoing-conversations-table');
    const ids = [...window.__service.state.conversations.values()]
      .filter((c) => c.status !== 'closed')
      .slice(0, 3)
      .map((c) => c.id);
    table.selectedIds = ids;
    await table.updateComplete;
    table.shadowRoot.querySelector('[data-bulk="force-close"]')?.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const dialog = window.__console.shadowRoot.querySelector('bulk-action-dialog');
    return dialog?.shadowRoot?.querySelectorAll('.rows .row').length ?? 0;
  });
  check('the bulk dialog opens on three selected rows, with its preview', bulkPreview === 3);
  await closeDialog('bulk-action-dialog');

  const monitored = await open('monitor', 'active');
  await page.waitForFunction(
    (id) => {
      const panel = window.__console.shadowRoot.querySelector('monitor-panel');
      return (
        panel?.getAttribute('conversation-id') === id &&
        panel.shadowRoot?.querySelector('[role="log"]')
      );
    },
    monitored,
    { timeout: 5000 },
  );
  check('the monitor panel opens with the transcript', true);

  // Everything above must have run without a violation.
  const report = await page.evaluate(() => window.__csp);
  check('no CSP or Trusted Types violation', report.violations.length === 0, report.violations);
  check('no uncaught error', report.errors.length === 0, report.errors);
  check('no console error', consoleErrors.length === 0, consoleErrors);

  // And the policy is really enforced: a raw string into an HTML sink is refused.
  const sink = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'allowed';
    } catch {
      return 'blocked';
    }
  });
  check('Trusted Types are enforced (innerHTML with a string throws)', sink === 'blocked', sink);
} catch (error) {
  check('the run completed', false, String(error));
} finally {
  await browser.close();
  server.close();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(
  `reliability: csp ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
process.exitCode = failed > 0 ? 1 : 0;
