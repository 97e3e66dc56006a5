/**
 * The supervisor console library. Importing this module registers nothing: element classes are
 * exported for hosts that register them under their own tag names; `define` entries register them.
 */
export * from './domain/index.js';
