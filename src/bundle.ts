/**
 * The script-tag bundle: everything in one file, exposed as `window.SupervisorConsole`, with every
 * element registered under its default tag name.
 */
export * from './index.js';
import './define.js';
