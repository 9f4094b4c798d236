/**
 * The popup's and the badge's counts kept as per-day buckets (tables `countDays` and `countTimes`, schema version 4):
 * what one invitation adds to them, and how a batch of changes turns into rows to write. Pure, so tests check the
 * arithmetic without a database; counts-middleware.ts applies it inside every write's transaction.
 *
 * Why buckets: Chromium counts an index range by walking it (IndexedDB keeps no counts), so at 100,000 invitations
 * the popup's index counts took over a second, the badge's half a second. Overdue and "accepted in 30 days" depend on
 * the time of reading, so a plain number cannot be kept: a count "after t" is the sum of the day buckets after t's
 * day, plus the times after t within t's own day, which `countTimes` keeps in full for that one day.
 */
import { DAY } from '../core/invitation';

/** Pending without a follow-up date, by last send; pending with one, by that date; accepted, by acceptance. */
export type BucketKind = 'age' | 'due' | 'accepted';
/** Every pending invitation, and how many of them fall in `age` and in `due`. */
export type TotalKind = 'pending' | 'pending-age' | 'pending-due';
export type CountKind = BucketKind | TotalKind;

/** A bucket's size (`day` is days since 1970 UTC), or a total (`day` is TOTAL_DAY). */
export interface CountDayRow {
  kind: CountKind;
  day: number;
  n: number;
}

/** The times in one bucket, ascending: read only for the day a count's boundary falls in. */
export interface CountTimesRow {
  kind: BucketKind;
  day: number;
  times: number[];
}

export const TOTAL_DAY = 0;
export const dayOf = (t: number): number => Math.floor(t / DAY);

/** An IndexedDB index skips a row whose value is not a valid key; the counts skip it too, to stay equal. */
const isKey = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

interface Contribution {
  totals: TotalKind[];
  bucket?: { kind: BucketKind; t: number };
}

/**
 * What a stored invitation adds, mirroring the index counts the tests check the buckets against: pending is counted
 * in [status+lastSentAt], a follow-up date in [status+followUpDueAt], an acceptance in [status+acceptedAt].
 */
export function contributionOf(row: unknown): Contribution {
  if (typeof row !== 'object' || row === null) return { totals: [] };
  const r = row as { status?: unknown; lastSentAt?: unknown; followUpDueAt?: unknown; acceptedAt?: unknown };
  if (r.status === 'accepted' && isKey(r.acceptedAt))
    return { totals: [], bucket: { kind: 'accepted', t: r.acceptedAt } };
  if (r.status !== 'pending') return { totals: [] };
  const totals: TotalKind[] = isKey(r.lastSentAt) ? ['pending'] : [];
  if (isKey(r.followUpDueAt))
    return { totals: [...totals, 'pending-due'], bucket: { kind: 'due', t: r.followUpDueAt } };
  if (isKey(r.lastSentAt))
    return { totals: [...totals, 'pending-age'], bucket: { kind: 'age', t: r.lastSentAt } };
  return { totals };
}

interface BucketChange {
  kind: BucketKind;
  day: number;
  add: number[];
  drop: number[];
}

/** The net change of a batch of writes: rows leaving (their old value) and arriving (their new one). */
export class CountDelta {
  readonly totals = new Map<TotalKind, number>();
  readonly buckets = new Map<string, BucketChange>();

  change(row: unknown, sign: 1 | -1): void {
    const { totals, bucket } = contributionOf(row);
    for (const kind of totals) this.totals.set(kind, (this.totals.get(kind) ?? 0) + sign);
    if (!bucket) return;
    const day = dayOf(bucket.t);
    const id = `${bucket.kind}/${day}`;
    let b = this.buckets.get(id);
    if (!b) {
      b = { kind: bucket.kind, day, add: [], drop: [] };
      this.buckets.set(id, b);
    }
    (sign > 0 ? b.add : b.drop).push(bucket.t);
  }

  get empty(): boolean {
    return [...this.totals.values()].every((n) => n === 0) && this.buckets.size === 0;
  }

  /** Keys of the rows this delta touches: count rows (buckets, then totals) and times rows. */
  keys(): { days: [CountKind, number][]; times: [BucketKind, number][] } {
    const times = [...this.buckets.values()].map((b): [BucketKind, number] => [b.kind, b.day]);
    const totals = [...this.totals.keys()].map((k): [CountKind, number] => [k, TOTAL_DAY]);
    return { days: [...times, ...totals], times };
  }
}

export interface RowWrites {
  putDays: CountDayRow[];
  deleteDays: [CountKind, number][];
  putTimes: CountTimesRow[];
  deleteTimes: [BucketKind, number][];
}

/** `times` with `add` merged in and one occurrence of each of `drop` taken out, ascending. */
function merged(times: readonly number[], add: readonly number[], drop: readonly number[]): number[] {
  const out = [...times, ...add].sort((a, b) => a - b);
  for (const t of drop) {
    const i = out.indexOf(t);
    // Absent only if the counts were already wrong; a count never goes below what is there.
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}

/**
 * The rows to write for `delta`, given the current rows at `delta.keys()` (undefined where none): a row that
 * reaches zero is deleted, so the tables hold exactly what a recount from scratch would build.
 */
export function writesFor(
  delta: CountDelta,
  days: readonly (CountDayRow | undefined)[],
  times: readonly (CountTimesRow | undefined)[],
): RowWrites {
  const out: RowWrites = { putDays: [], deleteDays: [], putTimes: [], deleteTimes: [] };
  [...delta.buckets.values()].forEach((b, i) => {
    const next = merged(times[i]?.times ?? [], b.add, b.drop);
    if (next.length === 0) {
      out.deleteDays.push([b.kind, b.day]);
      out.deleteTimes.push([b.kind, b.day]);
    } else {
      out.putDays.push({ kind: b.kind, day: b.day, n: next.length });
      out.putTimes.push({ kind: b.kind, day: b.day, times: next });
    }
  });
  const offset = delta.buckets.size;
  [...delta.totals.entries()].forEach(([kind, change], i) => {
    const n = Math.max(0, (days[offset + i]?.n ?? 0) + change);
    if (n === 0) out.deleteDays.push([kind, TOTAL_DAY]);
    else out.putDays.push({ kind, day: TOTAL_DAY, n });
  });
  return out;
}

/** How many of `times` (ascending) are after `t`, or at or after it when `inclusive`: a binary search. */
export function countAfter(times: readonly number[], t: number, inclusive: boolean): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = times[mid] as number;
    if (inclusive ? x < t : x <= t) lo = mid + 1;
    else hi = mid;
  }
  return times.length - lo;
}
