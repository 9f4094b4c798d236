/**
 * The merge of synced records (docs/sync.md, "Merge rules"): a join, so it is commutative, associative and idempotent, and
 * every browser that has seen the same edits holds the same records whatever the order they arrived in.
 *
 * - A field is a last-writer-wins register ordered by its HLC string (the device id inside breaks ties).
 * - An invitation's transition (`status`, `epoch` and the fields a transition sets: TRANSITION_FIELDS and any
 *   `status*`) moves as one and merges by (epoch, STATUS_ORDER of invitation.ts, clock): a stale "pending" never
 *   overwrites "accepted"; a transition down the order bumps the epoch (`startsNewEpoch`), so a reopen wins.
 * - Send times (`sentAt`) are the current cycle's: within one epoch a grow-only set (union), and a higher epoch
 *   replaces them (dropping a send time bumps the epoch). `firstSentAt`/`lastSentAt` are index keys derived from
 *   them (`sendKeys`), recomputed, never merged on their own.
 * - A delete is a tombstone clock. The record is dead while no field clock is later than the tombstone; an edit
 *   strictly after it resurrects the record (docs/sync.md, "Merge rules"): keeping an edit is never a
 *   loss, and the user can delete again. `deleteRecord` also blanks every LWW field at the tombstone's clock, so
 *   the customer's personal data leaves the synced copy with the delete rather than at collection.
 * - Fields this version does not know (added by a newer one) merge as LWW fields and survive a round trip.
 */

import { definedOnly } from './defined-only';
import { SEND_KEYS, sendKeys, startsNewEpoch, statusRank } from './invitation';
import { compareHlc, maxHlc } from './sync-clock';

export type SyncTable = 'customers' | 'invitations' | 'settings';
export const SYNC_TABLES: readonly SyncTable[] = ['customers', 'invitations', 'settings'];

export interface SyncRecord {
  id: string;
  table: SyncTable;
  /** JSON values only (strings, numbers, booleans, arrays, plain objects, null): docs/sync.md, "Wire format", uBO's Date bug. */
  fields: Record<string, unknown>;
  /** Field name → HLC string of its last write. A field is present when it has a clock. */
  clocks: Record<string, string>;
  /** Tombstone HLC. */
  deleted?: string;
}

/** What one transition of status.ts sets besides the status: it travels with the status. */
export const TRANSITION_FIELDS: readonly string[] = [
  'status',
  'epoch',
  'previous',
  'changedAt',
  'lastAction',
  'acceptedAt',
  'endedAt',
];
const SENT = 'sentAt';
const isSendKey = (field: string) => (SEND_KEYS as readonly string[]).includes(field);

export function inStatusGroup(table: SyncTable, field: string): boolean {
  return table === 'invitations' && (TRANSITION_FIELDS.includes(field) || field.startsWith('status'));
}

function special(table: SyncTable, field: string): boolean {
  return inStatusGroup(table, field) || (table === 'invitations' && (field === SENT || isSendKey(field)));
}

/** JSON with object keys sorted: equal values give equal strings, on every device. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function fieldNames(r: SyncRecord): string[] {
  return [...new Set([...Object.keys(r.fields), ...Object.keys(r.clocks)])];
}

const has = (r: SyncRecord, name: string) => name in r.clocks || name in r.fields;
const fieldValue = (r: SyncRecord, name: string) => r.fields[name] ?? null;

/** The later of two (value, clock) pairs; equal clocks (one event seen twice) fall back to the value's JSON. */
function lwwWinner(a: SyncRecord, b: SyncRecord, name: string): SyncRecord {
  if (!has(a, name)) return b;
  if (!has(b, name)) return a;
  const order = compareHlc(a.clocks[name] ?? '', b.clocks[name] ?? '');
  if (order !== 0) return order > 0 ? a : b;
  return stableStringify(fieldValue(a, name)) >= stableStringify(fieldValue(b, name)) ? a : b;
}

function compareElements(x: unknown, y: unknown): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number' || typeof y === 'number') return typeof x === 'number' ? -1 : 1;
  const [sx, sy] = [stableStringify(x), stableStringify(y)];
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

