// Shrinks the static text of Lit's tagged templates at build time: `css` literals lose comments and
// whitespace, `html` and `svg` literals lose indentation (a run of whitespace with a line break becomes
// one space, which renders the same outside `<pre>`). The TypeScript parser finds the literals, so
// expressions, nested templates and strings inside `${…}` are never touched. Used by the library
// builds (vite.config.ts) and by the benchmark's bundle measurement.
import ts from 'typescript';

const TAGS = new Set(['css', 'html', 'svg']);

/** Minifies CSS text that may sit between `${…}` expressions: never merges across a quote. */
export function minifyCss(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      const stop = end === -1 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop;
    } else if (/\s/.test(ch) || (ch === '/' && text[i + 1] === '*')) {
      // A run of whitespace and comments.
      for (;;) {
        if (/\s/.test(text[i] ?? '')) i += 1;
        else if (text[i] === '/' && text[i + 1] === '*') {
          const end = text.indexOf('*/', i + 2);
          i = end === -1 ? text.length : end + 2;
        } else break;
      }
      const prev = out[out.length - 1];
      const next = text[i];
      // Spaces next to these never matter (nor after `:`); a space before `:` or `(` may (`a :hover`,
      // `and (`), and `+`/`-` need theirs inside calc().
      // At a part's edge an expression follows or precedes: keep one space (`${tag} .inner`).
      if (
        (prev !== undefined && '{};,>:'.includes(prev)) ||
        (next !== undefined && '{};,>'.includes(next))
      ) {
        continue;
      }
      out += ' ';
    } else {
      out += ch;
      i += 1;
    }
  }
  return out.replace(/;}/g, '}');
}

/** Collapses indentation in HTML/SVG template text. */
export function minifyMarkup(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Returns `code` with the static parts of its css/html/svg tagged templates minified. */
export function minifyLiterals(code, fileName = 'module.ts') {
  if (!/\b(css|html|svg)`/.test(code)) return code;
  const source = ts.createSourceFile(
    fileName,
    code,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.TS,
  );
  const edits = [];
  const visit = (node) => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      TAGS.has(node.tag.text)
    ) {
      const minify = node.tag.text === 'css' ? minifyCss : minifyMarkup;
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        const start = part.getStart(source);
        const end = part.end;
        // The literal's own delimiters: ` or } before, ` or ${ after.
        const open = 1;
        const close = ts.isTemplateTail(part) || ts.isNoSubstitutionTemplateLiteral(part) ? 1 : 2;
        const inner = code.slice(start + open, end - close);
        const next = minify(inner);
        if (next !== inner) edits.push([start + open, end - close, next]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
    out = out.slice(0, start) + text + out.slice(end);
  }
  return out;
}

/** The same as a Vite plugin, for the library's own sources. */
export function minifyLiteralsPlugin() {
  return {
    name: 'minify-lit-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.endsWith('.test.ts')) return null;
      return { code: minifyLiterals(code, id), map: null };
    },
  };
}
