/** The one Dexie instance of an extension context: the only code that opens IndexedDB (docs/architecture.md, "Layers"). */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Customer } from '../core/customer';
import type { Invitation, InvitationEvent } from '../core/status';
import type { CountDayRow, CountTimesRow } from './count-buckets';
import { countsMiddleware } from './counts-middleware';
import { DB_NAME } from './name';
import { declareSchema } from './schema';
import type { MetaRow, RecordRow } from './sync-meta';
import { syncTracking } from './sync-tracking';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A stored customer: the core record plus its derived index keys (rebuilt on every write, never exported). */
export interface CustomerRow extends Customer {
  nameKey: string;
  words: string[];
}

export type ResellerDb = Dexie & {
  settings: EntityTable<SettingRow, 'key'>;
  customers: EntityTable<CustomerRow, 'id'>;
  invitations: EntityTable<Invitation, 'id'>;
  events: EntityTable<InvitationEvent, 'id'>;
  syncRecords: EntityTable<RecordRow, 'key'>;
  syncMeta: EntityTable<MetaRow, 'k'>;
  countDays: Table<CountDayRow, [string, number]>;
  countTimes: Table<CountTimesRow, [string, number]>;
};

/** Opens (lazily, on first query) the database; tests pass their own name for isolation. */
export function createDb(name = DB_NAME): ResellerDb {
  const db = new Dexie(name) as ResellerDb;
  declareSchema(db);
  // Stamps sync clocks and records tombstones inside every write's transaction (docs/decisions.md, "Clocks stamped by Dexie middleware, in the write's transaction").
  db.use(syncTracking);
  // Keeps the counts the popup and the badge read in every write's transaction (counts-middleware.ts).
  db.use(countsMiddleware);
  return db;
}

export const db = createDb();