/** Union of two sets, deduplicated and sorted (numbers ascending, first). */
export function unionSet(a: unknown, b: unknown): unknown[] {
  const seen = new Map<string, unknown>();
  for (const v of [a, b].flatMap((s) => (Array.isArray(s) ? s : s === null || s === undefined ? [] : [s]))) {
    seen.set(stableStringify(v), v);
  }
  return [...seen.values()].sort(compareElements);
}

function groupOf(r: SyncRecord): string[] {
  return fieldNames(r)
    .filter((name) => inStatusGroup(r.table, name))
    .sort();
}

function epochOf(r: SyncRecord): number {
  const e = r.fields.epoch;
  return typeof e === 'number' && Number.isFinite(e) ? e : 0;
}

/** The side whose transition wins: higher (epoch, status order, latest clock in the group), then the group's JSON. */
function groupWinner(a: SyncRecord, b: SyncRecord): SyncRecord {
  const d = epochOf(a) - epochOf(b) || statusRank(a.fields.status) - statusRank(b.fields.status);
  if (d !== 0) return d > 0 ? a : b;
  const clock = (r: SyncRecord) => groupOf(r).reduce((m, n) => maxHlc(m, r.clocks[n]), '');
  const order = compareHlc(clock(a), clock(b));
  if (order !== 0) return order > 0 ? a : b;
  const json = (r: SyncRecord) =>
    stableStringify(groupOf(r).map((n) => [n, fieldValue(r, n), r.clocks[n] ?? '']));
  return json(a) >= json(b) ? a : b;
}

type Out = { fields: Record<string, unknown>; clocks: Record<string, string> };

/** Send times: the higher epoch's, or the union within one epoch; then the index keys derived from them. */
function mergeSent(a: SyncRecord, b: SyncRecord, out: Out): void {
  const d = epochOf(a) - epochOf(b);
  const from = d > 0 ? [a] : d < 0 ? [b] : [a, b];
  const sent = unionSet(from[0]?.fields[SENT], from[1]?.fields[SENT]);
  const clock = from.reduce((m, r) => maxHlc(m, r.clocks[SENT]), '');
  if (has(a, SENT) || has(b, SENT)) {
    out.fields[SENT] = sent;
    out.clocks[SENT] = clock;
  }
  const keys = sendKeys(sent.filter((t): t is number => typeof t === 'number'));
  for (const name of SEND_KEYS) {
    if (!has(a, name) && !has(b, name)) continue;
    out.fields[name] = keys[name];
    out.clocks[name] = clock;
  }
}

function sortedRecord(r: SyncRecord): SyncRecord {
  const out: SyncRecord = { id: r.id, table: r.table, fields: {}, clocks: {} };
  for (const name of fieldNames(r).sort()) {
    out.fields[name] = fieldValue(r, name);
    out.clocks[name] = r.clocks[name] ?? '';
  }
  if (r.deleted) out.deleted = r.deleted;
  return out;
}

export function mergeRecords(a: SyncRecord, b: SyncRecord): SyncRecord {
  if (a.id !== b.id || a.table !== b.table)
    throw new Error(`cannot merge ${a.table}/${a.id} with ${b.table}/${b.id}`);
  const out: Out = { fields: {}, clocks: {} };
  const take = (from: SyncRecord, name: string) => {
    out.fields[name] = fieldValue(from, name);
    out.clocks[name] = from.clocks[name] ?? '';
  };
  for (const name of new Set([...fieldNames(a), ...fieldNames(b)])) {
    if (!special(a.table, name)) take(lwwWinner(a, b, name), name);
  }
  if (a.table === 'invitations') {
    const winner = groupWinner(a, b);
    for (const name of groupOf(winner)) take(winner, name);
    mergeSent(a, b, out);
  }
  const deleted = maxHlc(a.deleted, b.deleted);
  return sortedRecord({ id: a.id, table: a.table, ...out, ...(deleted ? { deleted } : {}) });
}

/** The latest clock anywhere in a record (field clocks and tombstone). */
export function lastClock(r: SyncRecord): string {
  let last = r.deleted ?? '';
  for (const c of Object.values(r.clocks)) if (c > last) last = c;
  return last;
}

export function isAlive(r: SyncRecord): boolean {
  const del = r.deleted;
  return !del || Object.values(r.clocks).some((c) => c > del);
}

