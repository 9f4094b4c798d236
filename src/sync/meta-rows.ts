/**
 * The sync engine's bookkeeping as stored, one `{ k, v }` row per SyncMeta field (db/sync-meta.ts), read back into
 * its types. Only this extension writes those rows, but another version may have, and a value that does not read
 * would decide which tombstones are collected (`gcBefore`) or stop every sync (`writeLog`). A field whose row does
 * not read starts again from its empty value, and the row itself is copied aside first (`asideKey`), never lost
 * (docs/sync.md, "Bookkeeping that does not read").
 */
import { isPlainObject } from '../core/shape';
import { isDeviceId, isHlc } from '../core/sync-clock';
import { ASIDE_PREFIX } from '../db/sync-meta';
import type { SyncMeta } from './local-store';

/** The fields stored one row each; the clock rows (`deviceId`, `hlc`) are read by db/sync-meta.ts. */
export type MetaField = Exclude<keyof SyncMeta, 'deviceId' | 'hlc'>;

const isTime = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isText = (v: unknown): boolean => typeof v === 'string';
const listOf = (item: (v: unknown) => boolean) => (v: unknown) => Array.isArray(v) && v.every(item);
const optionalOf = (rule: (v: unknown) => boolean) => (v: unknown) => v === undefined || rule(v);

const HELD_REASONS: readonly unknown[] = ['unreadable', 'clock-ahead', 'mass-delete'];
const SYNC_STATES: readonly unknown[] = ['ok', 'near-full', 'full', 'over-quota', 'unavailable'];

/** A held record's envelope; the record inside may be one that did not read (held as `unreadable`), so only its frame is checked. */
function isHeld(v: unknown): boolean {
  if (!isPlainObject(v) || !isPlainObject(v.record)) return false;
  const r = v.record;
  return (
    isText(v.key) &&
    isText(r.id) &&
    isText(r.table) &&
    isPlainObject(r.fields) &&
    isPlainObject(r.clocks) &&
    HELD_REASONS.includes(v.reason) &&
    isText(v.deviceId) &&
    isText(v.source) &&
    Array.isArray(v.problems) &&
    isTime(v.since) &&
    optionalOf((x) => typeof x === 'boolean')(v.release) &&
    optionalOf(isText)(v.dismissed)
  );
}

/** The status last shown: what the Sync section reads before it draws (it is rebuilt by every sync). */
function isStatus(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  return (
    SYNC_STATES.includes(v.state) &&
    optionalOf(isTime)(v.lastSyncedAt) &&
    [v.bytesUsed, v.quotaBytes, v.customersSynced, v.customersTotal].every(isTime) &&
    listOf(isText)(v.notSynced) &&
    listOf(isPlainObject)(v.devices) &&
    listOf((w) => isPlainObject(w) && isText(w.code))(v.warnings) &&
    optionalOf(listOf(isPlainObject))(v.held)
  );
}

const READS: Record<MetaField, (v: unknown) => boolean> = {
  acks: (v) =>
    isPlainObject(v) && Object.entries(v).every(([device, clock]) => isDeviceId(device) && isHlc(clock)),
  gcBefore: (v) => v === '' || isHlc(v),
  writeLog: listOf(isTime),
  retryAt: isTime,
  refusedPlan: isText,
  deviceDue: isTime,
  quarantine: isPlainObject,
  review: listOf(isText),
  held: listOf(isHeld),
  status: optionalOf(isStatus),
};

const isField = (k: string): k is MetaField => Object.hasOwn(READS, k);

/** Where a row that did not read is kept. Rows of other names (clock rows, `enabled`, kept rows) are not fields. */
export const asideKey = (field: MetaField): string => `${ASIDE_PREFIX}${field}`;

export interface ReadMeta {
  /** The fields that read; the others are absent (their empty value applies). */
  fields: Partial<Pick<SyncMeta, MetaField>>;
  /** The fields whose stored row did not read, with the value as stored. */
  unreadable: { field: MetaField; value: unknown }[];
}

export function readMetaRows(rows: readonly { k: string; v: unknown }[]): ReadMeta {
  const fields: Record<string, unknown> = {};
  const unreadable: ReadMeta['unreadable'] = [];
  for (const { k, v } of rows) {
    if (!isField(k)) continue;
    if (READS[k](v)) fields[k] = v;
    else unreadable.push({ field: k, value: v });
  }
  return { fields: fields as ReadMeta['fields'], unreadable };
}
