import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Subscribes a component to a Dexie query (docs/architecture.md, "Data flow": the UI reads live from Dexie, no second store). Returns
 * `undefined` until the first result, so a view paints its frame before the data arrives. A query that fails is
 * thrown again during render, so the nearest ErrorBoundary says what failed instead of the view loading forever.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [state, setState] = useState<{ value?: T; error?: unknown }>({});
  // The caller lists the query's inputs in deps, as with useEffect.
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value }),
      error: (error: unknown) => setState({ error: error ?? new Error('The query failed.') }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  if (state.error !== undefined) throw state.error;
  return state.value;
}
