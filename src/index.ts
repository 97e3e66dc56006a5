/**
 * The supervisor console library. Importing this module registers nothing: element classes are
 * exported for hosts that register them under their own tag names; `define` entries register them.
 */
export * from './domain/index.js';
export * from './service/index.js';
export * from './adapters/index.js';
export * from './context/supervisor-context.js';
export * from './controllers/observable-controller.js';
