/** Backend adapters: the contract the service talks to, and the implementations the library ships. */
export type * from './backend-adapter.js';
export * from './simulator/index.js';
export * from './rest/index.js';
