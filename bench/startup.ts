/**
 * Start-up and size: popup navigation → interactive against a bare extension page (same HTML shell and stylesheet,
 * no script), measured in the same browser in the same run, alternating, medians; then gzip sizes of each bundle.
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

async function popupInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url);
  // An inline arrow: tsx would wrap a named inner function in a helper the page does not have.
  const mark = await page.waitForFunction(
    () => performance.getEntriesByName('popup-interactive')[0]?.startTime,
    undefined,
    {
      polling: 5,
    },
  );
  return (await mark.jsonValue()) as number;
}

async function bareInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url);
  return page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
}

/** Gzip bytes of an entry and every module it statically imports. */
function gzipOf(dist: string, entry: string): { raw: number; gzip: number } {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
      visit(join(dirname(file), m[1] ?? ''));
  };
  if (entry.endsWith('.html')) {
    const html = readFileSync(join(dist, entry), 'utf8');
    for (const m of html.matchAll(/<script[^>]+src="\/([^"]+)"/g)) visit(join(dist, m[1] ?? ''));
  } else visit(join(dist, entry));
  let raw = 0;
  let gzip = 0;
  for (const file of seen) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

export async function benchStartup(): Promise<string[]> {
  const lines: string[] = [];
  const dir = withBarePage();
  const browser = await launchExtension(dir);
  try {
    const page = await browser.context.newPage();
    const base = `chrome-extension://${browser.extensionId}/src/popup/`;
    await popupInteractive(page, `${base}index.html`); // warm: first open after launch compiles and opens IndexedDB
    const popup: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(await bareInteractive(page, `${base}bare.html`));
      popup.push(await popupInteractive(page, `${base}index.html`));
    }
    const p = median(popup);
    const b = median(bare);
    lines.push(
      `popup navigation → interactive: ${p.toFixed(1)} ms (median of ${RUNS}, first-run profile form)`,
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
    const { raw, gzip } = gzipOf('dist', entry);
    const goal = target ? ` (target ≤ ${target} KB)` : '';
    lines.push(`${name} JS: ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip${goal}`);
  }
  return lines;
}
