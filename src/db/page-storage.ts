/**
 * The extension pages' localStorage, as the db functions that keep a little beside the database are handed it
 * (platform.ts `pageStorage`; db/peek.ts, db/stored-check.ts); undefined where there is none, and then nothing is kept.
 */
export type PageStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
