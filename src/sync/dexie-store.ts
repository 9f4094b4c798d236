/**
 * The engine's `LocalStore` over the extension's Dexie database (docs/decisions.md, "One writer to storage.sync: the worker": Dexie is the source of truth).
 * Synced records, tombstones included, are the `syncRecords` rows the change-tracking middleware keeps
 * (db/sync-tracking.ts); this store reads them, and applies remote records to them and to the live tables in one
 * transaction marked untracked, so applied values are not stamped again nor counted as local edits (docs/sync.md, "One sync").
 * Lives in src/sync, not src/db, because it implements the engine's interface (sync may import db, not the reverse).
 */
import Dexie from 'dexie';
import { formatHlc, maxHlc, parseHlc, tick } from '../core/sync-clock';
import type { DedupePlan } from '../core/sync-dedupe';
import {
  deleteRecord,
  isAlive,
  mergedInto,
  mergeRecords,
  type SyncRecord,
  type SyncTable,
  sameRecord,
  tableIdKey,
} from '../core/sync-merge';
import { fromRow, toRow } from '../db/customers';
import type { CustomerRow, ResellerDb } from '../db/db';
import { rowOf } from '../db/sync-fields';
import {
  clockOf,
  fromRecordRow,
  loadClockRows,
  type MetaRow,
  markUntracked,
  toRecordRow,
} from '../db/sync-meta';
import { rowProblems } from './check-record';
import {
  advanceClock,
  type LocalStore,
  newMeta,
  type RecordRef,
  restampRecord,
  type SyncMeta,
} from './local-store';
import { asideKey, type ReadMeta, readMetaRows } from './meta-rows';

/** The history (events) of a record merged into another moves to it: events stay on each browser, never lost. */
async function moveHistory(db: ResellerDb, table: SyncTable, from: string, into: string): Promise<void> {
  if (table === 'customers') {
    const range = db.events.where('[customerId+at]').between([from, Dexie.minKey], [from, Dexie.maxKey]);
    await range.modify({ customerId: into });
  } else if (table === 'invitations') {
    await db.events.filter((e) => e.invitationId === from).modify({ invitationId: into });
  }
}

export class DexieLocalStore implements LocalStore {
  constructor(private readonly db: ResellerDb) {}

  async readAll(): Promise<SyncRecord[]> {
    return (await this.db.syncRecords.toArray()).map(fromRecordRow);
  }

  async applyRemote(records: readonly SyncRecord[], now: number): Promise<SyncRecord[]> {
    const { db } = this;
    const tables = [db.customers, db.invitations, db.settings, db.events, db.syncRecords, db.syncMeta];
    return db.transaction('rw', tables, async (tx) => {
      markUntracked(tx);
      const stored = await db.syncRecords.bulkGet(records.map((r) => tableIdKey(r)));
      const changed: SyncRecord[] = [];
      for (const [i, remote] of records.entries()) {
        const local = stored[i];
        const merged = mergeRecords(local ? fromRecordRow(local) : remote, remote);
        if (local && sameRecord(fromRecordRow(local), merged)) continue;
        changed.push(merged);
      }
      await db.syncRecords.bulkPut(changed.map(toRecordRow));
      for (const record of changed) await this.materialise(record);
      const meta = await this.readMeta();
      await this.writeMeta({ hlc: advanceClock(meta.hlc, records, now) });
      return changed;
    });
  }

  /**
   * The live row a merged record becomes: put when alive, gone (with a customer's history) when dead. A row that
   * would not parse (a record that arrived without the fields a row needs) is not written: the record is kept in
   * `syncRecords` and becomes a row once its other fields arrive, so the pages never read a broken row.
   */
  private async materialise(record: SyncRecord): Promise<void> {
    const table = this.db.table(record.table);
    if (isAlive(record)) {
      const row = rowOf(record, await table.get(record.id));
      if (record.table !== 'settings' && rowProblems(record.table, row).length > 0) return;
      await table.put(row);
      return;
    }
    await table.delete(record.id);
    const into = mergedInto(record);
    if (into !== undefined) {
      await moveHistory(this.db, record.table, record.id, into);
      return;
    }
    if (record.table === 'customers') {
      // The history stays on each device (docs/sync.md, "What syncs") but not past its customer, as deleteCustomers does locally.
      const range = this.db.events
        .where('[customerId+at]')
        .between([record.id, Dexie.minKey], [record.id, Dexie.maxKey]);
      await range.delete();
    }
  }

