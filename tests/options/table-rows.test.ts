import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { customerWords } from '../../src/core/customer';
import { normaliseCompanyName } from '../../src/core/reconcile';
import { DAY, type Invitation, transition } from '../../src/core/status';
import type { CustomerTableRow } from '../../src/db/customer-table';
import { searchCustomerIds } from '../../src/db/customers';
import type { CustomerRow } from '../../src/db/db';
import {
  bulkTargets,
  filterRows,
  NO_FILTERS,
  sortRows,
  type TableRow,
  toTableRows,
} from '../../src/options/table-rows';
import { useDb } from '../db/support';

const ctx = useDb();
const NOW = Date.UTC(2025, 5, 1, 12);
const GDAP_LINK =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/' +
  '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';

function customer(id: string, companyName: string, email = ''): CustomerRow {
  const c = {
    id,
    companyName,
    contactName: '',
    email,
    domain: email.split('@')[1] ?? '',
    tenantId: '',
    language: 'en' as const,
    notes: '',
    servedByAnotherPartner: false,
    createdAt: 0,
    updatedAt: 0,
  };
  return { ...c, nameKey: normaliseCompanyName(companyName), words: customerWords(c) };
}

function sent(customerId: string, daysAgo: number, type: 'reseller' | 'gdap' = 'reseller'): Invitation {
  const r = transition(
    undefined,
    {
      kind: 'send',
      channel: 'copy',
      linkType: type,
      language: 'en',
      create: { id: `${customerId}-${type}`, customerId },
      ...(type === 'gdap' ? { gdap: { link: GDAP_LINK } } : {}),
    },
    NOW - daysAgo * DAY,
  );
  if (!r.ok) throw new Error(r.problems[0]?.message);
  return r.invitation;
}

function then(inv: Invitation, kind: 'accept' | 'withdraw' | 'end', daysAgo: number): Invitation {
  const action = kind === 'accept' ? { kind, source: 'manual' as const } : { kind };
  const r = transition(inv, action, NOW - daysAgo * DAY);
  if (!r.ok) throw new Error(r.problems[0]?.message);
  return r.invitation;
}

// In company-name order, as customerTable returns them.
const table: CustomerTableRow[] = [
  { customer: customer('a', 'Alpine Ski House', 'hugo@alpine.com'), reseller: sent('a', 3) },
  {
    customer: customer('c', 'Contoso', 'alex@contoso.com'),
    reseller: then(sent('c', 40), 'accept', 30),
    gdap: sent('c', 95, 'gdap'),
  },
  { customer: customer('f', 'Fabrikam', 'sam@fabrikam.com'), reseller: sent('f', 10) },
  { customer: customer('n', 'Northwind') },
  { customer: customer('w', 'Wingtip', 'lea@wingtip.com'), reseller: then(sent('w', 50), 'withdraw', 20) },
];
const rows = toTableRows(table, NOW, 7);
const keys = (rs: TableRow[]) => rs.map((r) => r.key);

describe('toTableRows', () => {
  it('gives one row per invitation, and one for a customer with none', () => {
    expect(keys(rows)).toEqual(['a-reseller', 'c-reseller', 'c-gdap', 'f-reseller', 'c:n', 'w-reseller']);
    const gdap = rows.find((r) => r.key === 'c-gdap');
    expect(gdap).toMatchObject({ status: 'expired', daysWaiting: 95, gdapDaysLeft: 0, overdue: true });
    expect(rows.find((r) => r.key === 'a-reseller')).toMatchObject({ status: 'pending', overdue: false });
    expect(rows.find((r) => r.key === 'f-reseller')).toMatchObject({ daysWaiting: 10, overdue: true });
    expect(rows.find((r) => r.key === 'c:n')?.status).toBe('none');
  });
});

describe('filterRows', () => {
  it('filters by status, including the computed GDAP expiry', () => {
    expect(keys(filterRows(rows, { ...NO_FILTERS, status: 'pending' }))).toEqual([
      'a-reseller',
      'f-reseller',
    ]);
    expect(keys(filterRows(rows, { ...NO_FILTERS, status: 'expired' }))).toEqual(['c-gdap']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, status: 'withdrawn' }))).toEqual(['w-reseller']);
  });

  it('filters by type and by days waiting, overdue being the follow-up threshold', () => {
    expect(keys(filterRows(rows, { ...NO_FILTERS, type: 'gdap' }))).toEqual(['c-gdap']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, age: '0-6' }))).toEqual(['a-reseller']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, age: '7-29' }))).toEqual(['f-reseller']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, age: '90+' }))).toEqual(['c-gdap']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, age: 'overdue' }))).toEqual(['c-gdap', 'f-reseller']);
  });

  it('searches company, contact, email and domain by word prefix, without accents or case, through the words index', async () => {
    await ctx.db.customers.bulkAdd(table.map((r) => r.customer));
    const search = async (text: string) => {
      const ids = await searchCustomerIds(ctx.db, text);
      return filterRows(rows, { ...NO_FILTERS, search: text }, ids && new Set(ids));
    };
    expect(keys(await search('CONT'))).toEqual(['c-reseller', 'c-gdap']);
    expect(keys(await search('léa'))).toEqual(['w-reseller']);
    expect(keys(await search('fabrikam.com'))).toEqual(['f-reseller']);
    expect(await search('zzz')).toEqual([]);
    // No word searched: nothing is narrowed.
    expect(await search('  ')).toEqual(rows);
  });
});

describe('sortRows', () => {
  it('sorts by company either way, keeping the input order as the tie-break', () => {
    expect(keys(sortRows(rows, { key: 'company', dir: 'asc' }))).toEqual(keys(rows));
    expect(keys(sortRows(rows, { key: 'company', dir: 'desc' }))[0]).toBe('w-reseller');
  });

  it('sorts by days waiting, rows that do not wait last in both directions', () => {
    const desc = keys(sortRows(rows, { key: 'daysWaiting', dir: 'desc' }));
    expect(desc.slice(0, 3)).toEqual(['c-gdap', 'f-reseller', 'a-reseller']);
    const asc = keys(sortRows(rows, { key: 'daysWaiting', dir: 'asc' }));
    expect(asc.slice(0, 3)).toEqual(['a-reseller', 'f-reseller', 'c-gdap']);
    expect(asc.slice(3)).toEqual(['c-reseller', 'c:n', 'w-reseller']);
  });

  it('sorts by last send and by status', () => {
    expect(keys(sortRows(rows, { key: 'lastSent', dir: 'desc' }))[0]).toBe('a-reseller');
    expect(keys(sortRows(rows, { key: 'lastSent', dir: 'desc' })).at(-1)).toBe('c:n');
    expect(keys(sortRows(rows, { key: 'status', dir: 'asc' }))).toEqual([
      'a-reseller',
      'f-reseller',
      'c-gdap',
      'c-reseller',
      'w-reseller',
      'c:n',
    ]);
  });
});

describe('bulkTargets', () => {
  it('splits a selection into what each bulk action changes', () => {
    const t = bulkTargets(rows);
    expect(t.pending).toEqual(['a-reseller', 'c-gdap', 'f-reseller']);
    expect(t.accepted).toEqual(['c-reseller']);
    expect(t.customers).toEqual(['a', 'c', 'f', 'n', 'w']);
  });
});
