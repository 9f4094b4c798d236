/**
 * RFC 4180 CSV, as spreadsheets write it: quoted fields may hold the separator, doubled quotes and line breaks;
 * CRLF, LF or CR end a record. Pure; reconcile reads Partner Center's export with it, db writes customer lists.
 */

export interface CsvRecord {
  /** Physical line where the record starts (1-based), for messages. */
  line: number;
  fields: string[];
}

/** `unclosedAt`: line of a quote never closed; that record and the rest of the text are dropped. */
export function parseCsv(text: string, sep: string): { records: CsvRecord[]; unclosedAt?: number } {
  const s = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '"' && field === '') {
      const close = closingQuote(s, i + 1);
      if (close < 0) return { records, unclosedAt: start };
      const raw = s.slice(i + 1, close);
      line += (raw.match(/\r\n?|\n/g) ?? []).length;
      field = raw.replace(/""/g, '"');
      i = close + 1;
    } else if (c === sep) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      fields.push(field);
      records.push({ line: start, fields });
      [fields, field] = [[], ''];
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      start = ++line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) records.push({ line: start, fields: [...fields, field] });
  return { records };
}

/** Index of the quote closing a quoted field that starts at `from`, skipping doubled quotes; -1 if none. */
function closingQuote(s: string, from: number): number {
  let j = s.indexOf('"', from);
  while (j >= 0 && s[j + 1] === '"') j = s.indexOf('"', j + 2);
  return j;
}

/**
 * What a spreadsheet reads as the start of a formula: = + - @ (and their full-width forms, which some spreadsheets
 * fold to ASCII), after any leading whitespace or line break, or a tab, CR or LF itself (CSV injection, OWASP
 * "CSV Injection"; LibreOffice and Excel both skip leading spaces before `=`).
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/**
 * One CSV cell. Text that would run as a formula is prefixed with an apostrophe; a customer's name comes from
 * outside and must not execute.
 */
export function csvCell(value: string | number | boolean | undefined): string {
  const text = value === undefined ? '' : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole file: CRLF as RFC 4180 says, and a byte-order mark so Excel reads UTF-8 accents correctly. */
export function formatCsv(rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