  async purge(refs: readonly RecordRef[]): Promise<void> {
    const keys = refs.map((r) => tableIdKey(r));
    await this.db.transaction('rw', this.db.syncRecords, async () => {
      const rows = await this.db.syncRecords.bulkGet(keys);
      const dead = rows.flatMap((r) => (r && !isAlive(r) ? [r.key] : []));
      await this.db.syncRecords.bulkDelete(dead);
    });
  }

  async restamp(over: readonly SyncRecord[], now: number): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.syncRecords, db.syncMeta], async () => {
      const { hlc } = await loadClockRows(db.syncMeta);
      const current = parseHlc(advanceClock(hlc, over, now));
      if (!current) throw new Error(`invalid clock ${hlc}`);
      const clock = formatHlc(tick(current, now));
      const rows = await db.syncRecords.bulkGet(over.map((r) => tableIdKey(r)));
      const records = rows.flatMap((row) => (row ? [restampRecord(fromRecordRow(row), clock)] : []));
      await db.syncRecords.bulkPut(records.map(toRecordRow));
      await db.syncMeta.put({ k: 'hlc', v: clock });
    });
  }

  async dedupe(plan: DedupePlan, _now: number): Promise<void> {
    const { db } = this;
    // An ordinary, tracked transaction: the middleware stamps these writes as this device's edits.
    await db.transaction('rw', [db.customers, db.invitations, db.events, db.syncRecords], async () => {
      for (const e of plan.edits) {
        const table = db.table(e.table);
        const row = await table.get(e.id);
        if (!row) continue;
        const next = { ...row, ...e.values };
        await table.put(e.table === 'customers' ? toRow(fromRow(next as CustomerRow)) : next);
      }
      for (const r of plan.removes) {
        await moveHistory(db, r.table, r.id, r.into);
        await db.table(r.table).delete(r.id);
        // The tombstone the middleware just wrote names the survivor (sync-merge.ts MERGED_FIELD).
        const key = tableIdKey(r);
        const row = await db.syncRecords.get(key);
        if (row?.deleted) {
          const marked = deleteRecord(fromRecordRow(row), row.deleted, false, r.into);
          await db.syncRecords.put(toRecordRow(marked));
        }
      }
    });
  }

  async readMeta(): Promise<SyncMeta> {
    return this.db.transaction('rw', this.db.syncMeta, async () => {
      const rows = await this.db.syncMeta.toArray();
      const row = (k: string) => rows.find((r) => r.k === k);
      const { id, hlc } = clockOf(row('deviceId'), row('hlc'));
      const { fields, unreadable } = readMetaRows(rows);
      await this.setAside(rows, unreadable);
      const meta: SyncMeta = { ...newMeta(id), hlc, ...fields };
      if (!row('deviceId'))
        await this.db.syncMeta.bulkPut([
          { k: 'deviceId', v: id },
          { k: 'hlc', v: hlc },
        ]);
      return meta;
    });
  }

  /**
   * Copies each row that did not read to its kept row before the field's next write replaces it; a field that
   * already has one keeps the first (docs/sync.md, "Bookkeeping that does not read").
   */
  private async setAside(rows: readonly MetaRow[], unreadable: ReadMeta['unreadable']): Promise<void> {
    const kept = new Set(rows.map((r) => r.k));
    const copies = unreadable
      .map(({ field, value }) => ({ k: asideKey(field), v: value }))
      .filter((copy) => !kept.has(copy.k));
    if (copies.length === 0) return;
    await this.db.syncMeta.bulkAdd(copies);
    console.warn(`Sync bookkeeping that did not read is kept aside: ${copies.map((c) => c.k).join(', ')}`);
  }

  async writeMeta(patch: Partial<SyncMeta>): Promise<void> {
    await this.db.transaction('rw', this.db.syncMeta, async () => {
      const { deviceId: _id, hlc, ...rest } = patch;
      const rows = Object.entries(rest).map(([k, v]) => ({ k, v: structuredClone(v) }));
      if (hlc !== undefined) {
        // The clock never goes back: the middleware may have ticked it since this patch's reading (docs/sync.md, "Clocks").
        const current = (await loadClockRows(this.db.syncMeta)).hlc;
        rows.push({ k: 'hlc', v: maxHlc(hlc, current) });
      }
      await this.db.syncMeta.bulkPut(rows);
    });
  }
}
