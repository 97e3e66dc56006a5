// node --test: the compile hint heads every chunk Vite writes, minified or not, and source maps still
// point at the right lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { COMPILE_HINT, compileHintsPlugin } from './compile-hints.mjs';

const SOURCE = `export function first() {\n  return 'alpha-text';\n}\n\nexport function second() {\n  return 'beta-text';\n}\n`;

async function buildOnce(minify) {
  const dir = await mkdtemp(join(tmpdir(), 'compile-hints-'));
  await writeFile(join(dir, 'entry.js'), SOURCE);
  await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    plugins: [compileHintsPlugin()],
    build: {
      outDir: join(dir, 'out'),
      minify,
      sourcemap: true,
      lib: { entry: join(dir, 'entry.js'), formats: ['es'], fileName: () => 'entry.js' },
    },
  });
  const code = await readFile(join(dir, 'out', 'entry.js'), 'utf8');
  const map = new TraceMap(await readFile(join(dir, 'out', 'entry.js.map'), 'utf8'));
  await rm(dir, { recursive: true, force: true });
  return { code, map };
}

for (const minify of [false, true]) {
  test(`the hint is the first line, and the map still points at the sources (minify: ${minify})`, async () => {
    const { code, map } = await buildOnce(minify);
    assert.equal(code.split('\n')[0], COMPILE_HINT);
    assert.equal(code.split(COMPILE_HINT).length, 2, 'the hint appears once');
    const lines = code.split('\n');
    for (const [text, sourceLine] of [
      ['beta-text', 6],
      ['alpha-text', 2],
    ]) {
      const line = lines.findIndex((l) => l.includes(text));
      assert.ok(line > 0, `${text} is in the output`);
      const at = originalPositionFor(map, { line: line + 1, column: lines[line].indexOf(text) });
      assert.equal(at.line, sourceLine, `${text} maps to line ${sourceLine} of the source`);
    }
  });
}
