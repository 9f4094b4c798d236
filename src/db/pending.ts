/**
 * What the popup reads at a glance: counts and the pending list. Native index counts and index ranges only, so
 * they cost the same at 10 or 100,000 customers and never scan a table.
 */
import Dexie from 'dexie';
import { DAY, type Invitation } from '../core/status';
import { now } from './clock';
import { searchCustomerIds } from './customers';
import type { CustomerRow, ResellerDb } from './db';
import { byStatus, invitationsOfCustomers } from './invitations';

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

export interface PendingItem {
  invitation: Invitation;
  customer: CustomerRow;
}

/** The pending invitations of some customers, longest waiting first. */
async function pendingOf(
  db: ResellerDb,
  customerIds: readonly string[],
  limit: number,
): Promise<Invitation[]> {
  const found = (await invitationsOfCustomers(db, customerIds)).filter((i) => i.status === 'pending');
  return found.sort((a, b) => a.firstSentAt - b.firstSentAt).slice(0, limit);
}

/**
 * Pending invitations, longest waiting first (first send of the current cycle), at most `limit`. Without a search
 * it reads the first `limit` entries of [status+firstSentAt]; a search narrows customers by the words index first.
 */
export async function pendingList(db: ResellerDb, limit: number, search = ''): Promise<PendingItem[]> {
  return db.transaction('r', db.invitations, db.customers, async () => {
    const customerIds = await searchCustomerIds(db, search);
    const invitations = customerIds
      ? await pendingOf(db, customerIds, limit)
      : await byStatus(db, 'pending', 'firstSentAt').limit(limit).toArray();
    const customers = await db.customers.bulkGet(invitations.map((i) => i.customerId));
    return invitations.flatMap((invitation, i) => {
      const customer = customers[i];
      return customer ? [{ invitation, customer }] : [];
    });
  });
}
