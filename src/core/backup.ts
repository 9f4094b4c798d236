/**
 * The backup file: every record as plain JSON, checked whole before anything is written, so a corrupt or foreign
 * file changes nothing. Pure. Derived index keys and undo snapshots are not part of it: they are rebuilt. Each
 * record is read by the parser of its kind, the same one sync and the pages use.
 */
import type { Customer } from './customer';
import { parseCustomer } from './customer-record';
import { parseEvent, parseInvitation } from './invitation-record';
import type { Parsed, Problem } from './problem';
import { isSettingKey, parseSetting } from './settings-record';
import { isPlainObject } from './shape';
import type { Invitation, InvitationEvent } from './status';

export const BACKUP_FORMAT = 'reseller-invite-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  customers: Customer[];
  invitations: Invitation[];
  events: InvitationEvent[];
  settings: { key: string; value: unknown }[];
}

/**
 * The largest backup read: ten thousand customers with their history export to about 15 MB, so this leaves ample
 * room while refusing, before it is read, a file that would only freeze the page.
 */
export const BACKUP_MAX_BYTES = 64 * 1024 * 1024;
/** Rows per table: twenty times the largest history measured, so only a corrupt or hostile file reaches it. */
const ROWS_MAX = 500_000;

const finding = (code: string, message: string): Problem => ({ field: 'file', code, message });

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** A file too large to be a backup, refused before it is read; undefined when the size is fine. */
export function checkBackupSize(bytes: number): Problem | undefined {
  if (bytes <= BACKUP_MAX_BYTES) return undefined;
  const message = `This file is ${megabytes(bytes)}; a backup is at most ${megabytes(BACKUP_MAX_BYTES)}. Choose the file the extension exported.`;
  return finding('too-large', message);
}

/**
 * Each row of a table through its owner's parser (customer-record.ts, invitation-record.ts, settings-record.ts):
 * what is refused is named by table and index; what is kept is the parsed row, unknown fields dropped.
 */
function parseTable<T>(
  name: string,
  rows: unknown,
  parse: (row: unknown) => Parsed<T> | undefined,
  idOf: (row: T) => string,
  out: string[],
): T[] {
  if (!Array.isArray(rows)) {
    out.push(`"${name}" is not a list.`);
    return [];
  }
  if (rows.length > ROWS_MAX) {
    out.push(`"${name}" has ${rows.length} rows; a backup holds at most ${ROWS_MAX}.`);
    return [];
  }
  const ids = new Set<string>();
  const kept: T[] = [];
  rows.forEach((row, i) => {
    const r = parse(row);
    if (r === undefined) return;
    if (!r.ok) {
      const [first] = r.problems;
      const what = first?.field ? `has a missing or invalid ${first.field}: ` : '';
      out.push(`${name}[${i}] ${what}${first?.message ?? 'is not readable.'}`);
    } else if (ids.has(idOf(r.value))) out.push(`${name}[${i}] repeats the id ${idOf(r.value)}.`);
    else {
      ids.add(idOf(r.value));
      kept.push(r.value);
    }
  });
  return kept;
}

/** A settings row: its key names its owner; a key this version does not know is dropped (a newer version's). */
function parseSettingRow(row: unknown): Parsed<{ key: string; value: unknown }> | undefined {
  if (!isPlainObject(row) || typeof row.key !== 'string') {
    return { ok: false, problems: [{ field: 'key', code: 'not-a-setting', message: 'It has no key.' }] };
  }
  if (!isSettingKey(row.key)) return undefined;
  const r = parseSetting(row.key, row.value);
  return r.ok ? { ok: true, value: { key: row.key, value: r.value } } : { ok: false, problems: r.problems };
}

function checkReferences(b: Backup, out: string[]): void {
  const customers = new Set(b.customers.map((c) => c.id));
  b.invitations.forEach((inv, i) => {
    if (!customers.has(inv.customerId)) out.push(`invitations[${i}] refers to a customer not in the file.`);
  });
  b.events.forEach((e, i) => {
    if (!customers.has(e.customerId)) out.push(`events[${i}] refers to a customer not in the file.`);
  });
}

/**
 * The backup in `json` (text or parsed), every record parsed by its owner, or findings saying why it is refused;
 * at most 5 problems are listed. A refused file changes nothing; fields this version does not know are dropped.
 */
export function checkBackup(
  json: unknown,
): { ok: true; backup: Backup } | { ok: false; findings: Problem[] } {
  let data = json;
  if (typeof json === 'string') {
    const tooLarge = checkBackupSize(json.length);
    if (tooLarge) return { ok: false, findings: [tooLarge] };
    try {
      data = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch {
      return {
        ok: false,
        findings: [finding('not-json', 'This file is not a backup: it is not valid JSON.')],
      };
    }
  }
  if (!isPlainObject(data) || data.format !== BACKUP_FORMAT) {
    const message = 'This file is not a Reseller Invite backup (no "format": "reseller-invite-backup").';
    return { ok: false, findings: [finding('foreign', message)] };
  }
  const b = data;
  if (typeof b.version !== 'number' || b.version > BACKUP_VERSION || b.version < 1) {
    const message = `This backup has version ${String(b.version).slice(0, 20)}; this version of the extension reads version ${BACKUP_VERSION}. Update the extension first.`;
    return { ok: false, findings: [finding('unsupported-version', message)] };
  }
  const problems: string[] = [];
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: b.version,
    exportedAt: typeof b.exportedAt === 'number' && Number.isFinite(b.exportedAt) ? b.exportedAt : 0,
    customers: parseTable(
      'customers',
      b.customers,
      (r) => parseCustomer(r),
      (c) => c.id,
      problems,
    ),
    invitations: parseTable(
      'invitations',
      b.invitations,
      (r) => parseInvitation(r),
      (i) => i.id,
      problems,
    ),
    events: parseTable('events', b.events, parseEvent, (e) => e.id, problems),
    settings: parseTable('settings', b.settings, parseSettingRow, (s) => s.key, problems),
  };
  if (problems.length === 0) checkReferences(backup, problems);
  if (problems.length === 0) return { ok: true, backup };
  const shown = problems.slice(0, 5).join(' ');
  const more = problems.length > 5 ? ` (${problems.length - 5} more problems)` : '';
  return {
    ok: false,
    findings: [finding('corrupt', `This backup is damaged, nothing was imported: ${shown}${more}`)],
  };
}
