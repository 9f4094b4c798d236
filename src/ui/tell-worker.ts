/**
 * A page's one way of telling the worker that it wrote to Dexie: `data.changed` after each committed write
 * transaction (db/write-watch.ts), so the badge recounts and sync flushes within its budget whatever the write was
 * (a send, a profile or template edit, an import). Called once by each page's entry, before the database opens.
 */
import type { ResellerDb } from '../db/db';
import { watchWrites } from '../db/write-watch';
import { send } from '../messages';

export function tellWorkerOnWrites(db: ResellerDb): void {
  // The write is done and kept whatever happens here; if the worker cannot be reached its hourly alarm catches up,
  // so a failure is logged rather than shown as the write's failure.
  watchWrites(db, () => {
    send({ type: 'data.changed' }).catch((error: unknown) =>
      console.warn('Worker not told of a change', error),
    );
  });
}
