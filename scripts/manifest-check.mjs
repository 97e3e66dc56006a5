// Checks that custom-elements.json documents every public element completely.
//
// The public elements are the tags registered by src/components/*/*.define.ts. For each one:
// - a tag name, a summary and a description;
// - every public property and attribute has a description (attributes: also the property they set);
// - events: each has a name and a description, each name is the `static eventName` of a class in
//   src/events, and each event class the element (or its base class) constructs is documented;
// - slots, parts and CSS custom properties: at least one part and one custom property, each with a
//   description; every `part="…"` written in the element's folder is documented; every `--sc-*`
//   property its folder reads is documented on it;
// - its React wrapper (src/react/<name>.ts) has one typed `on…` prop per documented event;
// - every `--sc-*` read anywhere in src/ is documented on some element, and every token read by
//   src/styles/tokens.ts has its `@cssprop` line there;
// - the README's events and theming tables have a row for every event and every token.
// Usage: node scripts/manifest-check.mjs [--no-analyze]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFileSync(join(repo, path), 'utf8');
const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);

if (!process.argv.includes('--no-analyze')) {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'analyze', '--silent'], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
const manifest = JSON.parse(read('custom-elements.json'));

/** Files of a folder (recursively), without tests and stories. */
function sources(dir) {
  return readdirSync(join(repo, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !/\.(test|stories)\.ts$/.test(entry.name) ? [path] : [];
  });
}

// The real event names: `static readonly eventName = 'sc-…'` in src/events, by class.
const eventNames = new Map();
for (const file of sources('src/events')) {
  const text = read(file);
  for (const [, cls, name] of text.matchAll(
    /export class (\w+) extends Event \{[^]*?static readonly eventName = '([^']+)'/g,
  )) {
    eventNames.set(cls, name);
  }
}
if (eventNames.size === 0) problem('src/events', 'no event class with a static eventName found');
const knownNames = new Set(eventNames.values());

