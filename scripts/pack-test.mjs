// Packaging test: the package as a host gets it from npm.
//
// 1. `npm run build`, then `npm pack` into a scratch directory (skip the build with --no-build).
// 2. A scratch host project outside this repository installs the tarball (`npm install --prefer-offline`,
//    so lit, @lit/context and rxjs come from the npm cache when they are there) and nothing else: every
//    import below must resolve from what the package declares.
// 3. Every `exports` target (and its `types`) exists in the installed package; the tarball holds no
//    sources, tests, stories or mocks; a TypeScript host file (every entry, the React wrappers' typed
//    event props) type-checks against the shipped types.
// 4. Three host pages, opened in headless Chromium (playwright-core, the system Chromium):
//    - npm.html: `import 'supervisor-console/define'`, bundled by Vite from the scratch project;
//    - class.html: only `supervisor-console/components/assign-dialog.js` (must register nothing), the
//      class registered by the host under its own tag name;
//    - script-tag.html: `<script src=".../supervisor-console.iife.js">`, no bundler at all.
//    - react.html: the `supervisor-console/react` wrapper rendered by react-dom (React and @lit/react
//      installed as the host's own dependencies); a click on a representative reaches its typed
//      `onScRepresentativeSelect` prop.
//    `<supervisor-console>` must render rows from its embedded simulator, with no page error and no
//    console error or warning.
// Usage: node scripts/pack-test.mjs [--no-build] [--keep]
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium } from './browser.mjs';

