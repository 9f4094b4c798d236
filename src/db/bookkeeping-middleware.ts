/**
 * The shape both bookkeeping middlewares share (sync-tracking.ts, counts-middleware.ts): every read-write
 * transaction on a watched table also covers the bookkeeping tables, and each write to a watched table goes through
 * `write`, inside its own transaction, so an aborted write leaves nothing behind and no write path can forget it.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';

export interface Bookkeeping {
  name: string;
  /** The tables whose writes are kept. */
  watched: ReadonlySet<string>;
  /** The tables the bookkeeping writes, added to every read-write transaction on a watched table. */
  tables: readonly string[];
  /** One write to a watched table and its bookkeeping; the writes of one transaction come one after the other. */
  write(down: DBCore, table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse>;
  /** A write to let through as it is, without bookkeeping. */
  passThrough?(req: DBCoreMutateRequest): boolean;
}

export function bookkeepingMiddleware(b: Bookkeeping): Middleware<DBCore> {
  // Each write reads what the previous one of its transaction wrote (rows replaced, clock, buckets): two
  // interleaved would both start from the same stale state.
  const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();
  const serial = <T>(trans: DBCoreTransaction, work: () => Promise<T>): Promise<T> => {
    const result = (queues.get(trans) ?? Promise.resolve()).then(work, work);
    queues.set(
      trans,
      result.catch(() => undefined),
    );
    return result;
  };
  return {
    stack: 'dbcore',
    name: b.name,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const all =
            mode === 'readwrite' && stores.some((s) => b.watched.has(s)) ? [...stores, ...b.tables] : stores;
          return down.transaction([...new Set(all)], mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!b.watched.has(name)) return table;
          return {
            ...table,
            mutate: (req) =>
              b.passThrough?.(req) ? table.mutate(req) : serial(req.trans, () => b.write(down, table, req)),
          };
        },
      };
    },
  };
}
