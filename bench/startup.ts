/**
 * Start-up and size: the first run's popup, navigation → its profile form in the page, against a bare extension page
 * (same HTML shell and stylesheet, no script) → DOMContentLoaded, measured in the same browser in the same run,
 * alternating, medians; then gzip sizes of each bundle.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/e2e/support/chromium';
import { median } from './stats';

const RUNS = 25;

/** A copy of dist/ with a bare page beside the popup: the popup's HTML with its scripts removed. */
export function withBarePage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ri-bench-'));
  cpSync('dist', dir, { recursive: true });
  const popup = readFileSync(join(dir, 'src/popup/index.html'), 'utf8');
  const bare = popup
    .replace(/<script\b[^>]*><\/script>\s*/g, '')
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '');
  writeFileSync(join(dir, 'src/popup/bare.html'), bare);
  return dir;
}

/**
 * Installed before any script of each page: the time the profile form's first field is in the page (the first run's
 * popup is usable from then). As a string: tsx would add a helper to a function that the page does not have.
 */
const WATCH_FORM = `new MutationObserver(() => {
  if (globalThis.__formAt === undefined && document.getElementById('partnerName'))
    globalThis.__formAt = performance.now();
}).observe(document, { childList: true, subtree: true });`;

async function profileFormShown(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const at = await page.waitForFunction(() => (globalThis as { __formAt?: number }).__formAt, undefined, {
    polling: 5,
  });
  return (await at.jsonValue()) as number;
}

async function bareLoaded(page: Page, url: string): Promise<number> {
  await page.goto(url);
  return page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
}

const STATIC_IMPORT = /(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*[`"'](\.{1,2}\/[^`"']+\.js)[`"']\s*\)/g;

/** The built files an entry loads: with `dynamic`, also those its dynamic imports load later, when first used. */
function filesOf(dist: string, entry: string, dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const pattern of dynamic ? [STATIC_IMPORT, DYNAMIC_IMPORT] : [STATIC_IMPORT])
      for (const m of code.matchAll(pattern)) visit(join(dirname(file), m[1] ?? ''));
  };
  if (entry.endsWith('.html')) {
    const html = readFileSync(join(dist, entry), 'utf8');
    for (const m of html.matchAll(/<script[^>]+src="\/([^"]+)"/g)) visit(join(dist, m[1] ?? ''));
  } else visit(join(dist, entry));
  return seen;
}

/** Raw and gzip bytes of files, each compressed alone as the browser reads each file alone. */
function sizeOf(files: Iterable<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchStartup(): Promise<string[]> {
  const lines: string[] = [];
  const dir = withBarePage();
  const browser = await launchExtension(dir);
  try {
    const page = await browser.context.newPage();
    await page.addInitScript({ content: WATCH_FORM });
    const base = `chrome-extension://${browser.extensionId}/src/popup/`;
    await profileFormShown(page, `${base}index.html`); // warm: first open after launch compiles and opens IndexedDB
    const popup: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(await bareLoaded(page, `${base}bare.html`));
      popup.push(await profileFormShown(page, `${base}index.html`));
    }
    const p = median(popup);
    const b = median(bare);
    lines.push(
      `popup navigation → profile form's first field in the page: ${p.toFixed(1)} ms (median of ${RUNS}, first run)`,
    );
    lines.push(`bare extension page, same shell: ${b.toFixed(1)} ms`);
    lines.push(`ratio popup / bare: ${(p / b).toFixed(2)}× (target ≤ 1.5×)`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }

  for (const [name, entry, target] of [
    ['popup', 'src/popup/index.html', 50],
    ['options', 'src/options/index.html', 0],
    ['worker', 'service-worker-loader.js', 0],
  ] as const) {
    const first = filesOf('dist', entry, false);
    const { raw, gzip } = sizeOf(first);
    const later = sizeOf([...filesOf('dist', entry, true)].filter((f) => !first.has(f)));
    const goal = target ? ` (target ≤ ${target} KB)` : '';
    lines.push(
      `${name} JS ${name === 'worker' ? 'at start' : 'before first paint'}: ${kb(raw)} raw, ${kb(gzip)} gzip${goal}; ` +
        `loaded later, when used: ${kb(later.gzip)} gzip`,
    );
  }
  return lines;
}
