// A @web/test-runner plugin that serves CommonJS-only packages to the browser as ES modules, bundled
// on demand by esbuild (already a dev dependency). The dev server resolves bare imports but does not
// convert CommonJS; list here the few test-only packages that need it (ajv for the contract test).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const PREFIX = '/__commonjs__/';
const root = fileURLToPath(new URL('..', import.meta.url));

/** @param {readonly string[]} specifiers bare import specifiers to bundle, e.g. `ajv/dist/2020` */
export function commonJsPlugin(specifiers) {
  /** @type {Map<string, Promise<string>>} */
  const bundles = new Map();
  const bundle = (specifier) => {
    let text = bundles.get(specifier);
    if (!text) {
      text = build({
        stdin: { contents: `export { default } from '${specifier}';`, resolveDir: root },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0].text);
      bundles.set(specifier, text);
    }
    return text;
  };
  return {
    name: 'commonjs-bundles',
    resolveImport({ source }) {
      if (specifiers.includes(source)) return `${PREFIX}${source}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const specifier = context.path.slice(PREFIX.length, -'.js'.length);
      if (!specifiers.includes(specifier)) return undefined;
      return { body: await bundle(specifier), type: 'js' };
    },
  };
}
