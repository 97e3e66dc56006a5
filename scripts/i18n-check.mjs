// Checks that every user-visible string is translated into every target locale, and that the committed
// translation files are up to date with the code.
//
// 1. Extracts the msg() strings of src/ afresh (lit-localize extract, into a temporary folder seeded
//    with a copy of xliff/, so existing translations are kept and nothing in the project is written).
// 2. Fails for every string that has no <target> in a locale: a new msg() without a translation, or a
//    changed English sentence whose old translation no longer matches.
// 3. Fails when xliff/<locale>.xlf or src/generated/locales/<locale>.ts lag behind: run
//    `npm run i18n:extract`, translate, then `npm run i18n:build`.
// Usage: node scripts/i18n-check.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const config = JSON.parse(readFileSync(join(repo, 'lit-localize.json'), 'utf8'));
const problems = [];

/** Trans-units of an XLIFF file: id → whether it has a non-empty target. */
function units(xml) {
  const found = new Map();
  for (const m of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const source = /<source>([\s\S]*?)<\/source>/.exec(m[2])?.[1] ?? '';
    const target = /<target>([\s\S]*?)<\/target>/.exec(m[2])?.[1];
    found.set(m[1], { source, translated: target !== undefined && target.trim() !== '' });
  }
  return found;
}

const scratch = mkdtempSync(join(tmpdir(), 'i18n-check-'));
try {
  const xliffDir = join(scratch, 'xliff');
  cpSync(join(repo, config.interchange.xliffDir), xliffDir, { recursive: true });
  // Paths made absolute: the scratch config lives outside the project.
  const scratchConfig = {
    ...config,
    $schema: undefined,
    tsConfig: join(repo, config.tsConfig),
    inputFiles: config.inputFiles.map((g) =>
      g.startsWith('!') ? `!${join(repo, g.slice(1))}` : join(repo, g),
    ),
    output: { ...config.output, outputDir: join(scratch, 'out'), localeCodesModule: undefined },
    interchange: { ...config.interchange, xliffDir },
  };
  const configPath = join(scratch, 'lit-localize.json');
  writeFileSync(configPath, JSON.stringify(scratchConfig));
  execFileSync(
    join(
      repo,
      'node_modules',
      '.bin',
      process.platform === 'win32' ? 'lit-localize.cmd' : 'lit-localize',
    ),
    ['extract', '--config', configPath],
    { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] },
  );

  let total = 0;
  for (const locale of config.targetLocales) {
    const fresh = units(readFileSync(join(xliffDir, `${locale}.xlf`), 'utf8'));
    const committed = units(
      readFileSync(join(repo, config.interchange.xliffDir, `${locale}.xlf`), 'utf8'),
    );
    const generated = readFileSync(join(repo, config.output.outputDir, `${locale}.ts`), 'utf8');
    total = fresh.size;
    for (const [id, unit] of fresh) {
      const where = `${locale} ${id} "${unit.source.replace(/\s+/g, ' ').slice(0, 90)}"`;
      if (!unit.translated) problems.push(`${where}: no translation`);
      else if (!committed.has(id))
        problems.push(`${where}: not in xliff/${locale}.xlf (run npm run i18n:extract)`);
      else if (!generated.includes(`'${id}'`)) {
        problems.push(`${where}: not in the generated ${locale} module (run npm run i18n:build)`);
      }
    }
  }
  if (problems.length) {
    console.error(`i18n: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`i18n: ${total} strings, translated into ${config.targetLocales.join(', ')}.`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
