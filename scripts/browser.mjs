// Launches the system Chromium with playwright-core, for benchmarks, screenshots and page checks.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

/**
 * @param {{ executablePath?: string, args?: string[] }} [options] extra flags or another binary
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchChromium(options = {}) {
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/chromium.mjs`.');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}
