/**
 * The change-tracking DBCore middleware (docs/decisions.md, "Clocks stamped by Dexie middleware, in the write's transaction", modelled on Dexie Cloud's
 * createMutationTrackingMiddleware): every write to a synced table, from any extension context, stamps the changed
 * fields with a fresh HLC and records the result in `syncRecords`, inside the write's own transaction, so no write
 * escapes sync and an aborted write leaves no clock behind. A delete becomes a tombstone there (docs/sync.md, "Merge rules") while the row
 * really goes, so no query of src/db ever sees a deleted record. Transactions marked with `markUntracked` (data
 * applied from storage.sync, docs/sync.md, "One sync") pass through untouched.
 */
import type {
  DBCore,
  DBCoreDeleteRequest,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import { deleteRecord, editRecord, type SyncRecord, type SyncTable, tableIdKey } from '../core/sync-merge';
import { bookkeepingMiddleware } from './bookkeeping-middleware';
import { fieldsOf, isTracked, type Row, stampRow } from './sync-fields';
import {
  deletesConfirmed,
  fromRecordRow,
  isUntracked,
  META,
  nextClock,
  RECORDS,
  type RecordRow,
  toRecordRow,
} from './sync-meta';

const SYNCED: ReadonlySet<string> = new Set(['customers', 'invitations', 'settings']);

interface Ctx {
  down: DBCore;
  table: DBCoreTable;
  name: SyncTable;
}

async function previous(
  ctx: Ctx,
  trans: DBCoreTransaction,
  ids: string[],
): Promise<(SyncRecord | undefined)[]> {
  const keys = ids.map((id) => tableIdKey({ table: ctx.name, id }));
  const rows = (await ctx.down.table(RECORDS).getMany({ trans, keys })) as (RecordRow | undefined)[];
  return rows.map((r) => (r ? fromRecordRow(r) : undefined));
}

async function saveRecords(ctx: Ctx, trans: DBCoreTransaction, records: SyncRecord[]): Promise<void> {
  if (records.length === 0) return;
  await ctx.down.table(RECORDS).mutate({ type: 'put', trans, values: records.map(toRecordRow) });
}

/** add / put: stamp each tracked row; the merge rules may raise an invitation's epoch, which the row takes too. */
async function trackWrite(ctx: Ctx, req: Extract<DBCoreMutateRequest, { values: readonly unknown[] }>) {
  const extract = ctx.table.schema.primaryKey.extractKey;
  const ids = req.values.map((v, i) => String(req.keys?.[i] ?? extract?.(v)));
  const tracked = ids.flatMap((id, i) => (isTracked(ctx.name, id) ? [i] : []));
  if (tracked.length === 0) return ctx.table.mutate(req);
  const prev = await previous(
    ctx,
    req.trans,
    tracked.map((i) => ids[i] as string),
  );
  const clock = await nextClock(ctx.down, req.trans);
  const values = [...req.values] as Row[];
  const records = tracked.map((i, j) => {
    const row = values[i] as Row;
    const record = stampRow(prev[j], ctx.name, ids[i] as string, row, clock);
    if (ctx.name === 'invitations' && record.fields.epoch !== row.epoch)
      values[i] = { ...row, epoch: record.fields.epoch };
    return record;
  });
  const res = await ctx.table.mutate({ ...req, values });
  const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
  await saveRecords(
    ctx,
    req.trans,
    records.filter((_, j) => !failed.has(tracked[j] as number)),
  );
  return res;
}

/** delete: each record that exists becomes a tombstone (personal fields blanked, sync-merge.ts `deleteRecord`). */
async function trackDelete(ctx: Ctx, req: DBCoreDeleteRequest): Promise<DBCoreMutateResponse> {
  const ids = req.keys.map(String).filter((id) => isTracked(ctx.name, id));
  if (ids.length === 0) return ctx.table.mutate(req);
  const [prev, rows] = await Promise.all([
    previous(ctx, req.trans, ids),
    ctx.table.getMany({ trans: req.trans, keys: ids }) as Promise<(Row | undefined)[]>,
  ]);
  const clock = await nextClock(ctx.down, req.trans);
  const confirmed = deletesConfirmed(req.trans);
  const records = ids.flatMap((id, j) => {
    const row = rows[j];
    // A row written before tracking existed (never, after the version 3 upgrade) is recorded first.
    const base =
      prev[j] ?? (row ? editRecord(undefined, ctx.name, id, fieldsOf(ctx.name, row), clock) : undefined);
    return base && (row || !base.deleted) ? [deleteRecord(base, clock, confirmed)] : [];
  });
  const res = await ctx.table.mutate(req);
  await saveRecords(ctx, req.trans, records);
  return res;
}

async function track(ctx: Ctx, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  if (req.type === 'add' || req.type === 'put') return trackWrite(ctx, req);
  if (req.type === 'delete') return trackDelete(ctx, req);
  // deleteRange (Table.clear(), Collection.delete() without a filter): delete key by key, so each leaves a tombstone.
  const query = { index: ctx.table.schema.primaryKey, range: req.range };
  const { result } = await ctx.table.query({ trans: req.trans, values: false, query });
  return trackDelete(ctx, { type: 'delete', trans: req.trans, keys: result });
}

// Every read-write transaction on a synced table also covers the bookkeeping tables (docs/decisions.md, "Clocks
// stamped by Dexie middleware, in the write's transaction"); each write reads the clock the previous one wrote.
export const syncTracking = bookkeepingMiddleware({
  name: 'syncTracking',
  watched: SYNCED,
  tables: [RECORDS, META],
  write: (down, table, req) => track({ down, table, name: table.name as SyncTable }, req),
  passThrough: (req) => isUntracked(req.trans),
});
