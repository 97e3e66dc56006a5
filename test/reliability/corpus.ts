/**
 * Shared pieces of the reliability suite: the hostile-string corpus, a script-execution detector and a
 * per-file case counter that prints `reliability: <kind> N passed, M failed` after the file's tests.
 */

declare global {
  interface Window {
    /** Incremented by any payload of the corpus that manages to run. Must stay 0. */
    __pwned?: number;
  }
}

/** Payloads that would run `window.__pwned++` if any element rendered them as markup or a URL. */
export const SCRIPT_PAYLOADS = [
  '<script>window.__pwned++</script>',
  '<img src=x onerror="window.__pwned++">',
  '"><img src=x onerror=window.__pwned++>',
  '<svg onload="window.__pwned++"><circle r="1"/></svg>',
  '<svg><script>window.__pwned++</script></svg>',
  'javascript:window.__pwned++',
  '<a href="javascript:window.__pwned++">click</a>',
  '<iframe srcdoc="<script>parent.__pwned++</script>"></iframe>',
  '<details open ontoggle="window.__pwned++">',
  "'; window.__pwned++; //",
  '${window.__pwned++}',
  '{{constructor.constructor("window.__pwned++")()}}',
  '<style>@import "javascript:window.__pwned++"</style>',
] as const;

/** Strings that are harmless to run but hard to lay out. */
export const LAYOUT_PAYLOADS = [
  'x'.repeat(10_000),
  'W'.repeat(300),
  '\u202Eevil right-to-left override, never terminated 123',
  '\u2067isolate\u2069 \u200F\u200E',
  'zero\u200Bwidth\u200C\u200Djoiner\uFEFF',
  '👩🏽‍💻🧑‍🚀🏳️‍🌈 emoji only',
  'Ǎ̶̰̈̌ zalgo t̷̢̛̪ext̸̙̆',
  '   ',
  '',
  'line\nbreak\r\nand\ttab',
  '&lt;escaped&gt; &amp;amp;',
  '%3Cscript%3E',
] as const;

/** The whole corpus. */
export const HOSTILE = [...SCRIPT_PAYLOADS, ...LAYOUT_PAYLOADS] as const;

/** The i-th hostile string, cycling through the corpus. */
export const hostile = (i: number): string => HOSTILE[i % HOSTILE.length] as string;

/** Resets the detector. */
export function armDetector(): void {
  window.__pwned = 0;
}

/** How many payloads ran since `armDetector()`. */
export function executions(): number {
  return window.__pwned ?? 0;
}

/** Every element under `root`, descending into open shadow roots. */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode): void => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

/** All text under `root`, shadow roots included. */
export function deepText(root: Node): string {
  let text = '';
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return text;
}

/**
 * Elements a payload could have created: any `img`, `script`, `iframe`, `details`, `style` in light DOM
 * or a shadow root whose attributes mention the detector, and any `javascript:` link.
 */
export function injectedElements(root: ParentNode): string[] {
  return deepElements(root)
    .filter((el) => {
      const attrs = [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
      if (/__pwned/.test(attrs)) return true;
      if (/^\s*javascript:/i.test(el.getAttribute('href') ?? '')) return true;
      if (el.localName === 'script' || el.localName === 'iframe') return true;
      return el.localName === 'img' && el.getAttribute('src') === 'x';
    })
    .map((el) => el.outerHTML.slice(0, 120));
}

/**
 * Counts this describe block's cases and prints `reliability: <kind> N passed, M failed` after them
 * (the test runner shows browser logs), so a CI log says how many cases ran.
 */
export function reportCases(kind: string): void {
  let passed = 0;
  let failed = 0;
  afterEach(function count() {
    const state = this.currentTest?.state;
    if (state === 'passed') passed += 1;
    else if (state === 'failed') failed += 1;
  });
  after(() => {
    console.log(`reliability: ${kind} ${passed} passed, ${failed} failed`);
  });
}
