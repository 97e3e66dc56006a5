// A @web/test-runner plugin that serves React (CommonJS only) to the browser as ES modules: `react`
// and `react-dom/client` both come from one esbuild bundle, so the wrappers' React and the renderer's
// are the same instance (two copies break hooks). Development build, like a host's dev server.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PREFIX = '/__react__/';
const root = fileURLToPath(new URL('..', import.meta.url));
const MODULES = { react: 'react.js', 'react-dom/client': 'react-dom-client.js' };

/** `export const { a, b } = namespace;` for every named export of a CommonJS module. */
function reexport(specifier, local) {
  // Loaded in a child process: React's development build writes to the console as it loads.
  const keys = JSON.parse(
    execFileSync(
      process.execPath,
      ['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'development' } },
    ),
  );
  const names = keys.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  return [
    `import { ${local} } from '${PREFIX}bundle.js';`,
    `export default ${local};`,
    `export const { ${names.join(', ')} } = ${local};`,
  ].join('\n');
}

export function reactPlugin() {
  /** @type {Promise<string> | undefined} */
  let bundle;
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      return source in MODULES ? `${PREFIX}${MODULES[source]}` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const file = context.path.slice(PREFIX.length);
      if (file === 'bundle.js') {
        bundle ??= build({
          stdin: {
            contents: `import * as React from 'react'; import * as ReactDomClient from 'react-dom/client';
export { React, ReactDomClient };`,
            resolveDir: root,
          },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          define: { 'process.env.NODE_ENV': '"development"' },
          write: false,
          logLevel: 'silent',
        }).then((result) => result.outputFiles[0].text);
        return { body: await bundle, type: 'js' };
      }
      if (file === MODULES.react) return { body: reexport('react', 'React'), type: 'js' };
      if (file === MODULES['react-dom/client']) {
        return { body: reexport('react-dom/client', 'ReactDomClient'), type: 'js' };
      }
      return undefined;
    },
  };
}
