/** The customers table of the options page: each customer with its reseller and GDAP invitation. */
import type { Invitation } from '../core/status';
import type { CustomerRow, ResellerDb } from './db';

export interface CustomerTableRow {
  customer: CustomerRow;
  reseller?: Invitation;
  gdap?: Invitation;
}

/**
 * Every customer with its reseller and GDAP invitation, by company name: what the options table filters, sorts and
 * virtualises in memory (two reads in one transaction, about 20,000 records at 10,000 customers).
 */
export async function customerTable(db: ResellerDb): Promise<CustomerTableRow[]> {
  const [customers, invitations] = await db.transaction('r', db.customers, db.invitations, () =>
    Promise.all([db.customers.orderBy('nameKey').toArray(), db.invitations.toArray()]),
  );
  return withInvitations(customers, invitations);
}

/** Each customer with its reseller and GDAP invitation among `invitations`. */
export function withInvitations(customers: CustomerRow[], invitations: Invitation[]): CustomerTableRow[] {
  const of = new Map<string, Invitation>();
  // After a sync race a customer may hold two of a type: the pending one is the live one.
  for (const inv of invitations) {
    const key = `${inv.customerId}|${inv.type}`;
    if (of.get(key)?.status !== 'pending') of.set(key, inv);
  }
  return customers.map((customer) => {
    const row: CustomerTableRow = { customer };
    const reseller = of.get(`${customer.id}|reseller`);
    const gdap = of.get(`${customer.id}|gdap`);
    if (reseller) row.reseller = reseller;
    if (gdap) row.gdap = gdap;
    return row;
  });
}
