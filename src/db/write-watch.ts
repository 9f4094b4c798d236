/**
 * Calls a listener once after each committed transaction of this Dexie instance that wrote to the partner's data
 * (customers, invitations, events, settings). A page registers it once (ui/tell-worker.ts) to tell the worker,
 * which cannot observe a page's writes itself (no liveQuery in a service worker; docs/architecture.md, "Data flow"): every write reaches
 * sync and the badge, including ones whose caller forgot, and a transaction of a hundred puts tells it once.
 * Only this instance's own transactions count: changes seen from other contexts never echo back.
 */
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import type { ResellerDb } from './db';

const WATCHED: ReadonlySet<string> = new Set(['customers', 'invitations', 'events', 'settings']);

export function watchWrites(db: ResellerDb, onCommit: () => void): void {
  const wrote = new WeakSet<DBCoreTransaction>();
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'writeWatch',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const trans = down.transaction(stores, mode, options);
        // The base DBCore's transaction is the IDBTransaction itself: `complete` fires only once committed, so an
        // aborted write tells nobody.
        const events = trans as Partial<Pick<IDBTransaction, 'addEventListener'>>;
        if (mode === 'readwrite' && typeof events.addEventListener === 'function') {
          events.addEventListener('complete', () => {
            if (wrote.has(trans)) onCommit();
          });
        }
        return trans;
      },
      table(name) {
        const table = down.table(name);
        if (!WATCHED.has(name)) return table;
        return {
          ...table,
          mutate(req) {
            wrote.add(req.trans);
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(middleware);
}
