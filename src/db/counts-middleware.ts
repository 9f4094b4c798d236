/**
 * Keeps the count buckets (count-buckets.ts) that the popup and the badge read in step with the invitations table: a
 * DBCore middleware, so every write to `invitations` from any page or the worker (the app's own, sync's remote
 * applies, backup import, reconcile, undo) updates `countDays` and `countTimes` inside its own transaction. An
 * aborted write leaves no count behind, and no write path can forget them (bookkeeping-middleware.ts).
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import { bookkeepingMiddleware } from './bookkeeping-middleware';
import { type CountDayRow, CountDelta, type CountTimesRow, writesFor } from './count-buckets';

export const COUNTED = 'invitations';
export const COUNT_DAYS = 'countDays';
export const COUNT_TIMES = 'countTimes';

/** DBCoreRangeType.Any (a const enum in Dexie's types): the whole table, as `Table.clear()` asks. */
const WHOLE_TABLE = 3;

async function applyDelta(down: DBCore, trans: DBCoreTransaction, delta: CountDelta): Promise<void> {
  if (delta.empty) return;
  const keys = delta.keys();
  const days = down.table(COUNT_DAYS);
  const times = down.table(COUNT_TIMES);
  const [dayRows, timeRows] = await Promise.all([
    days.getMany({ trans, keys: keys.days }) as Promise<(CountDayRow | undefined)[]>,
    times.getMany({ trans, keys: keys.times }) as Promise<(CountTimesRow | undefined)[]>,
  ]);
  const w = writesFor(delta, dayRows, timeRows);
  const writes: Promise<DBCoreMutateResponse>[] = [];
  if (w.putDays.length) writes.push(days.mutate({ type: 'put', trans, values: w.putDays }));
  if (w.deleteDays.length) writes.push(days.mutate({ type: 'delete', trans, keys: w.deleteDays }));
  if (w.putTimes.length) writes.push(times.mutate({ type: 'put', trans, values: w.putTimes }));
  if (w.deleteTimes.length) writes.push(times.mutate({ type: 'delete', trans, keys: w.deleteTimes }));
  await Promise.all(writes);
}

/**
 * Runs `req` with `before` (a read of the rows it will change) issued just ahead of it: IndexedDB runs a
 * transaction's requests in order, so the read sees the rows as they were, and neither waits on the other.
 */
async function around<T>(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  before: Promise<T>,
): Promise<[T, DBCoreMutateResponse]> {
  return Promise.all([before, table.mutate(req)]);
}

async function counted(
  down: DBCore,
  table: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const delta = new CountDelta();
  if (req.type === 'deleteRange' && req.range.type === WHOLE_TABLE) {
    const wipe = [COUNT_DAYS, COUNT_TIMES].map((name) =>
      down.table(name).mutate({ type: 'deleteRange', trans, range: req.range }),
    );
    const [, res] = await around(table, req, Promise.all(wipe));
    return res;
  }
  if (req.type === 'deleteRange') {
    const query = { index: table.schema.primaryKey, range: req.range };
    const [{ result }, res] = await around(table, req, table.query({ trans, values: true, query }));
    for (const row of result) delta.change(row, -1);
    await applyDelta(down, trans, delta);
    return res;
  }
  if (req.type === 'delete') {
    const keys = [...new Set(req.keys)];
    const [rows, res] = await around(table, req, table.getMany({ trans, keys }));
    for (const row of rows) if (row !== undefined) delta.change(row, -1);
    await applyDelta(down, trans, delta);
    return res;
  }
  // add / put: an add never replaces a row (it fails instead), so only a put reads what it replaces.
  const extract = table.schema.primaryKey.extractKey;
  const keys = req.values.map((v, i) => req.keys?.[i] ?? extract?.(v));
  const unique = [...new Set(keys)];
  const [rows, res] = await around(
    table,
    req,
    table.getMany({ trans, keys: req.type === 'put' ? unique : [] }),
  );
  const current = new Map<unknown, unknown>(req.type === 'put' ? unique.map((k, i) => [k, rows[i]]) : []);
  const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
  req.values.forEach((value, i) => {
    if (failed.has(i)) return;
    // The same key twice in one request: the second replaces the first.
    delta.change(current.get(keys[i]), -1);
    delta.change(value, 1);
    current.set(keys[i], value);
  });
  await applyDelta(down, trans, delta);
  return res;
}

export const countsMiddleware = bookkeepingMiddleware({
  name: 'glanceCounts',
  watched: new Set([COUNTED]),
  tables: [COUNT_DAYS, COUNT_TIMES],
  write: counted,
});
