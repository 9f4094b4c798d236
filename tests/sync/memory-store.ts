/**
 * An in-memory `LocalStore` (docs/sync.md) for the tests and the benchmark. `edit` and `remove` do what the Dexie
 * change-tracking middleware does inside a write's transaction: tick the HLC and stamp the changed fields
 * (docs/sync.md, "Clocks"; docs/decisions.md, "Clocks stamped by Dexie middleware, in the write's transaction").
 */
import { formatHlc, parseHlc, tick } from '../../src/core/sync-clock';
import type { DedupePlan } from '../../src/core/sync-dedupe';
import {
  deleteRecord,
  editRecord,
  mergeRecords,
  type SyncRecord,
  type SyncTable,
  sameRecord,
  tableIdKey,
} from '../../src/core/sync-merge';
import {
  advanceClock,
  type LocalStore,
  newMeta,
  type RecordRef,
  restampRecord,
  type SyncMeta,
} from '../../src/sync/local-store';
import { readMetaRows } from '../../src/sync/meta-rows';

/** A copy the caller may not share state through (field values are never mutated, only replaced). */
function clone(r: SyncRecord): SyncRecord {
  return { ...r, fields: { ...r.fields }, clocks: { ...r.clocks } };
}

export class MemoryLocalStore implements LocalStore {
  readonly records = new Map<string, SyncRecord>();
  private meta: SyncMeta;

  constructor(deviceId: string) {
    this.meta = newMeta(deviceId);
  }

  get deviceId(): string {
    return this.meta.deviceId;
  }

  async readAll(): Promise<SyncRecord[]> {
    return [...this.records.values()].map(clone);
  }

  async applyRemote(records: readonly SyncRecord[], now: number): Promise<SyncRecord[]> {
    const changed: SyncRecord[] = [];
    for (const remote of records) {
      const key = tableIdKey(remote);
      const local = this.records.get(key);
      const merged = local ? mergeRecords(local, remote) : mergeRecords(remote, remote);
      if (local && sameRecord(local, merged)) continue;
      this.records.set(key, merged);
      changed.push(clone(merged));
    }
    this.meta.hlc = advanceClock(this.meta.hlc, records, now);
    return changed;
  }

  async purge(refs: readonly RecordRef[]): Promise<void> {
    for (const ref of refs) this.records.delete(tableIdKey(ref));
  }

  async restamp(over: readonly SyncRecord[], now: number): Promise<void> {
    this.meta.hlc = advanceClock(this.meta.hlc, over, now);
    const clock = this.nextClock(now);
    for (const held of over) {
      const key = tableIdKey(held);
      const local = this.records.get(key);
      if (local) this.records.set(key, restampRecord(local, clock));
    }
  }

  async dedupe(plan: DedupePlan, now: number): Promise<void> {
    for (const e of plan.edits) this.edit(e.table, e.id, e.values, now);
    for (const r of plan.removes) this.remove(r.table, r.id, now, false, r.into);
  }

  async readMeta(): Promise<SyncMeta> {
    return structuredClone(this.meta);
  }

  /**
   * As the Dexie store stores it, each field is read back by the store's own reader (sync/meta-rows.ts): anything the
   * engine writes that the reader would set aside fails the test that wrote it.
   */
  async writeMeta(patch: Partial<SyncMeta>): Promise<void> {
    const { deviceId: _id, hlc: _hlc, ...fields } = patch;
    const { unreadable } = readMetaRows(Object.entries(fields).map(([k, v]) => ({ k, v })));
    if (unreadable.length > 0)
      throw new Error(`bookkeeping that does not read back: ${JSON.stringify(unreadable)}`);
    this.meta = { ...this.meta, ...structuredClone(patch) };
  }

  /** The next clock for a local write (the middleware's read-modify-write of `syncMeta.hlc`). */
  private nextClock(now: number): string {
    const current = parseHlc(this.meta.hlc);
    if (!current) throw new Error('corrupt clock');
    this.meta.hlc = formatHlc(tick(current, now));
    return this.meta.hlc;
  }

  /** A local edit (create or update), stamped as the middleware would. */
  edit(table: SyncTable, id: string, values: Record<string, unknown>, now: number): SyncRecord {
    const key = tableIdKey({ table, id });
    const record = editRecord(this.records.get(key), table, id, values, this.nextClock(now));
    this.records.set(key, record);
    return clone(record);
  }

  /** A local delete: a tombstone, never a missing row (docs/sync.md, "Merge rules"); `confirmed` as an Erase or Replace marks it. */
  remove(
    table: SyncTable,
    id: string,
    now: number,
    confirmed = false,
    into?: string,
  ): SyncRecord | undefined {
    const key = tableIdKey({ table, id });
    const prev = this.records.get(key);
    if (!prev) return undefined;
    const record = deleteRecord(prev, this.nextClock(now), confirmed, into);
    this.records.set(key, record);
    return clone(record);
  }

  get(table: SyncTable, id: string): SyncRecord | undefined {
    const r = this.records.get(tableIdKey({ table, id }));
    return r ? clone(r) : undefined;
  }
}
