/** The customers as a spreadsheet (Options > Backup > Export CSV). */
import { formatCsv } from '../core/csv';
import { effectiveStatus } from '../core/status';
import { now } from './clock';
import { customerTable } from './customer-table';
import type { ResellerDb } from './db';

const CSV_HEADER = [
  'Company name',
  'Contact name',
  'Email',
  'Domain',
  'Microsoft ID',
  'Language',
  'Reseller status',
  'Reseller first sent',
  'Reseller last sent',
  'Reseller accepted',
  'GDAP status',
  'Served by another partner',
  'Notes',
];

const day = (t: number | undefined): string => (t ? new Date(t).toISOString().slice(0, 10) : '');

/** Every customer with its reseller and GDAP status, one row each, for a spreadsheet. */
export async function customersCsv(db: ResellerDb): Promise<string> {
  const at = now();
  const rows = (await customerTable(db)).map(({ customer: c, reseller: r, gdap: g }) => [
    c.companyName,
    c.contactName,
    c.email,
    c.domain,
    c.tenantId,
    c.language,
    r ? effectiveStatus(r, at) : '',
    day(r?.firstSentAt),
    day(r?.lastSentAt),
    day(r?.acceptedAt),
    g ? effectiveStatus(g, at) : '',
    c.servedByAnotherPartner ? 'yes' : '',
    c.notes,
  ]);
  return formatCsv([CSV_HEADER, ...rows]);
}
