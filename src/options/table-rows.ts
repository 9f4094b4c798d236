/**
 * The customers table's rows and what filters, sorts and selects them. Pure (no DOM, no Dexie), so the options page
 * re-derives them in memory from one `customerTable()` read, and tests run them in Node.
 *
 * One row per invitation, not per customer: status, days waiting and last send belong to an invitation, and a
 * customer can hold a reseller and a GDAP one at once. A customer with no invitation gets one row without status.
 */
import {
  daysWaiting,
  type EffectiveStatus,
  effectiveStatus,
  gdapDaysLeft,
  type Invitation,
  type InvitationType,
  isOverdue,
} from '../core/status';
import type { CustomerTableRow } from '../db/customer-table';
import type { CustomerRow } from '../db/db';

export type RowStatus = EffectiveStatus | 'none';

export interface TableRow {
  /** The invitation id, or `c:<customerId>` for a customer with none. */
  key: string;
  customer: CustomerRow;
  invitation?: Invitation;
  status: RowStatus;
  daysWaiting?: number;
  gdapDaysLeft?: number;
  overdue: boolean;
}

export const STATUS_FILTERS = ['pending', 'accepted', 'withdrawn', 'removed', 'expired'] as const;
export const AGE_BANDS = ['overdue', '0-6', '7-29', '30-89', '90+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface Filters {
  status: (typeof STATUS_FILTERS)[number] | 'all';
  type: InvitationType | 'all';
  /** Days waiting; only pending invitations wait, so any band shows pending ones only. */
  age: AgeBand | 'all';
  /** The text typed; the customers it finds come from the words index (db/customers.ts `searchCustomerIds`). */
  search: string;
}

export const NO_FILTERS: Filters = { status: 'all', type: 'all', age: 'all', search: '' };

export function toTableRows(
  table: readonly CustomerTableRow[],
  now: number,
  followUpDays: number,
): TableRow[] {
  const rows: TableRow[] = [];
  for (const { customer, reseller, gdap } of table) {
    if (!reseller && !gdap) rows.push({ key: `c:${customer.id}`, customer, status: 'none', overdue: false });
    for (const invitation of [reseller, gdap]) {
      if (invitation) rows.push(rowOf(customer, invitation, now, followUpDays));
    }
  }
  return rows;
}

function rowOf(customer: CustomerRow, invitation: Invitation, now: number, followUpDays: number): TableRow {
  const row: TableRow = {
    key: invitation.id,
    customer,
    invitation,
    status: effectiveStatus(invitation, now),
    overdue: isOverdue(invitation, now, followUpDays),
  };
  const days = daysWaiting(invitation, now);
  if (days !== undefined) row.daysWaiting = days;
  const left = gdapDaysLeft(invitation, now);
  if (left !== undefined) row.gdapDaysLeft = left;
  return row;
}

const BANDS: Record<Exclude<AgeBand, 'overdue'>, [number, number]> = {
  '0-6': [0, 6],
  '7-29': [7, 29],
  '30-89': [30, 89],
  '90+': [90, Number.POSITIVE_INFINITY],
};

function inBand(row: TableRow, age: Filters['age']): boolean {
  if (age === 'all') return true;
  if (age === 'overdue') return row.overdue;
  const days = row.daysWaiting;
  const [lo, hi] = BANDS[age];
  return days !== undefined && days >= lo && days <= hi;
}

/** The rows the filters keep; `found`: the customers the search found, undefined when there is no search. */
export function filterRows(rows: readonly TableRow[], f: Filters, found?: ReadonlySet<string>): TableRow[] {
  return rows.filter(
    (r) =>
      (f.status === 'all' || r.status === f.status) &&
      (f.type === 'all' || r.invitation?.type === f.type) &&
      inBand(r, f.age) &&
      (found === undefined || found.has(r.customer.id)),
  );
}

export type SortKey = 'company' | 'daysWaiting' | 'lastSent' | 'status';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** The direction a column sorts in on its first click: the most useful end first. */
export const FIRST_DIR: Record<SortKey, Sort['dir']> = {
  company: 'asc',
  daysWaiting: 'desc',
  lastSent: 'desc',
  status: 'asc',
};

const STATUS_RANK: Record<RowStatus, number> = {
  pending: 0,
  expired: 1,
  accepted: 2,
  withdrawn: 3,
  removed: 4,
  none: 5,
};

/** Value compared per key; undefined sorts last whatever the direction (a row with no days waiting). */
const VALUE: Record<Exclude<SortKey, 'company'>, (r: TableRow) => number | undefined> = {
  daysWaiting: (r) => r.daysWaiting,
  lastSent: (r) => r.invitation?.lastSentAt || undefined,
  status: (r) => STATUS_RANK[r.status],
};

/**
 * Sorted copy. `rows` come in company-name order (customerTable reads the nameKey index), so company order is that
 * order or its reverse, and the sort is stable: ties keep company order.
 */
export function sortRows(rows: readonly TableRow[], sort: Sort): TableRow[] {
  if (sort.key === 'company') return sort.dir === 'asc' ? [...rows] : [...rows].reverse();
  const value = VALUE[sort.key];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return (x - y) * sign;
  });
}

export interface BulkTargets {
  /** Pending invitations: what "mark accepted" changes. */
  pending: string[];
  /** Accepted invitations: what "mark removed" changes. */
  accepted: string[];
  /** Distinct customers: what "delete" removes, with all their invitations and history. */
  customers: string[];
}

export function bulkTargets(rows: readonly TableRow[]): BulkTargets {
  const pending: string[] = [];
  const accepted: string[] = [];
  const customers = new Set<string>();
  for (const r of rows) {
    customers.add(r.customer.id);
    if (r.invitation?.status === 'pending') pending.push(r.invitation.id);
    if (r.invitation?.status === 'accepted') accepted.push(r.invitation.id);
  }
  return { pending, accepted, customers: [...customers] };
}
