import { useEffect, useState } from 'preact/hooks';
import type { ResellerDb } from '../db/db';

/** The page's database and Dexie (page-db.ts), loaded on first use: the popup paints before they load. */
export const pageDb = () => import('./page-db');

/**
 * Follows a Dexie query (liveQuery) once Dexie has loaded: `next` with each result, `error` if the query or the
 * load fails. Returns the unsubscribe.
 */
export function watchLive<T>(
  query: (db: ResellerDb) => Promise<T>,
  next: (value: T) => void,
  error: (error: unknown) => void,
): () => void {
  let subscription: { unsubscribe(): void } | undefined;
  let stopped = false;
  pageDb().then(({ db, liveQuery }) => {
    if (!stopped) subscription = liveQuery(() => query(db)).subscribe({ next, error });
  }, error);
  return () => {
    stopped = true;
    subscription?.unsubscribe();
  };
}

/**
 * Subscribes a component to a Dexie query (docs/architecture.md, "Data flow": the UI reads live from Dexie, no second
 * store). Returns `first` (the popup's first read, db/peek.ts), else `undefined`, until the query's first result, so
 * a view paints its frame before the data arrives. A query that fails is thrown again during render, so the nearest
 * ErrorBoundary says what failed instead of the view loading forever.
 */
export function useLive<T>(
  query: (db: ResellerDb) => Promise<T>,
  deps: unknown[] = [],
  first?: T,
): T | undefined {
  const [state, setState] = useState<{ value?: T; error?: unknown }>(() =>
    first === undefined ? {} : { value: first },
  );
  // The caller lists the query's inputs in deps, as with useEffect.
  useEffect(
    () =>
      watchLive(
        query,
        (value) => setState({ value }),
        (error: unknown) => setState({ error: error ?? new Error('The query failed.') }),
      ),
    deps,
  );
  if (state.error !== undefined) throw state.error;
  return state.value;
}
