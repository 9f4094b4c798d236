/**
 * Launches real Chromium with a built extension loaded, in a fresh profile per call (docs/testing.md, "End-to-end
 * mechanics").
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from './browsers';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page (`src/popup/index.html`) in a new tab and waits for its first data render. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export const chromiumPath = findChromium().path;

/** `lang`: the browser's UI language, which picks the extension's `_locales` (`fr` for the French screenshots). */
export async function launchExtension(
  dist = 'dist',
  { headless = true, lang = 'en-US' } = {},
): Promise<ExtensionBrowser> {
  if (!chromiumPath) throw new Error(findChromium().install);
  const profile = mkdtempSync(join(tmpdir(), 'ri-chromium-'));
  // Developer mode keeps an unpacked extension enabled across runtime.reload(), as an update does.
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
  );
  const extension = resolve(dist);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless,
    // Another language also formats dates and numbers its way, as the browser of a partner who speaks it does.
    ...(lang === 'en-US' ? {} : { locale: lang }),
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await page.locator('[data-ready="true"]').waitFor();
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
