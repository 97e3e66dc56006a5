// Finds a Chromium or Chrome binary for the browser tests, benchmarks and screenshots.
// Never downloads a browser build: on this kind of machine only the OS package works.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const FIXED_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** @returns {string | undefined} the path of a Chromium/Chrome binary, or undefined. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to "${fromEnv}", but no file is there.`);
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return FIXED_PATHS.find((p) => existsSync(p));
}

function canInstallWithApt() {
  return (
    process.platform === 'linux' &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    existsSync('/etc/debian_version') &&
    existsSync('/usr/bin/apt-get')
  );
}

/**
 * Finds a browser, installing Debian's `chromium` package when running as root on Debian.
 * @returns {string} the browser path; exits the process with a clear message when none can be had.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (canInstallWithApt()) {
    console.log('No Chromium found: installing Debian\'s "chromium" package (apt-get)…');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    [
      'No Chromium or Chrome browser was found, and none could be installed here.',
      'The browser tests need one. Either:',
      '  - install your OS package (Debian/Ubuntu: sudo apt-get install chromium), or',
      '  - point CHROME_PATH at an installed Chrome/Chromium binary.',
      'Browser downloads (npx playwright install, puppeteer) are not used by this project.',
    ].join('\n'),
  );
  process.exit(1);
}

// Run as a script: make sure a browser is present, print where it is.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Chromium: ${ensureChromium()}`);
}

/**
 * Flags for headless Chromium on this kind of machine: no sandbox (runs as root), no GPU, and no
 * background networking (the closed network refuses it, noisily).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
