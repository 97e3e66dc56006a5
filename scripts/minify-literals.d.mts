import type { Plugin } from 'vite';

/** Minifies CSS text that may sit between `${…}` expressions. */
export function minifyCss(text: string): string;
/** Collapses indentation in HTML/SVG template text. */
export function minifyMarkup(text: string): string;
/** Returns `code` with the static parts of its css/html/svg tagged templates minified. */
export function minifyLiterals(code: string, fileName?: string): string;
/** The same as a Vite plugin, for the library's own sources. */
export function minifyLiteralsPlugin(): Plugin;
