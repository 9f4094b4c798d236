/**
 * The popup's pending list: index ranges only, so the first rows cost the same at 10 or 100,000 customers and never
 * scan a table. (Its counts are kept in buckets: counts.ts.)
 */
import type { Invitation } from '../core/status';
import { searchCustomerIds } from './customers';
import type { CustomerRow, ResellerDb } from './db';
import { byStatus, invitationsOfCustomers } from './invitations';

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
