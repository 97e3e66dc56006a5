// Prints the README's events and theming tables (Markdown) from custom-elements.json and src/events,
// so they are generated rather than written by hand. Run `npm run analyze` first, then paste.
// scripts/manifest-check.mjs checks that the README names every event and every token.
// Usage: node scripts/readme-tables.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sharedTokens } from '../custom-elements-manifest.config.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${repo}custom-elements.json`, 'utf8'));
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName);

// Events: name → class, detail interface fields, cancelable, which elements fire it.
const events = new Map();
for (const file of readdirSync(`${repo}src/events`)) {
  if (file === 'index.ts') continue;
  const text = readFileSync(`${repo}src/events/${file}`, 'utf8');
  const cls = /export class (\w+) extends Event/.exec(text)?.[1];
  const name = /static readonly eventName = '([^']+)'/.exec(text)?.[1];
  if (!cls || !name) continue;
  const detail = /export interface \w+Detail \{([^}]*)\}/.exec(text)?.[1] ?? '';
  const fields = [...detail.matchAll(/readonly (\w+)\??:/g)].map(([, f]) => f);
  events.set(name, {
    cls,
    fields,
    cancelable: /cancelable: true/.test(text),
    firedBy: elements
      .filter((e) => e.tagName !== 'supervisor-console')
      .filter((e) => (e.events ?? []).some((ev) => ev.name === name))
      .map((e) => `\`<${e.tagName}>\``),
  });
}
const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
console.log('| event | class (React prop) | fired by | `detail` | cancelable |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, e] of [...events].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(
    `| \`${name}\` | \`${e.cls}\` (\`on${pascal(name)}\`) | ${e.firedBy.join(', ')} | ${e.fields
      .map((f) => `\`${f}\``)
      .join(', ')} | ${e.cancelable ? 'yes' : 'no'} |`,
  );
}

console.log('\n| token | light | dark | what it styles |');
console.log('| --- | --- | --- | --- |');
for (const token of sharedTokens()) {
  const dark = /\(dark: ([^)]+)\)/.exec(token.description)?.[1] ?? '(same)';
  const description = token.description.replace(/\s*\(dark: [^)]+\)/, '');
  console.log(
    `| \`${token.name}\` | \`${token.default ?? ''}\` | ${dark === '(same)' ? dark : `\`${dark}\``} | ${description} |`,
  );
}

console.log('\n| element | its own custom properties |');
console.log('| --- | --- |');
const shared = new Set(sharedTokens().map((t) => t.name));
for (const e of elements.sort((a, b) => a.tagName.localeCompare(b.tagName))) {
  const own = (e.cssProperties ?? []).filter((p) => !shared.has(p.name));
  console.log(
    `| \`<${e.tagName}>\` | ${own.map((p) => `\`${p.name}\`${p.default ? ` (\`${p.default}\`)` : ''}`).join(', ')} |`,
  );
}
