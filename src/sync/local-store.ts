/**
 * The engine's view of the local database (Dexie in the extension, tests/sync/memory-store.ts in tests). Dexie stays the
 * one source of truth (docs/decisions.md, "One writer to storage.sync: the worker"): the engine reads everything that syncs, hands back merged records, and
 * keeps its own bookkeeping in `SyncMeta`. Every method is async and each one is meant to be one IndexedDB
 * transaction holding IndexedDB work only (docs/decisions.md, "Clocks stamped by Dexie middleware, in the write's transaction").
 *
 * There is no "dirty since mark" query: each sync compares the whole local state with what `storage.sync` holds
 * (the dominance check of docs/sync.md, "One sync" applied to every shard), which also covers a worker killed between the Dexie commit
 * and `set()` or between `set()` and any bookkeeping (docs/sync.md, "One sync"): nothing to clear, nothing to lose.
 */
import { ceilingAt, formatHlc, type Hlc, parseHlc, receive, zeroHlc } from '../core/sync-clock';
import type { DedupePlan } from '../core/sync-dedupe';
import type { SyncRecord, SyncTable } from '../core/sync-merge';
import type { SyncStatus } from '../core/sync-status';
import type { HeldRecord } from './hold';

export interface RecordRef {
  table: SyncTable;
  id: string;
}

export interface SyncMeta {
  /** 6 chars [0-9A-Za-z], made once per install; it ends every HLC this device issues. */
  deviceId: string;
  /** This device's hybrid logical clock (docs/sync.md, "Clocks"), shared with the change-tracking middleware. */
  hlc: string;
  /** Acks: the highest own-edit clock (`hw`) of each other device whose outbox we have merged (docs/sync.md, "Device keys, acks and the outbox"). */
  acks: Record<string, string>;
  /** Tombstones before this clock are collected everywhere (docs/sync.md, "Tombstones and their collection"); '' before the first collection. */
  gcBefore: string;
  /** Times of our own `set()`/`remove()` calls in the last hour: the budget survives a worker restart (docs/sync.md, "Budgets and quotas"). */
  writeLog: number[];
  /** No write before this time (after a rate error, docs/sync.md, "Budgets and quotas"). */
  retryAt: number;
  /** A plan storage.sync refused for size: not sent again until something changes (docs/sync.md, "Budgets and quotas"). */
  refusedPlan: string;
  /** A write of only our device key (acks, outbox) is deferred until then; 0 when none is pending (docs/sync.md, "Device keys, acks and the outbox"). */
  deviceDue: number;
  /** Raw values of our keys that this version could not read, kept and never overwritten (docs/sync.md, "Wire format"). */
  quarantine: Record<string, unknown>;
  /** Records kept locally but not pushed: older than a collection this device missed (docs/sync.md, "Tombstones and their collection"). */
  review: string[];
  /** Records from other browsers held aside, not applied (hold.ts; docs/sync.md, "Held aside"). */
  held: HeldRecord[];
  /** The last status shown to the user. */
  status?: SyncStatus;
}

export interface LocalStore {
  /** Every synced record, tombstones included. */
  readAll(): Promise<SyncRecord[]>;
  /**
   * Merges records from storage.sync (one per table and id) into the local ones with `mergeRecords`, in one
   * transaction (a `bulkGet` then a `bulkPut` of those that changed), without stamping
   * new clocks or counting them as local edits (the middleware's `disableChangeTracking`, docs/sync.md, "One sync"), and advances the
   * HLC past every clock in them (`advanceClock`). Resolves with the records whose stored value changed.
   */
  applyRemote(records: readonly SyncRecord[], now: number): Promise<SyncRecord[]>;
  /** Removes collected tombstones for good (docs/sync.md, "Tombstones and their collection"). */
  purge(refs: readonly RecordRef[]): Promise<void>;
  /**
   * The partner keeps records a held deletion would remove: each local record is stamped again, every field at one
   * fresh clock later than every clock in `over` (the held copies), so it is an edit after that delete and stays
   * alive everywhere (docs/sync.md, "Merge rules": an edit after a delete resurrects). Nothing else changes.
   */
  restamp(over: readonly SyncRecord[], now: number): Promise<void>;
  /**
   * Makes one customer of those two browsers created (core/sync-dedupe.ts): its edits and deletes are local edits,
   * stamped and synced like the partner's; a merged-away customer's history moves to its survivor.
   */
  dedupe(plan: DedupePlan, now: number): Promise<void>;
  /** Sync bookkeeping; the first call creates it (device id included). */
  readMeta(): Promise<SyncMeta>;
  writeMeta(patch: Partial<SyncMeta>): Promise<void>;
}

export function newMeta(deviceId: string): SyncMeta {
  return {
    deviceId,
    hlc: formatHlc(zeroHlc(deviceId)),
    acks: {},
    gcBefore: '',
    writeLog: [],
    retryAt: 0,
    refusedPlan: '',
    deviceDue: 0,
    quarantine: {},
    review: [],
    held: [],
  };
}

/** A local record stamped again at `clock`: every field keeps its value and takes the clock (see `restamp`). */
export function restampRecord(r: SyncRecord, clock: string): SyncRecord {
  const clocks = Object.fromEntries(Object.keys({ ...r.fields, ...r.clocks }).map((name) => [name, clock]));
  return { ...r, fields: { ...r.fields }, clocks };
}

/**
 * The HLC after receiving every clock in `records` (docs/sync.md, "Clocks", applied once with the largest). A clock
 * beyond the bound (a held record the partner applied anyway) is received as the bound itself: our clock never
 * runs more than `MAX_AHEAD_MS` ahead of the wall clock (docs/sync.md, "Held aside").
 */
export function advanceClock(hlc: string, records: readonly SyncRecord[], now: number): string {
  let latest = '';
  for (const r of records) {
    if (r.deleted && r.deleted > latest) latest = r.deleted;
    for (const c of Object.values(r.clocks)) if (c > latest) latest = c;
  }
  const local = parseHlc(hlc);
  const found = parseHlc(latest);
  if (!local) throw new Error(`invalid local clock ${hlc}`);
  if (!found || latest <= hlc) return hlc;
  const top = ceilingAt(now);
  const remote: Hlc = found.pt > top ? { pt: top, c: 0, node: found.node } : found;
  if (remote.pt < local.pt || (remote.pt === local.pt && remote.c <= local.c)) return hlc;
  const next: Hlc = receive(local, remote, now);
  return formatHlc(next);
}
