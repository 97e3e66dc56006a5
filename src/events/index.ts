/** Every public event of the elements: `Event` subclasses with a typed `detail` and a static `eventName`. */
export * from './action-request.js';
export * from './assign-request.js';
export * from './assigned.js';
export * from './transfer-request.js';
export * from './transferred.js';
export * from './transfer-resolved.js';
export * from './force-close-request.js';
export * from './force-closed.js';
export * from './join-request.js';
export * from './joined.js';
export * from './leave-request.js';
export * from './left.js';
export * from './command-failed.js';
export * from './monitor-close.js';
export * from './representative-select.js';
export * from './view-change.js';
