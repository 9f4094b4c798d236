import { type CustomerTableRow, withInvitations } from './customer-table';
import type { CustomerRow, ResellerDb } from './db';
import { invitationsOfCustomers } from './invitations';

/**
 * The first `limit` customers by company name (last, when `reverse`), each with its invitations: what the
 * customers table shows before the whole table is read, so its first rows cost the same at 10 or 100,000
 * customers (an index range of `limit` entries and the invitations of each by [customerId+type]).
 */
export async function firstCustomerRows(
  db: ResellerDb,
  limit: number,
  reverse = false,
): Promise<CustomerTableRow[]> {
  return db.transaction('r', db.customers, db.invitations, async () => {
    const byName = db.customers.orderBy('nameKey');
    const customers = await (reverse ? byName.reverse() : byName).limit(limit).toArray();
    const invitations = await invitationsOfCustomers(
      db,
      customers.map((c) => c.id),
    );
    return withInvitations(customers, invitations);
  });
}

/** The customers with these ids that exist, by id (the reconcile review shows each match's local name). */
export async function customersByIds(
  db: ResellerDb,
  ids: readonly string[],
): Promise<Map<string, CustomerRow>> {
  const found = await db.customers.bulkGet([...new Set(ids)]);
  return new Map(found.flatMap((c) => (c ? [[c.id, c] as const] : [])));
}

export interface RecordCounts {
  customers: number;
  invitations: number;
  events: number;
}

/**
 * How much is stored, for the dialogs that replace or erase it ("12 customers will be deleted"). Native counts
 * (IndexedDB's own, no records read), run only when such a dialog opens, never on the page's first paint.
 */
export async function recordCounts(db: ResellerDb): Promise<RecordCounts> {
  return db.transaction('r', [db.customers, db.invitations, db.events], async () => {
    const [customers, invitations, events] = await Promise.all([
      db.customers.count(),
      db.invitations.count(),
      db.events.count(),
    ]);
    return { customers, invitations, events };
  });
}
