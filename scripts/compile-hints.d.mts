import type { Plugin } from 'vite';

/** V8's explicit compile hint, as the first line of a script. */
export const COMPILE_HINT: string;

/** A Vite plugin that puts the compile hint at the top of every JavaScript chunk it writes. */
export function compileHintsPlugin(): Plugin;
