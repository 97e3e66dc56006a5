/** The data service the elements consume. */
export * from './supervisor-service.js';
export * from './outcomes.js';
export * from './state.js';
export * from './validate.js';
export * from './bulk.js';
export * from './conflict.js';
