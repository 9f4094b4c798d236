/** The IndexedDB database's name: Dexie's (db.ts) and the popup's first read without Dexie (peek.ts). */
export const DB_NAME = 'reseller-invite';
