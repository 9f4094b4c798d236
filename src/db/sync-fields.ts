/**
 * What of a stored row syncs, and the row a synced record becomes (docs/sync.md, "What syncs").
 *
 * - customers: every field but the index keys `nameKey` and `words`, rebuilt from the record on this device;
 * - invitations: every field but `previous` (an undo snapshot, meaningful for 10 s on this browser only) and
 *   `firstSentAt`/`lastSentAt` (index keys derived from `sentAt`, which merges as a set: sync-merge.ts);
 * - settings: the rows `profile`, `templates`, `tracking` and `connect`, one synced field per property of their value, so two
 *   browsers editing different template languages both keep their edit (docs/sync.md, "Merge rules").
 * Events (the history) stay on each device. A field the row no longer has syncs as null: absent and null are one.
 */

import { isAnyObject } from '../core/shape';
import { type Invitation, SEND_KEYS, sendKeys } from '../core/status';
import {
  CONFIRMED_FIELD,
  editRecord,
  isAlive,
  MERGED_FIELD,
  type SyncRecord,
  type SyncTable,
} from '../core/sync-merge';
import { toRow } from './customers';
import type { CustomerRow, SettingRow } from './db';

export const SYNCED_SETTINGS: ReadonlySet<string> = new Set(['profile', 'templates', 'tracking', 'connect']);

/** Local-only fields per table: the key and what is derived or meaningful on this device only. */
const LOCAL_ONLY: Readonly<Record<SyncTable, readonly string[]>> = {
  customers: ['id', 'nameKey', 'words'],
  invitations: ['id', 'previous', ...SEND_KEYS],
  settings: ['key'],
};

export type Row = Record<string, unknown>;

/** Whether a write to `table` at `key` is tracked: the synced tables, and of settings only the synced rows. */
export function isTracked(table: string, key: unknown): table is SyncTable {
  if (table === 'customers' || table === 'invitations') return true;
  return table === 'settings' && typeof key === 'string' && SYNCED_SETTINGS.has(key);
}

/** The synced fields of a row (undefined dropped, as `definedOnly` stores a cleared field: absent). */
export function fieldsOf(table: SyncTable, row: Row): Record<string, unknown> {
  const source = table === 'settings' ? (isAnyObject(row.value) ? row.value : {}) : row;
  const skip = table === 'settings' ? [] : LOCAL_ONLY[table];
  return Object.fromEntries(Object.entries(source).filter(([k, v]) => v !== undefined && !skip.includes(k)));
}

/** What `editRecord` gets for a write: the row's fields, and null for each field the row no longer has. */
export function editValues(
  prev: SyncRecord | undefined,
  table: SyncTable,
  row: Row,
): Record<string, unknown> {
  const values = fieldsOf(table, row);
  for (const [name, value] of Object.entries(prev?.fields ?? {})) {
    if (!(name in values) && value !== null) values[name] = null;
  }
  return values;
}

/** The record of a write, stamped with `clock`; writing a row always leaves its record alive (docs/sync.md, "Merge rules"). */
export function stampRow(
  prev: SyncRecord | undefined,
  table: SyncTable,
  id: string,
  row: Row,
  clock: string,
) {
  const record = editRecord(prev, table, id, editValues(prev, table, row), clock);
  if (isAlive(record)) return record;
  // Every value equal to the tombstone's: writing the row again is still an edit after the delete.
  const clocks = { ...record.clocks };
  for (const name of Object.keys(fieldsOf(table, row))) clocks[name] = clock;
  return { ...record, clocks };
}

/** The values a row takes: absent and null are one; the delete-confirmation marker is sync's, never a row's. */
const present = (fields: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(fields).filter(
      ([k, v]) => v !== null && v !== undefined && k !== CONFIRMED_FIELD && k !== MERGED_FIELD,
    ),
  );

const CUSTOMER_DEFAULTS = {
  companyName: '',
  contactName: '',
  email: '',
  domain: '',
  tenantId: '',
  language: 'en',
  notes: '',
  servedByAnotherPartner: false,
  createdAt: 0,
  updatedAt: 0,
};

/**
 * What an invitation row needs and a record may not carry yet (one written by a version that lacked the field, or
 * whose other fields are still on their way): the values a new invitation starts with, so every row parses.
 */
function invitationDefaults(fields: Record<string, unknown>): Row {
  return {
    type: 'reseller',
    linkType: fields.type === 'gdap' ? 'gdap' : 'reseller',
    language: 'en',
    status: 'pending',
    adminAccessRemoved: false,
    channel: 'copy',
    changedAt: typeof fields.updatedAt === 'number' ? fields.updatedAt : 0,
    lastAction: 'send',
    epoch: 0,
    updatedAt: 0,
  };
}

/** Whether the transition a local row holds is the record's (else its `previous` undoes something else). */
function sameTransition(local: Row, fields: Record<string, unknown>): boolean {
  return ['status', 'epoch', 'changedAt', 'lastAction'].every((k) => local[k] === (fields[k] ?? undefined));
}

/** The row a live record becomes on this device: derived fields rebuilt, local-only ones kept when still true. */
export function rowOf(record: SyncRecord, local: Row | undefined): Row {
  const fields = present(record.fields);
  if (record.table === 'settings') return { key: record.id, value: fields } satisfies SettingRow;
  if (record.table === 'customers') {
    return toRow({ ...CUSTOMER_DEFAULTS, ...fields, id: record.id } as CustomerRow) as unknown as Row;
  }
  const sentAt = (Array.isArray(fields.sentAt) ? fields.sentAt : []).filter(
    (t): t is number => typeof t === 'number',
  );
  const row: Row = {
    ...invitationDefaults(fields),
    ...fields,
    id: record.id,
    sentAt,
    ...sendKeys(sentAt),
  } satisfies Partial<Invitation>;
  if (local && local.previous !== undefined && sameTransition(local, fields)) row.previous = local.previous;
  return row;
}