const started = Date.now();
const repo = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const failures = [];
const fail = (message) => {
  failures.push(message);
  console.error(`  ✗ ${message}`);
};
const ok = (message) => console.log(`  ✓ ${message}`);
const step = (message) =>
  console.log(`\n${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

const run = (cmd, cmdArgs, cwd) =>
  execFileSync(cmd, cmdArgs, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
  });

const scratch = mkdtempSync(join(tmpdir(), 'sc-pack-test-'));
const host = join(scratch, 'host');

try {
  if (!args.has('--no-build')) {
    step('Building the package (npm run build)');
    run(npm, ['run', 'build', '--silent'], repo);
  }

  step('Packing');
  const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', scratch], repo));
  const tarball = join(scratch, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  ok(`${packed[0].filename}: ${files.length} files, ${(packed[0].size / 1024).toFixed(0)} kB`);
  const leaked = files.filter(
    (f) =>
      /(^|\/)(src|test|stories|bench|demo|scripts|\.storybook|node_modules)\//.test(f) ||
      /\.(test|stories)\.|\.d\.ts\.map$|(^|\/)mocks\//.test(f),
  );
  if (leaked.length > 0) fail(`the tarball holds files a host does not need: ${leaked.join(', ')}`);
  else ok('no sources, tests, stories, mocks or declaration maps in the tarball');

  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  for (const dep of ['lit', '@lit/context', 'rxjs']) {
    if (!pkg.dependencies?.[dep]) fail(`${dep} is not a dependency of the published package`);
  }

  step('Installing the tarball into a scratch host project');
  const hostPkg = {
    name: 'scratch-host',
    private: true,
    type: 'module',
    dependencies: {
      'supervisor-console': `file:${tarball}`,
      // A React host: the optional peers of supervisor-console/react, at the versions tested here.
      ...Object.fromEntries(
        ['react', 'react-dom', '@lit/react', '@types/react'].map((name) => [
          name,
          pkg.devDependencies[name],
        ]),
      ),
    },
  };
  execFileSync('mkdir', ['-p', join(host, 'src')]);
  await writeFile(join(host, 'package.json'), JSON.stringify(hostPkg, null, 2));
  run(
    npm,
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
    ],
    host,
  );
  const installed = join(host, 'node_modules', 'supervisor-console');
  const installedPkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const hostModules = run(npm, ['ls', '--all', '--parseable'], host)
    .split('\n')
    .filter(Boolean)
    .map((p) => p.slice(host.length + 1));
  ok(`installed with ${hostModules.length - 1} packages`);
  const hostDeps = new Set(Object.keys(hostPkg.dependencies));
  const devOnly = Object.keys(pkg.devDependencies ?? {}).filter(
    (d) => !hostDeps.has(d) && hostModules.includes(`node_modules/${d}`),
  );
  if (devOnly.length > 0) fail(`dev dependencies reached the host: ${devOnly.join(', ')}`);

  step('Checking every exports target');
  const targets = [];
  for (const [key, value] of Object.entries(installedPkg.exports)) {
    const entries = typeof value === 'string' ? { default: value } : value;
    for (const [condition, target] of Object.entries(entries)) {
      targets.push(target);
      if (!existsSync(join(installed, target)))
        fail(`exports["${key}"].${condition}: ${target} is missing`);
    }
    if (typeof value === 'object' && key !== './package.json' && !value.types) {
      fail(`exports["${key}"] has no types`);
    }
  }
  for (const field of ['main', 'module', 'types', 'unpkg', 'customElements']) {
    if (installedPkg[field] && !existsSync(join(installed, installedPkg[field]))) {
      fail(`package.json "${field}": ${installedPkg[field]} is missing`);
    }
  }
  ok(`${targets.length} targets of ${Object.keys(installedPkg.exports).length} exports checked`);
  const sideEffectFree = Object.keys(installedPkg.exports).filter(
    (k) => k.startsWith('./components/') && !k.endsWith('.define.js'),
  );
  for (const key of sideEffectFree) {
    const target = installedPkg.exports[key].import;
    const matched = installedPkg.sideEffects.some((pattern) =>
      new RegExp(
        `^${pattern
          .replace(/^\.\//, '')
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '[^/]*')}$`,
      ).test(target.replace(/^\.\//, '')),
    );
    if (matched) fail(`${key} is a class module but sideEffects covers it`);
  }

  step('Type-checking a TypeScript host against the shipped types');
  const elements = sideEffectFree.map((k) => k.slice('./components/'.length, -'.js'.length));
  const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
  await writeFile(
    join(host, 'src', 'host.ts'),
    [
      `import 'supervisor-console/define';`,
      `import { SupervisorService, SimulatedCentre, AssignedEvent } from 'supervisor-console';`,
      `import { canAssign } from 'supervisor-console/domain';`,
      `import { createElement } from 'react';`,
      `import { SupervisorConsole as ReactConsole } from 'supervisor-console/react';`,
      `export const page = createElement(ReactConsole, { onScAssigned: (e: AssignedEvent) => e.detail.target });`,
      ...elements.map(
        (n) => `import { ${pascal(n)} } from 'supervisor-console/components/${n}.js';`,
      ),
      ...elements.map((n) => `import 'supervisor-console/components/${n}.define.js';`),
      `const service = new SupervisorService(new SimulatedCentre({ seed: 1 })).connect();`,
      `const consoleEl: ${pascal('supervisor-console')} = document.createElement('supervisor-console');`,
      `consoleEl.service = service;`,
      `consoleEl.addEventListener('sc-assigned', (e: AssignedEvent) => e.detail.conversationId);`,
      `export const used = [canAssign, ${elements.map(pascal).join(', ')}];`,
      '',
    ].join('\n'),
  );
  await writeFile(
    join(host, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
        jsx: 'react',
      },
      include: ['src/host.ts'],
    }),
  );
  try {
    run(
      process.execPath,
      [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', host],
      host,
    );
    ok('src/host.ts type-checks (every entry, its types, the tag map and the event map)');
  } catch (error) {
    fail(`the host does not type-check:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }

  step('Bundling the host pages with Vite');
  await writeFile(
    join(host, 'npm.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>npm host</title></head>
<body><supervisor-console></supervisor-console><script type="module" src="./src/npm.js"></script></body></html>`,
  );
  await writeFile(
    join(host, 'src', 'npm.js'),
    `import 'supervisor-console/define';
import { SupervisorConsole } from 'supervisor-console';
window.registered = customElements.get('supervisor-console') === SupervisorConsole;
`,
  );
  await writeFile(
    join(host, 'class.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>class host</title></head>
<body><script type="module" src="./src/class.js"></script></body></html>`,
  );
  await writeFile(
    join(host, 'src', 'class.js'),
    `import { AssignDialog } from 'supervisor-console/components/assign-dialog.js';
window.defaultTagTaken = customElements.get('assign-dialog') !== undefined;
customElements.define('crm-assign-dialog', AssignDialog);
const el = document.createElement('crm-assign-dialog');
document.body.append(el);
await el.updateComplete;
window.hostTagRendered = el.shadowRoot !== null && el instanceof AssignDialog;
`,
  );
  await writeFile(
    join(host, 'script-tag.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>script-tag host</title>
<script src="/node_modules/supervisor-console/dist/supervisor-console.iife.js"></script></head>
<body><supervisor-console></supervisor-console>
<script>window.registered = customElements.get('supervisor-console') === window.SupervisorConsole.SupervisorConsole;</script>
</body></html>`,
  );
  await writeFile(
    join(host, 'react.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>React host</title></head>
<body><div id="root"></div><script type="module" src="./src/react.js"></script></body></html>`,
  );
  await writeFile(
    join(host, 'src', 'react.js'),
    `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { SupervisorConsole } from 'supervisor-console/react';
import { SupervisorConsole as SupervisorConsoleElement } from 'supervisor-console';
createRoot(document.getElementById('root')).render(
  createElement(SupervisorConsole, {
    simulatorOptions: { seed: 5, conversations: 40 },
    onScRepresentativeSelect: (event) => {
      window.selected = event.detail.representativeId;
    },
  }),
);
window.registered = customElements.get('supervisor-console') === SupervisorConsoleElement;
`,
  );
  await build({
    root: host,
    configFile: false,
    logLevel: 'error',
    build: {
      outDir: join(host, 'dist'),
      emptyOutDir: true,
      rollupOptions: {
        input: {
          npm: join(host, 'npm.html'),
          class: join(host, 'class.html'),
          react: join(host, 'react.html'),
        },
      },
    },
  });
  ok('npm.html, class.html and react.html bundled from the installed package');

  step('Rendering in Chromium');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = normalize(decodeURIComponent(url.pathname));
    const file =
      path.startsWith('/node_modules/') || path === '/script-tag.html'
        ? join(host, path)
        : join(host, 'dist', path);
    if (!resolve(file).startsWith(host) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchChromium();
  try {
    const open = async (path) => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const problems = [];
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') {
          problems.push(`console ${msg.type()}: ${msg.text()}`);
        }
      });
      page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
      await page.goto(`${base}/${path}`);
      return { page, problems };
    };
    const expectConsoleRows = async (path, more = async () => {}) => {
      const { page, problems } = await open(path);
      try {
        // Playwright's CSS selectors pierce open shadow roots: these are the table's body rows.
        const rows = page.locator(
          'supervisor-console ongoing-conversations-table [role="row"]:not([aria-rowindex="1"])',
        );
        await rows.first().waitFor({ timeout: 15_000 });
        const count = await rows.count();
        const registered = await page.evaluate(() => window.registered);
        const board = await page.locator('supervisor-console representatives-board').count();
        if (!registered) fail(`${path}: <supervisor-console> is not the package's class`);
        if (board !== 1) fail(`${path}: the console did not compose its board`);
        if (count > 0) ok(`${path}: <supervisor-console> renders ${count} rows from its simulator`);
        await more(page);
      } catch (error) {
        fail(`${path}: no conversation rows (${error.message.split('\n')[0]})`);
      }
      if (problems.length > 0) fail(`${path}: ${problems.join('; ')}`);
      else ok(`${path}: no page error, console error or warning`);
      await page.close();
    };
    await expectConsoleRows('npm.html');
    await expectConsoleRows('script-tag.html');
    await expectConsoleRows('react.html', async (page) => {
      const card = page.locator('supervisor-console representatives-board .card[data-id]').first();
      const id = await card.getAttribute('data-id');
      await card.click();
      await page.waitForFunction(() => 'selected' in window, null, { timeout: 5_000 });
      const selected = await page.evaluate(() => window.selected);
      if (selected === id) ok(`react.html: the onScRepresentativeSelect prop got ${id}`);
      else fail(`react.html: onScRepresentativeSelect got ${selected}, expected ${id}`);
    });

    const { page, problems } = await open('class.html');
    await page.waitForFunction(() => 'hostTagRendered' in window, null, { timeout: 15_000 });
    const result = await page.evaluate(() => ({
      defaultTagTaken: window.defaultTagTaken,
      hostTagRendered: window.hostTagRendered,
    }));
    if (result.defaultTagTaken)
      fail('class.html: importing the class module registered <assign-dialog>');
    else ok('class.html: importing a class module registers nothing');
    if (!result.hostTagRendered)
      fail('class.html: the class did not render as <crm-assign-dialog>');
    else ok('class.html: the host registered and rendered it as <crm-assign-dialog>');
    if (problems.length > 0) fail(`class.html: ${problems.join('; ')}`);
    await page.close();
  } finally {
    await browser.close();
    server.close();
  }
} catch (error) {
  fail(error.stack ?? String(error));
} finally {
  if (args.has('--keep')) console.log(`\nScratch project kept at ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  console.error(`\nPackaging test failed (${failures.length} problems, ${seconds} s).`);
  process.exit(1);
}
console.log(`\nPackaging test passed (${seconds} s).`);
