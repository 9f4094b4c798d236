/**
 * The page's database (the one Dexie instance, db/db.ts) and Dexie's liveQuery over it. Pages take `db` from here,
 * never from db/db.ts (tests/architecture.test.ts): loading this module is what tells the worker of every write
 * (tell-worker.ts), so no page can write before it does. The options page loads it with its own script, the popup
 * after its first paint (docs/architecture.md, "The popup's first paint").
 */
import { liveQuery } from 'dexie';
import { db } from '../db/db';
import { keepFirstSettingsCopy, readFirstValues } from '../db/peek';
import { pageStorage } from '../platform';
import { tellWorkerOnWrites } from './tell-worker';

tellWorkerOnWrites(db);
// Opened now, alongside the page's own work, rather than at its first query (which reports a failure).
db.open().catch(() => undefined);
// The popup's next first paint reads this copy (db/peek.ts): renewed by whatever changes the settings while a page
// runs, this page's writes or another context's; dropped if the read fails, so no stale copy stays behind.
const storage = pageStorage();
liveQuery(() => readFirstValues(db)).subscribe({
  next: (values) => keepFirstSettingsCopy(values, storage),
  error: () => keepFirstSettingsCopy(undefined, storage),
});

export { db, liveQuery };
