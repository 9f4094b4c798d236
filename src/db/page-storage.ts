/**
 * The extension pages' localStorage, for the little they keep beside the database (db/peek.ts,
 * db/stored-check.ts); undefined where it cannot be used (a worker, tests), and then nothing is kept.
 */
export type PageStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function pageStorage(): PageStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
