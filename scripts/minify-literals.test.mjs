// node --test: the template-literal minifier keeps meaning while dropping text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyLiterals } from './minify-literals.mjs';

test('CSS: comments and whitespace go; strings, calc() spaces and descendant pseudo-classes stay', () => {
  const css = `
    /* a comment */
    :host {
      display: block;
      content: '  a  b ';
    }
    a :hover, b > c { width: calc(1px + 2px); }
    @media (min-width: 40rem) and (max-width: 50rem) { x { y: z } }
  `;
  assert.equal(
    minifyCss(css),
    " :host{display:block;content:'  a  b '}a :hover,b>c{width:calc(1px + 2px)}@media (min-width:40rem) and (max-width:50rem){x{y:z}}",
  );
});

test('markup: indentation collapses to one space; expressions and untagged strings are untouched', () => {
  const code = [
    'const keep = `a',
    '   b`;',
    'const t = html`<div',
    '   class="x">',
    '  ${ok ? html`<b>',
    '  x</b>` : "  two  spaces  "}',
    '</div>`;',
    'const s = css`a { b: c; } ${unsafe} d { e: f; }`;',
    'const u = css`${tag} .inner { color: red; }`;',
  ].join('\n');
  assert.equal(
    minifyLiterals(code),
    [
      'const keep = `a',
      '   b`;',
      'const t = html`<div class="x"> ${ok ? html`<b> x</b>` : "  two  spaces  "} </div>`;',
      'const s = css`a{b:c}${unsafe} d{e:f}`;',
      'const u = css`${tag} .inner{color:red}`;',
    ].join('\n'),
  );
});

test('a file without Lit templates comes back as it was', () => {
  const code = 'export const x = `a\n  b`;\n';
  assert.equal(minifyLiterals(code), code);
});
