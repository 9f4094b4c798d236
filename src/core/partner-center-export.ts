/**
 * Reads Partner Center's Customers export (Customers > Export customers, docs/partner-center.md, "Reading Partner Center's customer export"): columns
 * Microsoft ID, Company name, Primary domain name, Relationship, in any order, among others. Pure.
 * Public through reconcile.ts.
 */

import { parseCsv } from './csv';
import { CUSTOMER_LIMITS } from './customer';
import { isGuid } from './link';
import type { Problem } from './problem';

export interface ExportRow {
  tenantId: string;
  companyName: string;
  domain: string;
  relationship: string;
}

export type ExportProblem = Problem & { line?: number };

type Column = keyof ExportRow;
const COLUMNS: readonly { key: Column; label: string; names: readonly string[]; required: boolean }[] = [
  { key: 'tenantId', label: 'Microsoft ID', names: ['microsoft id', 'tenant id'], required: true },
  { key: 'companyName', label: 'Company name', names: ['company name'], required: true },
  { key: 'domain', label: 'Primary domain name', names: ['primary domain name', 'domain'], required: false },
  { key: 'relationship', label: 'Relationship', names: ['relationship'], required: false },
];
const EXPECTED = 'Microsoft ID, Company name, Primary domain name and Relationship';
/** `;` comes from spreadsheets saved in a French locale; tab from a copy out of a spreadsheet. */
const SEPARATORS = [',', ';', '\t'] as const;

const headerName = (s: string): string =>
  s
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/** Column index per field, from one header line; -1 when absent. */
function mapHeader(fields: readonly string[]): Record<Column, number> {
  const names = fields.map(headerName);
  const map = {} as Record<Column, number>;
  for (const c of COLUMNS) map[c.key] = names.findIndex((n) => c.names.includes(n));
  return map;
}

const recognised = (map: Record<Column, number>): number => Object.values(map).filter((i) => i >= 0).length;

/** The separator that makes the most expected column names appear in the first non-blank line. */
function detectSeparator(text: string): string {
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r\n?|\n/)
      .find((l) => l.trim() !== '') ?? '';
  let best: string = SEPARATORS[0];
  let bestCount = -1;
  for (const sep of SEPARATORS) {
    const header = parseCsv(firstLine, sep).records[0]?.fields ?? [];
    const count = recognised(mapHeader(header));
    if (count > bestCount) [best, bestCount] = [sep, count];
  }
  return best;
}

/** Partner Center's export is about 200 bytes a customer: 20 MB is a hundred thousand customers. */
export const EXPORT_MAX_BYTES = 20 * 1024 * 1024;

/** A file too large to be Partner Center's export, refused before it is read; undefined when the size is fine. */
export function checkExportSize(bytes: number): ExportProblem | undefined {
  if (bytes <= EXPORT_MAX_BYTES) return undefined;
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  const message = `This file is ${mb(bytes)}; Partner Center's customer export is at most ${mb(EXPORT_MAX_BYTES)} here. Choose the Customers.csv it exported.`;
  return { field: 'file', code: 'too-large', message };
}

const problem = (field: string, code: string, line: number | undefined, message: string): ExportProblem =>
  line === undefined ? { field, code, message } : { field, code, message, line };

type Skip = { field: string; code: string; why: string };

/** One data record, or why it is skipped. */
function readRow(fields: readonly string[], map: Record<Column, number>, width: number): ExportRow | Skip {
  const extra = fields.slice(width);
  if (fields.length < width || extra.some((f) => f.trim() !== '')) {
    return {
      field: 'row',
      code: 'field-count',
      why: `has ${fields.length} fields where the header has ${width}`,
    };
  }
  const get = (c: Column): string => (map[c] < 0 ? '' : (fields[map[c]] ?? '').trim());
  const row: ExportRow = {
    tenantId: get('tenantId').toLowerCase(),
    companyName: get('companyName'),
    domain: get('domain').toLowerCase(),
    relationship: get('relationship'),
  };
  if (row.tenantId === '') return { field: 'tenantId', code: 'missing-tenant', why: 'has no Microsoft ID' };
  if (!isGuid(row.tenantId)) {
    const why = `has a Microsoft ID "${row.tenantId.slice(0, 40)}" that is not a GUID (8-4-4-4-12 hex digits)`;
    return { field: 'tenantId', code: 'not-a-guid', why };
  }
  if (row.companyName === '')
    return { field: 'companyName', code: 'missing-company', why: 'has no company name' };
  for (const field of ['companyName', 'domain'] as const) {
    const max = CUSTOMER_LIMITS[field];
    if (row[field].length > max) {
      const why = `has a ${field === 'domain' ? 'domain' : 'company name'} of ${row[field].length} characters (at most ${max})`;
      return { field, code: 'too-long', why };
    }
  }
  return row;
}

/**
 * Reads Partner Center's Customers.csv. Never throws: a bad row is skipped with a problem carrying its line
 * (the header is line 1), and a file without a recognisable header yields no rows and one problem.
 */
export function parseCustomerExport(text: string): { rows: ExportRow[]; problems: ExportProblem[] } {
  const input = typeof text === 'string' ? text : '';
  const tooLarge = checkExportSize(input.length);
  if (tooLarge) return { rows: [], problems: [tooLarge] };
  const { records, unclosedAt } = parseCsv(input, detectSeparator(input));
  const nonBlank = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = nonBlank[0];
  const map = mapHeader(header?.fields ?? []);
  const missing = COLUMNS.filter((c) => c.required && map[c.key] < 0);
  if (!header || missing.length > 0) {
    const message = `No header row with the columns ${EXPECTED} was found: export the file from Partner Center > Customers > Export customers.`;
    return { rows: [], problems: [problem('header', 'no-header', undefined, message)] };
  }
  const problems: ExportProblem[] = COLUMNS.filter((c) => map[c.key] < 0).map((c) =>
    problem(c.key, 'missing-column', header.line, `Line ${header.line} has no ${c.label} column.`),
  );
  const rows: ExportRow[] = [];
  const seen = new Set<string>();
  for (const record of nonBlank.slice(1)) {
    const row = readRow(record.fields, map, header.fields.length);
    if ('why' in row) {
      problems.push(
        problem(row.field, row.code, record.line, `Line ${record.line} ${row.why}: row skipped.`),
      );
    } else if (!seen.has(row.tenantId)) {
      // Dual partners see one row per partner (docs/partner-center.md, "Reading Partner Center's customer export"): the first is kept.
      seen.add(row.tenantId);
      rows.push(row);
    }
  }
  if (unclosedAt !== undefined) {
    const message = `Line ${unclosedAt} opens a quote that is never closed: the rest of the file was not read.`;
    problems.push(problem('row', 'unclosed-quote', unclosedAt, message));
  }
  return { rows, problems };
}
