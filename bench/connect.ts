/**
 * Partner Center connection at 10,000 customers: the check's read (every page of `GET /v1/customers` as JSON text in
 * the documented shape, through the real paging and parser) and match against 10,000 local customers, against a
 * reconcile of the same customers from Partner Center's CSV export that writes the same records. Both in one page
 * of the extension (connect-page.ts), alternated, each from the same database state; medians.
 */
import { rmSync } from 'node:fs';
import { CUSTOMER_PAGE_SIZE } from '../src/core/partner-center';
import { EMPTY_PROFILE } from '../src/core/profile';
import { customerItem, customerPage } from '../tests/connect/fake-microsoft';
import { launchExtension } from '../tests/e2e/support/chromium';
import { putRaw, seedCustomers } from '../tests/e2e/support/seed';
import { addBenchPage } from './bench-page';
import type { api, Run } from './connect-page';
import { withBarePage } from './startup';
import { median } from './stats';
import { exportCsvOf, type ListedCustomer, listedCustomers, ms, ratio } from './tracking-support';

/** Pairs of runs, odd for a true median; the first pair warms the page up and is not counted. */
const PAIRS = 6;
const SIZE = 10_000;
const PROFILE = {
  ...EMPTY_PROFILE,
  partnerName: 'Fabrikam Cloud',
  tenantId: '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
};

type Bench = { bench: typeof api };

/** Every page of the list, keyed by the continuation token that asks for it, as Partner Center pages it. */
function pagesOf(listed: readonly ListedCustomer[]): [string, string][] {
  const items = listed.map((c) => customerItem({ ...c, relationship: 'reseller' }));
  const out: [string, string][] = [];
  let token: string | undefined;
  do {
    const page = customerPage(items, token, CUSTOMER_PAGE_SIZE);
    out.push([token ?? '', JSON.stringify(page)]);
    token = (page.links.next as { headers: { value: string }[] } | undefined)?.headers[0]?.value;
  } while (token !== undefined);
  return out;
}

const medianOf = (runs: Run[], k: 'read' | 'match' | 'total') => median(runs.map((r) => r[k]));

export async function benchConnect(): Promise<string[]> {
  const dir = withBarePage();
  await addBenchPage(dir, 'connect');
  const browser = await launchExtension(dir);
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/bench/connect.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.evaluate((p) => (globalThis as unknown as Bench).bench.saveProfile(p), PROFILE);
    const seed = seedCustomers(0, SIZE, Date.now());
    await putRaw(page, seed);
    const listed = listedCustomers(seed, SIZE);
    const pages = pagesOf(listed);
    await page.evaluate(([p, csv]) => (globalThis as unknown as Bench).bench.load(p, csv), [
      pages,
      exportCsvOf(listed),
    ] as const);
    const connect: Run[] = [];
    const csv: Run[] = [];
    for (let i = 0; i < PAIRS; i++) {
      // Alternated, each going first in every other pair.
      const order = i % 2 === 0 ? (['connect', 'csv'] as const) : (['csv', 'connect'] as const);
      for (const kind of order) {
        const run = await page.evaluate((k) => (globalThis as unknown as Bench).bench[k](), kind);
        if (i > 0) (kind === 'connect' ? connect : csv).push(run);
      }
    }
    const c = connect[0] as Run;
    const e = csv[0] as Run;
    const total = medianOf(connect, 'total');
    const baseline = medianOf(csv, 'total');
    return [
      `Partner Center check at 10k (${SIZE} customers listed in ${pages.length} pages of ${CUSTOMER_PAGE_SIZE}, ` +
        `${c.rows} reseller rows): read + parse ${ms(medianOf(connect, 'read'))} + match and apply ` +
        `${ms(medianOf(connect, 'match'))} = ${ms(total)}; accepted ${c.accepted}, ${c.written} records written`,
      `CSV reconcile of the same ${e.rows} customers, applying the same: parse ${ms(medianOf(csv, 'read'))} + ` +
        `plan and apply ${ms(medianOf(csv, 'match'))} = ${ms(baseline)}; accepted ${e.accepted}, ${e.written} ` +
        'records written',
      `check ÷ CSV reconcile: ${ratio(total, baseline)} (target ≤ 1.5×; medians of ${PAIRS - 1} alternated pairs, ` +
        'same page, same database state each run)',
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
