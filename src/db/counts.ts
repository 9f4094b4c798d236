/**
 * The popup's and the badge's counts (pending, overdue, accepted since a time) read from the buckets
 * counts-middleware.ts keeps: a few small rows whatever the number of invitations, where an index count walks every
 * entry. Index counts stay the reference (tests/db/index-counts.ts; tests/db/counts.test.ts checks both agree after
 * any sequence of writes).
 */
import type { PromiseExtended, Transaction } from 'dexie';
import { DAY } from '../core/invitation';
import {
  type BucketKind,
  type CountDayRow,
  CountDelta,
  type CountTimesRow,
  countAfter,
  dayOf,
  TOTAL_DAY,
  type TotalKind,
  writesFor,
} from './count-buckets';
import type { ResellerDb } from './db';

export interface Counts {
  pending: number;
  /** Pending and due for a follow-up at `at` (core `isOverdue`). */
  overdue: number;
  /** Accepted at or after `acceptedSince`, and still accepted. */
  acceptedSince: number;
}

type Reads = [PromiseExtended<CountDayRow[]>, PromiseExtended<CountTimesRow | undefined>];

/** The reads for "how many of `kind` after `t`": the buckets of later days, and the times of t's own day. */
function after(db: ResellerDb, kind: BucketKind, t: number): Reads {
  const day = dayOf(t);
  // Days are numbers: Infinity bounds them all, as Dexie.maxKey would, without loading Dexie with the popup's first
  // paint (its counts are read through this module).
  return [
    db.countDays.where('[kind+day]').between([kind, day], [kind, Infinity], false, true).toArray(),
    db.countTimes.get([kind, day]),
  ];
}

function sumAfter([days, edge]: [CountDayRow[], CountTimesRow | undefined], t: number, inclusive: boolean) {
  return days.reduce((n, r) => n + r.n, 0) + countAfter(edge?.times ?? [], t, inclusive);
}

const TOTALS: readonly TotalKind[] = ['pending', 'pending-age', 'pending-due'];

/**
 * The counts at `at`, with follow-ups due `followUpDays` after the last send. Every read is issued here at once
 * (no nested async helper: a liveQuery follows the reads a function awaits itself, tests/ui/settings.test.ts).
 */
export async function readCounts(
  db: ResellerDb,
  at: number,
  followUpDays: number,
  acceptedSince: number,
): Promise<Counts> {
  const cutoff = at - followUpDays * DAY;
  const [totals, age, ageEdge, due, dueEdge, acc, accEdge] = await Promise.all([
    db.countDays.bulkGet(TOTALS.map((k) => [k, TOTAL_DAY])),
    ...after(db, 'age', cutoff),
    ...after(db, 'due', at),
    ...after(db, 'accepted', acceptedSince),
  ]);
  const [pending = 0, ageTotal = 0, dueTotal = 0] = totals.map((r) => r?.n);
  // Overdue by age: last sent at or before the cutoff; by date: due at or before now. Both are "all but the later".
  const overdue =
    ageTotal - sumAfter([age, ageEdge], cutoff, false) + dueTotal - sumAfter([due, dueEdge], at, false);
  return { pending, overdue, acceptedSince: sumAfter([acc, accEdge], acceptedSince, true) };
}

/**
 * Builds the buckets from the whole invitations table, replacing whatever was there: schema version 4's upgrade,
 * run inside its transaction.
 */
export async function fillCounts(tx: Transaction): Promise<void> {
  const delta = new CountDelta();
  await tx.table('invitations').each((row: unknown) => delta.change(row, 1));
  const w = writesFor(delta, [], []);
  await Promise.all([tx.table('countDays').clear(), tx.table('countTimes').clear()]);
  await Promise.all([tx.table('countDays').bulkPut(w.putDays), tx.table('countTimes').bulkPut(w.putTimes)]);
}

/** The same in a transaction of its own, after data written around Dexie (bench seeding with raw IndexedDB). */
export function rebuildCounts(db: ResellerDb): Promise<void> {
  return db.transaction('rw', [db.invitations, db.countDays, db.countTimes], (tx) => fillCounts(tx));
}
