/** The one Dexie instance of an extension context: the only code that opens IndexedDB (DESIGN.md). */
import Dexie, { type EntityTable } from 'dexie';
import type { Customer } from '../core/customer';
import type { Invitation, InvitationEvent } from '../core/status';
import { DB_NAME, declareSchema } from './schema';
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
};

/** Opens (lazily, on first query) the database; tests pass their own name for isolation. */
export function createDb(name = DB_NAME): ResellerDb {
  const db = new Dexie(name) as ResellerDb;
  declareSchema(db);
  // Stamps sync clocks and records tombstones inside every write's transaction (spec/sync.md §4.6).
  db.use(syncTracking);
  return db;
}

export const db = createDb();

/** Ids of every record: random strings, so two browsers never mint the same one (spec/sync.md §3.2). */
export function newId(): string {
  return crypto.randomUUID();
}
