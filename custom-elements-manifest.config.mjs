// Configuration of `cem analyze` (npm run analyze): custom-elements.json from the elements' JSDoc.
// Modelled on Web Awesome's custom-elements-manifest config.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * The shared design tokens, from the `@cssprop` lines of src/styles/tokens.ts's JSDoc: every element
 * reads them, so every element's entry lists them.
 * @returns {{ name: string, default?: string, description: string }[]}
 */
export function sharedTokens() {
  const source = readFileSync(new URL('./src/styles/tokens.ts', import.meta.url), 'utf8');
  return [...source.matchAll(/^ \* @cssprop \[(--sc-[a-z-]+)(?:=([^\]]*))?\] - (.+)$/gm)].map(
    ([, name, value, description]) => ({ name, default: value, description }),
  );
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts', 'src/mocks/**', 'src/bundle.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Events are `Event` subclasses: from `dispatchEvent(new AssignedEvent(…))` the analyzer infers
      // an event with a type but no name. The name comes only from the class JSDoc's `@fires` tag, so
      // drop the nameless ones (scripts/manifest-check.mjs makes sure each is documented).
      name: 'sc-drop-nameless-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) {
              declaration.events = declaration.events.filter((event) => Boolean(event.name));
            }
          }
        }
      },
    },
    {
      // The shared tokens (src/styles/tokens.ts) on every element, after its own custom properties.
      name: 'sc-shared-tokens',
      packageLinkPhase({ customElementsManifest }) {
        const tokens = sharedTokens();
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (!declaration.customElement || !declaration.tagName) continue;
            const own = new Set((declaration.cssProperties ?? []).map((p) => p.name));
            declaration.cssProperties = [
              ...(declaration.cssProperties ?? []),
              ...tokens.filter((t) => !own.has(t.name)),
            ];
          }
        }
      },
    },
    {
      name: 'sc-package-data',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.package = {
          name: pkg.name,
          version: pkg.version,
          description: pkg.description,
          license: pkg.license,
        };
      },
    },
  ],
};
