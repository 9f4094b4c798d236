/**
 * In-page timings of the popup and the options table for bench/tracking.ts: User Timing marks the pages set, and a
 * MutationObserver installed before the page's own scripts for what they do not mark. All times are milliseconds
 * from navigation start, so no Playwright round trip is counted.
 */
import type { Page } from 'playwright-core';
import { median } from './stats';

type Seen = { counts?: number; rows?: number; clickAt?: number; table?: number; full?: number };
const seenOf = () => (globalThis as unknown as { __seen: Seen }).__seen;

/**
 * Installed before every navigation of the measuring page (as a string: tsx would add a helper to a function):
 * records, in page time, when the popup's counts, its first pending rows (after a tab click) and the options
 * table's first row reach the DOM. MutationObserver callbacks run before the next paint.
 */
const OBSERVER = `(() => {
  const seen = {};
  globalThis.__seen = seen;
  new MutationObserver(() => {
    const now = performance.now();
    const tab = document.getElementById('tab-pending');
    if (seen.counts === undefined && tab && /\\d/.test(tab.textContent || '')) seen.counts = now;
    if (seen.clickAt !== undefined && seen.rows === undefined && document.querySelector('[data-testid="pending-row"]'))
      seen.rows = now;
    if (seen.table === undefined && document.querySelector('[aria-rowindex="2"], #customers .empty')) seen.table = now;
    if (seen.full === undefined && document.querySelector('#customers [data-loaded="true"]')) seen.full = now;
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** Call once per measuring page. */
export const observe = (page: Page) => page.addInitScript({ content: OBSERVER });

const seen = (page: Page) => page.evaluate(seenOf);
const until = (page: Page, key: keyof Seen) =>
  page.waitForFunction((k) => (globalThis as unknown as { __seen: Seen }).__seen[k], key, { polling: 5 });
const markTime = (page: Page, name: string) =>
  page
    .waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime, name, { polling: 5 })
    .then((h) => h.jsonValue() as Promise<number>);

export interface PopupFigures {
  /** The bare page of the start-up bench (same shell, no script): DOMContentLoaded end. */
  bare: number;
  /** The popup's `popup-interactive` mark (profile read, invite form usable). */
  interactive: number;
  /** The Pending tab shows its count (the glance query answered). */
  counts: number;
  /** From a click on the Pending tab to its first rows (pendingList first 50); NaN without rows. */
  rows: number;
}

/**
 * One popup open: the bare page, then the popup to its counts, then (`withRows`) a click on the Pending tab to its
 * first rows. Ends on the popup: the caller leaves it (`rest`) before writing to the database.
 */
export async function popupOnce(page: Page, base: string, withRows: boolean): Promise<PopupFigures> {
  await page.goto(`${base}src/popup/bare.html`);
  const bare = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
  await page.goto(`${base}src/popup/index.html`);
  const interactive = await markTime(page, 'popup-interactive');
  await until(page, 'counts');
  const counts = (await seen(page)).counts as number;
  if (!withRows) return { bare, interactive, counts, rows: Number.NaN };
  await page.evaluate(() => {
    (globalThis as unknown as { __seen: Seen }).__seen.clickAt = performance.now();
    document.getElementById('tab-pending')?.click();
  });
  await until(page, 'rows');
  const s = await seen(page);
  return { bare, interactive, counts, rows: (s.rows as number) - (s.clickAt as number) };
}

/** Leaves the measured page, so no live query of ours runs again while the bench writes. */
export const rest = (page: Page) => page.goto('about:blank');

/**
 * `runs` turns of `a` then `b` after one unmeasured turn of each, so both meet the same load of a shared machine
 * (an empty database against a seeded one, each in its own browser); the median of every figure of each.
 */
export async function alternate<T extends object>(
  runs: number,
  a: () => Promise<T>,
  b: () => Promise<T>,
): Promise<[T, T]> {
  const as: T[] = [];
  const bs: T[] = [];
  await a();
  await b();
  for (let i = 0; i < runs; i++) {
    as.push(await a());
    bs.push(await b());
  }
  return [medians(as), medians(bs)];
}

/** Every figure of `runs` (all numbers) as its median. */
function medians<T extends object>(runs: T[]): T {
  const figures = runs as unknown as Record<string, number>[];
  const keys = Object.keys(figures[0] ?? {});
  return Object.fromEntries(keys.map((k) => [k, median(figures.map((r) => r[k] ?? Number.NaN))])) as T;
}

export interface TableFigures {
  /** Options page open → the customers table's first rows (or its empty state) in the DOM. */
  first: number;
  /** Options page open → the whole table read (what filters, other sorts and the charts work on). */
  full: number;
}

/**
 * One Options > Customers open: → its first rows or empty state (the `customers-table-rendered` mark, or the row, if
 * later), and → the whole table read.
 */
export async function tableOnce(page: Page, base: string): Promise<TableFigures> {
  // From another page: a second goto to the same address with a #hash only scrolls, the page is not loaded again.
  await page.goto('about:blank');
  await page.goto(`${base}src/options/index.html#customers`);
  const mark = await markTime(page, 'customers-table-rendered');
  await until(page, 'table');
  await until(page, 'full');
  const s = await seen(page);
  return { first: Math.max(mark, s.table as number), full: s.full as number };
}
