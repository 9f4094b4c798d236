/**
 * The pending, overdue and recently accepted counts as index counts over the invitations table: the reference the count buckets
 * (src/db/counts.ts, which the popup and the badge read) are checked against. Exact, but each walks every pending
 * entry: over half a second at 100,000 invitations (`npm run bench -- tracking`).
 */
import Dexie from 'dexie';
import { DAY } from '../../src/core/status';
import { now } from '../../src/db/clock';
import type { ResellerDb } from '../../src/db/db';
import { byStatus } from '../../src/db/invitations';

export async function countPending(db: ResellerDb): Promise<number> {
  return byStatus(db, 'pending', 'lastSentAt').count();
}

/**
 * Pending invitations whose follow-up is due (core `isOverdue`): last sent `thresholdDays` ago or more, except those
 * with a follow-up date the partner set, which count by that date. Those few are read; the rest is an index count.
 */
export async function countOverdue(db: ResellerDb, thresholdDays: number): Promise<number> {
  const at = now();
  const cutoff = at - thresholdDays * DAY;
  const [byAge, scheduled] = await Promise.all([
    byStatus(db, 'pending', 'lastSentAt', Dexie.minKey, cutoff).count(),
    byStatus(db, 'pending', 'followUpDueAt').toArray(),
  ]);
  // Swap each scheduled one's age-based verdict, already in the count, for its date-based one.
  let count = byAge;
  for (const inv of scheduled) {
    const dueByDate = (inv.followUpDueAt as number) <= at;
    const countedByAge = inv.lastSentAt <= cutoff;
    count += Number(dueByDate) - Number(countedByAge);
  }
  return count;
}

/** Invitations accepted at or after `since` and still accepted. */
export async function countAcceptedSince(db: ResellerDb, since: number): Promise<number> {
  return byStatus(db, 'accepted', 'acceptedAt', since).count();
}
