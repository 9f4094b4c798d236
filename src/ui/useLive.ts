import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Subscribes a component to a Dexie query (DESIGN.md: the UI reads live from Dexie, no second store). Returns
 * `undefined` until the first result, so a view paints its frame before the data arrives.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // The caller lists the query's inputs in deps, as with useEffect.
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('Live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
