/** The contact-centre domain: types, vocabularies and the supervisor rules. No RxJS, no DOM. */
export * from './types.js';
export * from './catalog.js';
export * from './rules.js';
export * from './errors.js';
export * from './query.js';
export * from './collation.js';
export * from './candidates.js';
export * from './whisper.js';
export * from './conversation-changes.js';
export * from './who-else.js';
export * from './words.js';
export * from './bulk.js';
export * from './alerts.js';
export * from './stuck.js';
