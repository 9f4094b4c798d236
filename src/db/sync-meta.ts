/**
 * The sync bookkeeping tables (schema version 3) and the device's hybrid logical clock in them (docs/sync.md, "Clocks":
 * the clock lives in Dexie and advances inside the write's own transaction, because popup, options page and worker
 * are separate realms and an in-memory clock would fork).
 *
 *   syncRecords: one row per synced record, `{ key: 'table/id', ...SyncRecord }`, tombstones included (docs/sync.md, "Merge rules");
 *   syncMeta:    one row per bookkeeping value, `{ k, v }`: `deviceId`, `hlc`, and the engine's SyncMeta fields.
 */
import type { DBCore, DBCoreTransaction, EntityTable, Transaction } from 'dexie';
import { formatHlc, isDeviceId, parseHlc, tick, zeroHlc } from '../core/sync-clock';
import { type SyncRecord, tableIdKey } from '../core/sync-merge';
import { now } from './clock';
import { newDeviceId } from './ids';

export const RECORDS = 'syncRecords';
export const META = 'syncMeta';
/** The name of a bookkeeping row kept as it was when it did not read (sync/meta-rows.ts): `aside:<field>`. */
export const ASIDE_PREFIX = 'aside:';

export interface MetaRow {
  k: string;
  v: unknown;
}

export type RecordRow = SyncRecord & { key: string };

export function toRecordRow(r: SyncRecord): RecordRow {
  return { key: tableIdKey(r), ...r };
}

export function fromRecordRow(row: RecordRow): SyncRecord {
  const { key: _key, ...record } = row;
  return record;
}

/**
 * Marks a transaction as applying data from storage.sync: the middleware writes it as given, without stamping
 * clocks (docs/sync.md, "One sync"; Dexie Cloud's `disableChangeTracking`). The flag lives on the IndexedDB transaction, which is the
 * `trans` every DBCore request of that transaction carries.
 */
const UNTRACKED = Symbol('reseller-invite.untracked');

export function markUntracked(tx: Transaction): void {
  (tx.idbtrans as unknown as Record<symbol, boolean>)[UNTRACKED] = true;
}

export function isUntracked(trans: DBCoreTransaction): boolean {
  return (trans as unknown as Record<symbol, boolean>)[UNTRACKED] === true;
}

/**
 * Marks a transaction whose deletes the partner confirmed (Erase, Replace): its tombstones carry the confirmation,
 * so other browsers apply them however many they are (docs/sync.md, "Held aside"). Call inside the transaction.
 */
const CONFIRMED = Symbol('reseller-invite.confirmed-deletes');

export function markConfirmedDeletes(tx: Transaction): void {
  (tx.idbtrans as unknown as Record<symbol, boolean>)[CONFIRMED] = true;
}

export function deletesConfirmed(trans: DBCoreTransaction): boolean {
  return (trans as unknown as Record<symbol, boolean>)[CONFIRMED] === true;
}

/** The device id and clock the two rows hold, or new ones where they do not read (unwritten). */
export function clockOf(
  idRow: MetaRow | undefined,
  hlcRow: MetaRow | undefined,
): { id: string; hlc: string } {
  // A clock row that does not read is replaced, as a fresh install would make it: it names this device and its clock
  // only, and holds none of the partner's data.
  const id = isDeviceId(idRow?.v) ? idRow.v : newDeviceId();
  const hlc = typeof hlcRow?.v === 'string' && parseHlc(hlcRow.v) ? hlcRow.v : formatHlc(zeroHlc(id));
  return { id, hlc };
}

/** Reads the clock at the DBCore level (the middleware), creating the device id on first use (unwritten). */
export async function loadClock(
  down: DBCore,
  trans: DBCoreTransaction,
): Promise<{ id: string; hlc: string }> {
  const rows = (await down.table(META).getMany({ trans, keys: ['deviceId', 'hlc'] })) as (
    | MetaRow
    | undefined
  )[];
  return clockOf(rows[0], rows[1]);
}

/** The same through Dexie (the engine's store). */
export async function loadClockRows(table: EntityTable<MetaRow, 'k'>): Promise<{ id: string; hlc: string }> {
  const [idRow, hlcRow] = await table.bulkGet(['deviceId', 'hlc']);
  return clockOf(idRow, hlcRow);
}

/** The next clock of a local edit (docs/sync.md, "Clocks"), persisted in the same transaction. */
export async function nextClock(down: DBCore, trans: DBCoreTransaction): Promise<string> {
  const { id, hlc } = await loadClock(down, trans);
  const current = parseHlc(hlc);
  if (!current) throw new Error(`invalid clock ${hlc}`);
  const next = formatHlc(tick(current, now()));
  const values: MetaRow[] = [
    { k: 'deviceId', v: id },
    { k: 'hlc', v: next },
  ];
  await down.table(META).mutate({ type: 'put', trans, values });
  return next;
}

/** Sync on or off on this device (a device setting: it never syncs). On unless the partner turned it off. */
export async function getSyncEnabled(db: { syncMeta: EntityTable<MetaRow, 'k'> }): Promise<boolean> {
  return (await db.syncMeta.get('enabled'))?.v !== false;
}

export async function setSyncEnabled(
  db: { syncMeta: EntityTable<MetaRow, 'k'> },
  enabled: boolean,
): Promise<void> {
  await db.syncMeta.put({ k: 'enabled', v: enabled });
}

/**
 * The values of sync's own bookkeeping kept aside because they did not read (sync/meta-rows.ts), by field name.
 * A few rows at most, so read on every Options load, apart from the once-per-version check of the records
 * (stored-check.ts).
 */
export async function keptAside(db: MetaDb): Promise<string[]> {
  const keys = await asideRows(db).primaryKeys();
  return keys.map((k) => k.slice(ASIDE_PREFIX.length));
}

/** The partner lets them go: the kept values are deleted, and nothing else. */
export async function forgetKeptAside(db: MetaDb): Promise<void> {
  await asideRows(db).delete();
}

type MetaDb = { syncMeta: EntityTable<MetaRow, 'k'> };
const asideRows = (db: MetaDb) => db.syncMeta.where('k').startsWith(ASIDE_PREFIX);
