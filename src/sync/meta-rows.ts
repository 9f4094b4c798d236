/**
 * The sync engine's bookkeeping as stored, one `{ k, v }` row per SyncMeta field (db/sync-meta.ts), read back into
 * its types. Only this extension writes those rows, but another version may have, and a value that does not read
 * would decide which tombstones are collected (`gcBefore`) or stop every sync (`writeLog`). A field whose row does
 * not read starts again from its empty value; the first such value of each field is copied aside (`asideKey`)
 * before anything replaces it (docs/sync.md, "Bookkeeping that does not read").
 */
import {
  isAnyObject,
  isBoolean,
  isCount,
  isListOf,
  isOneOf,
  isOptional,
  isPlainObject,
  isText,
  isTime,
} from '../core/shape';
import { isDeviceId, isHlc } from '../core/sync-clock';
import { HELD_REASONS, SYNC_STATES } from '../core/sync-status';
import { ASIDE_PREFIX } from '../db/sync-meta';
import type { SyncMeta } from './local-store';

/** The fields stored one row each; the clock rows (`deviceId`, `hlc`) are read by db/sync-meta.ts. */
export type MetaField = Exclude<keyof SyncMeta, 'deviceId' | 'hlc'>;

/** A clock, or '' where a device has none yet (an ack of a device that only received: device.ts, `hw`). */
const isClockOrNone = (v: unknown): boolean => v === '' || isHlc(v);

/**
 * A held record's envelope; the record inside may be one that did not read (held as `unreadable`), so only its frame
 * is checked, as any object: it keeps what another browser sent, a polluted prototype included.
 */
function isHeld(v: unknown): boolean {
  if (!isPlainObject(v) || !isAnyObject(v.record)) return false;
  const r = v.record;
  return (
    isText(v.key) &&
    isText(r.id) &&
    isText(r.table) &&
    isAnyObject(r.fields) &&
    isAnyObject(r.clocks) &&
    isOneOf(HELD_REASONS)(v.reason) &&
    isText(v.deviceId) &&
    isText(v.source) &&
    Array.isArray(v.problems) &&
    isTime(v.since) &&
    isOptional(isBoolean)(v.release) &&
    isOptional(isText)(v.dismissed)
  );
}

/** The status last shown: what the Sync section reads before it draws (it is rebuilt by every sync). */
function isStatus(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  return (
    isOneOf(SYNC_STATES)(v.state) &&
    isOptional(isTime)(v.lastSyncedAt) &&
    [v.bytesUsed, v.quotaBytes, v.customersSynced, v.customersTotal].every(isCount) &&
    isListOf(isText)(v.notSynced) &&
    isListOf(isPlainObject)(v.devices) &&
    isListOf((w) => isPlainObject(w) && isText(w.code))(v.warnings) &&
    isOptional(isListOf(isPlainObject))(v.held)
  );
}

const READS: Record<MetaField, (v: unknown) => boolean> = {
  acks: (v) =>
    isPlainObject(v) &&
    Object.entries(v).every(([device, clock]) => isDeviceId(device) && isClockOrNone(clock)),
  gcBefore: isClockOrNone,
  writeLog: isListOf(isTime),
  retryAt: isTime,
  refusedPlan: isText,
  deviceDue: isTime,
  quarantine: isPlainObject,
  review: isListOf(isText),
  held: isListOf(isHeld),
  status: isOptional(isStatus),
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
  // The records under review are found again only when the collection bound moves past this device's (cycle.ts):
  // without the list, the bound starts afresh too, so the next sync looks for them instead of pushing them.
  if (unreadable.some((u) => u.field === 'review')) delete fields.gcBefore;
  return { fields: fields as ReadMeta['fields'], unreadable };
}
