/**
 * Bench-only extension page script (bench/tracking.ts bundles it into a copy of dist/, never into the product):
 * runs the real src/db functions (and the tests' reference index counts) against the extension's own database and
 * times them in the page, so the figures carry no Playwright round trip. Exposed as `globalThis.bench`.
 */
import { parseCustomerExport } from '../src/core/reconcile';
import { readCounts, rebuildCounts } from '../src/db/counts';
import { db } from '../src/db/db';
import { pendingList } from '../src/db/pending';
import { applyReconcile, planFromExport } from '../src/db/reconcile';
import { saveProfile } from '../src/db/settings';
import { countOverdue, countPending } from '../tests/db/index-counts';
import { restore, snapshot, timed, writtenSince } from './db-restore';

type Profile = Parameters<typeof saveProfile>[1];

export const api = {
  saveProfile: (profile: Profile) => saveProfile(db, profile),
  /** After raw seeding, which bypasses the middleware that keeps the counts (untimed). */
  rebuildCounts: () => rebuildCounts(db),

  /**
   * `pendingList(db, 50)`, the reference index counts, and the bucket counts the popup and the badge read, each run
   * `runs` times after one warm-up.
   */
  async queries(runs: number) {
    const out = {
      pendingList: [] as number[],
      countPending: [] as number[],
      countOverdue: [] as number[],
      readCounts: [] as number[],
    };
    await pendingList(db, 50);
    const at = Date.now();
    for (let i = 0; i < runs; i++) {
      out.pendingList.push((await timed(() => pendingList(db, 50)))[0]);
      out.countPending.push((await timed(() => countPending(db)))[0]);
      out.countOverdue.push((await timed(() => countOverdue(db, 7)))[0]);
      out.readCounts.push((await timed(() => readCounts(db, at, 7, at - 30 * 86_400_000)))[0]);
    }
    return out;
  },

  /**
   * One reconcile of `csv` (parse + plan + apply everything the review offers), then, from the same starting state,
   * one bulkPut of exactly the records it wrote, in one transaction; the database is left as it was before.
   */
  async reconcile(csv: string) {
    const before = await snapshot();
    const since = Date.now();
    const [parse, parsed] = await timed(async () => parseCustomerExport(csv));
    const [plan, review] = await timed(() => planFromExport(db, parsed.rows));
    for (const addition of review.additions) addition.apply = true;
    const [apply, result] = await timed(() => applyReconcile(db, review));
    const written = await writtenSince(before, since);
    await restore(before, written);
    const [bulkPut] = await timed(() =>
      db.transaction('rw', [db.customers, db.invitations, db.events], async () => {
        await db.customers.bulkPut(written.customers);
        await db.invitations.bulkPut(written.invitations);
        await db.events.bulkPut(written.events);
      }),
    );
    await restore(before, written);
    const counts = {
      rows: parsed.rows.length,
      problems: parsed.problems.length,
      customers: written.customers.length,
      invitations: written.invitations.length,
      events: written.events.length,
    };
    return { parse, plan, apply, bulkPut, result: { ...result, skipped: result.skipped.length }, counts };
  },
};

(globalThis as unknown as { bench: typeof api }).bench = api;
document.body.dataset.ready = 'true';
