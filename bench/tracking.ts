/**
 * Tracking at scale: with 10,000 and 100,000 customers, the popup opened as a page → company field usable against a
 * bare page (popup-open.ts); popup navigation → interactive and → counts shown, and Options > Customers → first rows
 * and → whole table read, each against the same page on an empty database measured in turn in a second browser; the
 * pending-list query and the counts; reconcile of a 10,000-row export against a bulkPut of the records it writes.
 * Figures in-page, medians. Data is built in Node by the real record code and written raw
 * (tests/e2e/support/seed.ts); the timed db calls run in a bench-only page (tracking-page.ts).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EMPTY_PROFILE } from '../src/core/profile';
import { type ExtensionBrowser, launchExtension } from '../tests/e2e/support/chromium';
import { putRaw, type Seed, seedCustomers } from '../tests/e2e/support/seed';
import { addBenchPage } from './bench-page';
import { addOpenPages, type OpenFigures, popupOpenRuns, watchOpens } from './popup-open';
import { withBarePage } from './startup';
import { median } from './stats';
import {
  alternate,
  rest as leave,
  observe,
  type PopupFigures,
  popupOnce,
  type TableFigures,
  tableOnce,
} from './tracking-measure';
import type { api } from './tracking-page';
import { exportCsv, ms, ratio } from './tracking-support';

const RUNS = 15;
/** Pairs of the page-creation measure: 15 at least, odd for a true median. */
const OPEN_PAIRS = 21;
/** Fewer at 100k, where seeding alone takes most of a minute. */
const RUNS_100K = 7;
const PROFILE = {
  ...EMPTY_PROFILE,
  partnerName: 'Fabrikam Cloud',
  tenantId: '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
};

type Bench = { bench: typeof api };
type Reconciled = Awaited<ReturnType<typeof api.reconcile>>;

function popupLine(label: string, took: number, p: PopupFigures, empty: PopupFigures, runs: number): string {
  return (
    `${label} customers (seeded raw in ${(took / 1000).toFixed(1)} s): popup interactive ${ms(p.interactive)} = ` +
    `${ratio(p.interactive, empty.interactive)} empty (${ms(empty.interactive)}), ${ratio(p.interactive, p.bare)} ` +
    `bare (${ms(p.bare)}); counts shown ${ms(p.counts)} = ${ratio(p.counts, empty.counts)} empty ` +
    `(${ms(empty.counts)})${label === '100k' ? ' (target ≤ 1.2×)' : ''}; Pending tab click → first rows ` +
    `${ms(p.rows)} (medians of ${runs}, in turn with the empty database)`
  );
}

function openLine(label: string, o: OpenFigures, target: boolean): string {
  return (
    `${label}: popup page created → company field usable ${ms(o.popup)}, bare page (same shell, no script) → its ` +
    `button ${ms(o.bare)}: ${ratio(o.popup, o.bare)}${target ? ' (target ≤ 1.25×)' : ''}; the floor of a page ` +
    `painting with script (same shell, one tiny module script adding the button) ${ms(o.floor)} = ` +
    `${ratio(o.floor, o.bare)} bare, popup ${ratio(o.popup, o.floor)} that floor (medians of ${o.runs} alternated ` +
    'triples, wall time from page creation)'
  );
}

function tableLine(label: string, t: TableFigures, empty: TableFigures, target: string, runs: number) {
  return (
    `${label}: Options > Customers, default sort, first rows ${ms(t.first)} = ${ratio(t.first, empty.first)} ` +
    `empty (${ms(empty.first)}, its empty state) (target ≤ ${target}); whole table read (what filters, other ` +
    `sorts and the charts work on) ${ms(t.full)} (medians of ${runs}, in turn with the empty database)`
  );
}

async function queriesLine(helper: Page, label: string, runs: number): Promise<string> {
  const q = await helper.evaluate((n) => (globalThis as unknown as Bench).bench.queries(n), runs);
  return (
    `${label}: pendingList first 50 ${ms(median(q.pendingList))}; countPending ${ms(median(q.countPending))}, ` +
    `countOverdue ${ms(median(q.countOverdue))} (index counts: the tests' reference); the bucket counts the popup ` +
    `and the badge read ${ms(median(q.readCounts))} (medians of ${runs}, in page)`
  );
}

/**
 * One run, as the issue asks ("one run each"): at about 30 s of database work a run, three would take the bench past
 * five minutes. The run leaves the database as it found it (tracking-page.ts restores it, untimed).
 */