// The public elements: what the define modules register.
const tags = new Map();
for (const dir of readdirSync(join(repo, 'src/components'))) {
  const define = `src/components/${dir}/${dir}.define.ts`;
  if (!existsSync(join(repo, define))) continue;
  for (const [, tag] of read(define).matchAll(/defineElement\('([^']+)'/g)) tags.set(tag, dir);
}

const declarations = manifest.modules.flatMap((mod) =>
  (mod.declarations ?? []).map((declaration) => ({ ...declaration, modulePath: mod.path })),
);
const documentedCssProps = new Set();
const partsWithDynamicNames = /part=\$\{/;

for (const [tag, dir] of tags) {
  const where = `<${tag}>`;
  const declaration = declarations.find((d) => d.tagName === tag);
  if (!declaration) {
    problem(where, 'missing from custom-elements.json (is there an @tagname in its JSDoc?)');
    continue;
  }
  if (!declaration.summary?.trim()) problem(where, 'no @summary');
  if (!declaration.description?.trim()) problem(where, 'no description');

  // Properties and attributes.
  const members = (declaration.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('#'),
  );
  for (const member of members) {
    if (!member.description?.trim()) problem(where, `property "${member.name}" has no description`);
  }
  for (const attribute of declaration.attributes ?? []) {
    if (!attribute.fieldName) problem(where, `attribute "${attribute.name}" sets no property`);
    const field = members.find((m) => m.name === attribute.fieldName);
    if (!attribute.description?.trim() && !field?.description?.trim()) {
      problem(where, `attribute "${attribute.name}" has no description`);
    }
  }

  // Events.
  const events = declaration.events ?? [];
  for (const event of events) {
    if (!event.name) problem(where, `an event without a name (${event.type?.text ?? '?'})`);
    else if (!knownNames.has(event.name)) {
      problem(where, `@fires ${event.name}: no event class in src/events has this eventName`);
    }
    if (!event.description?.trim()) problem(where, `event "${event.name}" has no description`);
    const cls = event.type?.text;
    if (cls && eventNames.has(cls) && eventNames.get(cls) !== event.name) {
      problem(where, `@fires {${cls}} ${event.name}: ${cls}.eventName is ${eventNames.get(cls)}`);
    }
  }
  const documentedEvents = new Set(events.map((e) => e.name));
  const files = sources(`src/components/${dir}`).filter((f) => !f.endsWith('.define.ts'));
  const ownText = files.map(read).join('\n');
  // A base class in src/components/shared (e.g. CommandDialog) dispatches for its subclasses.
  const baseText = [...ownText.matchAll(/extends (\w+)\s*\{/g)]
    .map(([, base]) =>
      sources('src/components/shared').find((f) => read(f).includes(`class ${base} `)),
    )
    .filter(Boolean)
    .map(read)
    .join('\n');
  for (const [, cls] of `${ownText}\n${baseText}`.matchAll(/new (\w+Event)\(/g)) {
    const name = eventNames.get(cls);
    if (name && !documentedEvents.has(name))
      problem(where, `dispatches ${name} (${cls}) without @fires`);
  }

  // The React wrapper (src/react/<name>.ts): one typed `on…` prop per documented event.
  const wrapper = `src/react/${dir}.ts`;
  if (!existsSync(join(repo, wrapper))) problem(where, `no React wrapper (${wrapper})`);
  else {
    const wrapped = new Map();
    for (const [, prop, cls] of read(wrapper).matchAll(/(\w+): eventName\((\w+)\)/g)) {
      const name = eventNames.get(cls);
      if (!name) problem(wrapper, `${prop}: ${cls} is not an event class of src/events`);
      else wrapped.set(name, prop);
    }
    for (const [name, prop] of wrapped) {
      const expected = `on${name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`;
      if (prop !== expected)
        problem(wrapper, `${name} should be the prop ${expected}, not ${prop}`);
      if (!documentedEvents.has(name)) problem(wrapper, `${prop}: ${where} documents no ${name}`);
    }
    for (const name of documentedEvents) {
      if (!wrapped.has(name)) problem(wrapper, `no prop for ${name}`);
    }
  }

  // Slots, parts, custom properties.
  for (const slot of declaration.slots ?? []) {
    if (!slot.description?.trim())
      problem(where, `slot "${slot.name || '(default)'}" has no description`);
  }
  const parts = declaration.cssParts ?? [];
  if (parts.length === 0) problem(where, 'no @csspart');
  for (const part of parts) {
    if (!part.description?.trim()) problem(where, `part "${part.name}" has no description`);
  }
  const partNames = new Set(parts.map((p) => p.name));
  for (const [, list] of ownText.matchAll(/\spart="([^"$]+)"/g)) {
    for (const name of list.split(/\s+/).filter(Boolean)) {
      if (!partNames.has(name)) problem(where, `renders part "${name}" without @csspart`);
    }
  }
  if (partsWithDynamicNames.test(ownText)) {
    // Dynamic part names: the literal names in the expressions must be documented too.
    for (const [, expression] of ownText.matchAll(/part=\$\{([^}]*)\}/g)) {
      for (const [, name] of expression.matchAll(/'([a-z][a-z-]*)'/g)) {
        if (!partNames.has(name)) problem(where, `may render part "${name}" without @csspart`);
      }
    }
  }
  const props = declaration.cssProperties ?? [];
  if (props.length === 0) problem(where, 'no @cssprop');
  for (const prop of props) {
    documentedCssProps.add(prop.name);
    if (!prop.description?.trim())
      problem(where, `custom property "${prop.name}" has no description`);
  }
  const propNames = new Set(props.map((p) => p.name));
  for (const [, name] of ownText.matchAll(/var\((--sc-[a-z0-9-]+)/g)) {
    if (!propNames.has(name)) problem(where, `reads ${name} without @cssprop`);
  }
}

// Every --sc-* read anywhere is documented somewhere; every token has its @cssprop line.
for (const file of sources('src')) {
  for (const [, name] of read(file).matchAll(/var\((--sc-[a-z0-9-]+)/g)) {
    if (!documentedCssProps.has(name))
      problem(relative(repo, join(repo, file)), `${name} is documented on no element`);
  }
}
const tokensSource = read('src/styles/tokens.ts');
for (const [, name] of tokensSource.matchAll(/var\((--sc-[a-z0-9-]+)/g)) {
  if (!tokensSource.includes(`@cssprop [${name}`))
    problem('src/styles/tokens.ts', `${name} has no @cssprop line`);
}

// The README's events and theming tables (scripts/readme-tables.mjs) name every event and token.
const readme = read('README.md');
for (const name of knownNames) {
  if (!readme.includes(`| \`${name}\``))
    problem('README.md', `the events table has no row for ${name}`);
}
for (const [, name] of tokensSource.matchAll(/@cssprop \[(--sc-[a-z0-9-]+)/g)) {
  if (!readme.includes(`| \`${name}\``))
    problem('README.md', `the theming table has no row for ${name}`);
}

if (problems.length > 0) {
  console.error(`custom-elements.json is incomplete (${problems.length} problems):`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}
console.log(
  `custom-elements.json documents all ${tags.size} public elements (${[...tags.keys()].join(', ')}): ` +
    `summaries, properties, attributes, events (${knownNames.size} event classes) and their React props, slots, parts and CSS custom properties.`,
);
