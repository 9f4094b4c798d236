/** The one Dexie instance of an extension context: the only code that opens IndexedDB (DESIGN.md). */
import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME, declareSchema } from './schema';

export interface SettingRow {
  key: string;
  value: unknown;
}

export type ResellerDb = Dexie & { settings: EntityTable<SettingRow, 'key'> };

/** Opens (lazily, on first query) the database; tests pass their own name for isolation. */
export function createDb(name = DB_NAME): ResellerDb {
  const db = new Dexie(name) as ResellerDb;
  declareSchema(db);
  return db;
}

export const db = createDb();
