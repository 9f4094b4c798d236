/**
 * Finds real browsers for the end-to-end tests: an environment variable first, then the usual install locations on
 * Debian/Ubuntu, macOS and Windows. We never download a browser.
 */
import { existsSync } from 'node:fs';

const CHROMIUM = [
  // Debian's /usr/bin/chromium is a wrapper that adds an empty --load-extension=: use the real binary first.
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

const FIREFOX = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

export interface BrowserFind {
  path?: string;
  /** What to do when nothing was found: one line, exact. */
  install: string;
}

function find(envName: string, candidates: string[]): string | undefined {
  const fromEnv = process.env[envName];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return candidates.find((path) => existsSync(path));
}

export function findChromium(): BrowserFind {
  return {
    path: find('CHROME_PATH', CHROMIUM),
    install:
      'No Chromium or Chrome found. Debian/Ubuntu: sudo apt-get install -y chromium. macOS/Windows: install ' +
      'Google Chrome. Or set CHROME_PATH to the browser binary.',
  };
}

export function findFirefox(): BrowserFind {
  return {
    path: find('FIREFOX_PATH', FIREFOX),
    install:
      'No Firefox found. Debian: sudo apt-get install -y firefox-esr. macOS/Windows: install Firefox. Or set ' +
      'FIREFOX_PATH to the browser binary.',
  };
}