/** Where a record lives, `table/id`: the key of `syncRecords` and of every map of records by identity. */
export function tableIdKey(r: { table: SyncTable; id: string }): string {
  return `${r.table}/${r.id}`;
}

/** A record's content fingerprint, its canonical text: equal records (in the merge's sense) give equal strings. */
export function recordFingerprint(r: SyncRecord): string {
  return stableStringify(sortedRecord(r));
}

export function sameRecord(a: SyncRecord, b: SyncRecord): boolean {
  return recordFingerprint(a) === recordFingerprint(b);
}

/**
 * A local edit, as the change-tracking middleware applies it: fields whose value changes get `clock`. An edit that
 * `startsNewEpoch` bumps the epoch unless the caller (status.ts) already raised it; within one epoch a send time is
 * never dropped.
 */
export function editRecord(
  prev: SyncRecord | undefined,
  table: SyncTable,
  id: string,
  values: Record<string, unknown>,
  clock: string,
): SyncRecord {
  const base = prev ?? { id, table, fields: {}, clocks: {} };
  const given = definedOnly(values);
  const fields = { ...base.fields, ...given };
  const raised = epochOf({ ...base, fields }) > epochOf(base);
  const bumps = prev !== undefined && startsNewEpoch(base.fields, fields);
  if (table === 'invitations' && !raised && bumps) fields.epoch = epochOf(base) + 1;
  const changed = Object.keys(fields).filter(
    (name) => !(name in base.clocks) || stableStringify(fields[name]) !== stableStringify(base.fields[name]),
  );
  const clocks = { ...base.clocks };
  for (const name of changed) clocks[name] = clock;
  if (changed.some((name) => inStatusGroup(table, name)) && 'epoch' in fields) clocks.epoch = clock;
  return sortedRecord({ ...base, fields, clocks });
}

/**
 * The field that says a delete was confirmed by the partner (Erase, Replace): its value is the tombstone clock it
 * confirms. An ordinary LWW field, so an older version carries it as an unknown field; a later delete blanks it, so
 * it never confirms a delete it was not made with (docs/sync.md, "Held aside").
 */
export const CONFIRMED_FIELD = 'deleteConfirmed';

/**
 * A delete: the tombstone clock, and every LWW field blanked at that clock (see the file comment). `confirmed`:
 * the partner confirmed it as part of an Erase or Replace, which other browsers then apply however many it deletes.
 */
export function deleteRecord(prev: SyncRecord, clock: string, confirmed = false, into?: string): SyncRecord {
  const fields = { ...prev.fields };
  const clocks = { ...prev.clocks };
  // A record merged into another keeps its values: they live on in the survivor, and a browser that merged with
  // less than all of them still finds them here (core/sync-dedupe.ts).
  for (const name of into === undefined ? fieldNames(prev) : []) {
    if (special(prev.table, name)) continue;
    fields[name] = null;
    clocks[name] = clock;
  }
  if (confirmed) {
    fields[CONFIRMED_FIELD] = clock;
    clocks[CONFIRMED_FIELD] = clock;
  }
  if (into !== undefined) {
    fields[MERGED_FIELD] = into;
    clocks[MERGED_FIELD] = clock;
  }
  return sortedRecord({ ...prev, fields, clocks, deleted: maxHlc(prev.deleted, clock) });
}

/**
 * The field a record merged into another (two browsers created the same customer: core/sync-dedupe.ts) carries with
 * its tombstone: the survivor's id. Like `CONFIRMED_FIELD`, an ordinary LWW field that a later delete blanks.
 */
export const MERGED_FIELD = 'mergedInto';

/** The survivor a deleted record was merged into, when its tombstone says so. */
export function mergedInto(r: SyncRecord): string | undefined {
  const into = r.fields[MERGED_FIELD];
  return r.deleted && typeof into === 'string' && r.clocks[MERGED_FIELD] === r.deleted ? into : undefined;
}

/** Whether a record's tombstone is one the partner confirmed (see `CONFIRMED_FIELD`). */
export function isConfirmedDelete(r: SyncRecord): boolean {
  return r.deleted !== undefined && r.deleted !== '' && r.fields[CONFIRMED_FIELD] === r.deleted;
}
