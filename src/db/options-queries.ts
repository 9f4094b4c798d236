/** Named reads the options page needs beyond the tracking queries: by primary key or native counts only. */
import type { CustomerRow, ResellerDb } from './db';

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