async function reconcileLine(helper: Page, csv: string): Promise<string> {
  const r: Reconciled = await helper.evaluate(
    (text) => (globalThis as unknown as Bench).bench.reconcile(text),
    csv,
  );
  const total = r.parse + r.plan + r.apply;
  return (
    `reconcile of a ${r.counts.rows}-row export at 10k: parse ${ms(r.parse)} + plan ${ms(r.plan)} + apply ` +
    `${ms(r.apply)} = ${ms(total)}, against a bulkPut of the same ${r.counts.customers} customers, ` +
    `${r.counts.invitations} invitations and ${r.counts.events} events ${ms(r.bulkPut)}: ` +
    `${ratio(total, r.bulkPut)} (target ≤ 1.5×; one run, same page; accepted ${r.result.accepted}, added ` +
    `${r.result.added}, keys filled ${r.result.filled}, skipped ${r.result.skipped})`
  );
}

async function seed(helper: Page, data: Seed): Promise<number> {
  const start = Date.now();
  await putRaw(helper, data);
  return Date.now() - start;
}

/** One browser of the bench: its extension's base URL, the bench page (helper) and the measured page. */
interface Side {
  browser: ExtensionBrowser;
  base: string;
  helper: Page;
  page: Page;
}

/**
 * Closes the Options tab that installing opens (background/index.ts): left open, in the process that renders the
 * measured pages, its live queries would read the whole table again after each write the bench makes through Dexie.
 */
async function closeInstallTab(browser: ExtensionBrowser): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 100) {
    const tab = browser.context.pages().find((p) => p.url().includes('/src/options/index.html'));
    if (tab) return tab.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openSide(dir: string): Promise<Side> {
  const browser = await launchExtension(dir);
  await closeInstallTab(browser);
  const base = `chrome-extension://${browser.extensionId}/`;
  const helper = await browser.context.newPage();
  await helper.goto(`${base}bench/tracking.html`);
  await helper.waitForFunction(() => document.body.dataset.ready === 'true');
  await helper.evaluate((p) => (globalThis as unknown as Bench).bench.saveProfile(p), PROFILE);
  const page = await browser.context.newPage();
  await observe(page);
  await watchOpens(browser.context);
  return { browser, base, helper, page };
}

/** Raw writes bypass the middleware that keeps the counts: rebuilt after each seeding (untimed). */
const rebuildCounts = (side: Side) =>
  side.helper.evaluate(() => (globalThis as unknown as Bench).bench.rebuildCounts());

export async function benchTracking(): Promise<string[]> {
  const lines: string[] = [];
  const dir = withBarePage();
  addOpenPages(dir, readFileSync(join(dir, 'src/popup/index.html'), 'utf8'));
  await addBenchPage(dir, 'tracking');
  // The empty database and the seeded one each in a browser of its own, measured in turns (`alternate`): on a
  // shared machine the load changes over the minutes seeding takes, and would change any ratio between two phases.
  const empty = await openSide(dir);
  const data = await openSide(dir);
  const popup = (runs: number) =>
    alternate(
      runs,
      () => popupOnce(empty.page, empty.base, false),
      () => popupOnce(data.page, data.base, true),
    );
  const table = (runs: number) =>
    alternate(
      runs,
      () => tableOnce(empty.page, empty.base),
      () => tableOnce(data.page, data.base),
    );
  const rest = () => Promise.all([leave(empty.page), leave(data.page)]);
  try {
    lines.push(
      openLine(
        'empty database',
        await popupOpenRuns(empty.browser.context, empty.base, OPEN_PAIRS, true),
        false,
      ),
    );

    const at = Date.now();
    const first = seedCustomers(0, 10_000, at);
    const took10k = await seed(data.helper, first);
    await rebuildCounts(data);
    lines.push(openLine('10k', await popupOpenRuns(data.browser.context, data.base, OPEN_PAIRS, true), true));
    lines.push(
      openLine(
        '10k, first open after installing (no copy of the settings yet: read from IndexedDB)',
        await popupOpenRuns(data.browser.context, data.base, OPEN_PAIRS, false),
        false,
      ),
    );
    const [emptyPopup, popup10k] = await popup(RUNS);
    lines.push(popupLine('10k', took10k, popup10k, emptyPopup, RUNS));
    lines.push(await queriesLine(data.helper, '10k', RUNS));
    const [emptyTable, table10k] = await table(RUNS);
    lines.push(tableLine('10k', table10k, emptyTable, '1.2×', RUNS));
    await rest();
    lines.push(await reconcileLine(data.helper, exportCsv(first, 10_000)));

    const took100k = await seed(data.helper, seedCustomers(10_000, 90_000, at));
    await rebuildCounts(data);
    const [emptyPopup100k, popup100k] = await popup(RUNS_100K);
    lines.push(popupLine('100k', took10k + took100k, popup100k, emptyPopup100k, RUNS_100K));
    await rest();
    lines.push(await queriesLine(data.helper, '100k', RUNS_100K));
    const [emptyTable100k, table100k] = await table(3);
    lines.push(tableLine('100k', table100k, emptyTable100k, '2×', 3));
  } finally {
    await Promise.all([empty.browser.close(), data.browser.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
