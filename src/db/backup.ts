/**
 * The backup: export every table, import a file (merge or replace), and erase. Only ordinary puts and deletes, never
 * `db.delete()` or `clear()`: sync's change tracking (docs/decisions.md, "Deletes are tombstones") must see each
 * record that goes.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, checkBackup } from '../core/backup';
import { InvalidInputError } from '../core/problem';
import { type Invitation, sendKeys } from '../core/status';
import { now } from './clock';
import { fromRow, toRow } from './customers';
import type { ResellerDb } from './db';
import { markConfirmedDeletes } from './sync-meta';

const tables = (db: ResellerDb) => [db.customers, db.invitations, db.events, db.settings];

/** An undo snapshot is only meaningful for 10 seconds on this browser: it is not backed up. */
function withoutUndo(inv: Invitation): Invitation {
  const { previous: _previous, ...rest } = inv;
  return rest;
}

/** Everything, as one plain JSON object, read in one transaction so it is consistent. */
export async function exportAll(db: ResellerDb): Promise<Backup> {
  return db.transaction('r', tables(db), async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now(),
    customers: (await db.customers.toArray()).map(fromRow),
    invitations: (await db.invitations.toArray()).map(withoutUndo),
    events: await db.events.toArray(),
    settings: await db.settings.toArray(),
  }));
}

/** Index keys are rebuilt from the record rather than trusted from the file. */
function normalise(b: Backup) {
  return {
    customers: b.customers.map((c) => toRow(c)),
    invitations: b.invitations.map((inv) => ({ ...withoutUndo(inv), ...sendKeys(inv.sentAt) })),
    events: b.events,
    settings: b.settings,
  };
}

/**
 * Imports a backup (JSON text or object), checked whole first: a corrupt or foreign file throws InvalidInputError
 * and changes nothing. `merge` adds what is missing and takes a record only when its updatedAt is newer (events are
 * immutable, settings carry no time: both only added). `replace` makes the database equal to the file.
 */
export async function importBackup(db: ResellerDb, json: unknown, mode: 'merge' | 'replace'): Promise<void> {
  const checked = checkBackup(json);
  if (!checked.ok) throw new InvalidInputError(checked.findings);
  const b = normalise(checked.backup);
  await db.transaction('rw', tables(db), async (tx) => {
    if (mode === 'replace') {
      // The partner confirmed it: other browsers apply these deletions however many (docs/sync.md, "Held aside").
      markConfirmedDeletes(tx);
      await deleteAbsent(db.customers, new Set(b.customers.map((c) => c.id)));
      await deleteAbsent(db.invitations, new Set(b.invitations.map((i) => i.id)));
      await deleteAbsent(db.events, new Set(b.events.map((e) => e.id)));
      await deleteAbsent(db.settings, new Set(b.settings.map((s) => s.key)));
      await Promise.all([
        db.customers.bulkPut(b.customers),
        db.invitations.bulkPut(b.invitations),
        db.events.bulkPut(b.events),
        db.settings.bulkPut(b.settings),
      ]);
      return;
    }
    await db.customers.bulkPut(await newer(db.customers, b.customers));
    await db.invitations.bulkPut(await newer(db.invitations, b.invitations));
    await db.events.bulkPut(await missing(db.events, b.events, (e) => e.id));
    await db.settings.bulkPut(await missing(db.settings, b.settings, (s) => s.key));
  });
}

interface KeyedTable<T, K> {
  toCollection(): { primaryKeys(): PromiseLike<K[]> };
  bulkDelete(keys: K[]): PromiseLike<void>;
  bulkGet(keys: K[]): PromiseLike<(T | undefined)[]>;
}

async function deleteAbsent<T>(table: KeyedTable<T, string>, keep: Set<string>): Promise<void> {
  const keys = await table.toCollection().primaryKeys();
  await table.bulkDelete(keys.filter((k) => !keep.has(k)));
}

async function newer<T extends { id: string; updatedAt: number }>(table: KeyedTable<T, string>, rows: T[]) {
  const local = await table.bulkGet(rows.map((r) => r.id));
  return rows.filter((r, i) => {
    const mine = local[i];
    return mine === undefined || r.updatedAt > mine.updatedAt;
  });
}

async function missing<T>(table: KeyedTable<T, string>, rows: T[], key: (r: T) => string) {
  const local = await table.bulkGet(rows.map(key));
  return rows.filter((_, i) => local[i] === undefined);
}

/** Deletes every record of every table, profile included, one ordinary delete each. */
export async function eraseAll(db: ResellerDb): Promise<void> {
  await db.transaction('rw', tables(db), async (tx) => {
    markConfirmedDeletes(tx); // confirmed by typing a word: other browsers apply it (docs/sync.md, "Held aside")
    await deleteAbsent(db.customers, new Set());
    await deleteAbsent(db.invitations, new Set());
    await deleteAbsent(db.events, new Set());
    await deleteAbsent(db.settings, new Set());
  });
}
