/**
 * Bench pages time writes to the extension's own database and then put it back, untimed, so every run starts from
 * the same state: a snapshot before, what a run wrote, and the restore.
 */
import type { Invitation, InvitationEvent } from '../src/core/status';
import { type CustomerRow, db } from '../src/db/db';

export interface Snapshot {
  customers: Map<string, CustomerRow>;
  invitations: Map<string, Invitation>;
  events: Set<string>;
}

export interface Written {
  customers: CustomerRow[];
  invitations: Invitation[];
  events: InvitationEvent[];
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

export async function snapshot(): Promise<Snapshot> {
  const [customers, invitations, events] = await Promise.all([
    db.customers.toArray(),
    db.invitations.toArray(),
    db.events.toCollection().primaryKeys(),
  ]);
  return {
    customers: new Map(customers.map((c) => [c.id, c])),
    invitations: new Map(invitations.map((i) => [i.id, i])),
    events: new Set(events),
  };
}

/** Everything written since `since` (reconcile stamps every write with the time it started) or absent before. */
export async function writtenSince(before: Snapshot, since: number): Promise<Written> {
  const [customers, invitations, events] = await Promise.all([
    db.customers.filter((c) => c.updatedAt >= since || !before.customers.has(c.id)).toArray(),
    db.invitations.filter((i) => i.updatedAt >= since || !before.invitations.has(i.id)).toArray(),
    db.events.filter((e) => !before.events.has(e.id)).toArray(),
  ]);
  return { customers, invitations, events };
}

/** Puts the database back as it was before `written` (untimed, between runs). */
export async function restore(before: Snapshot, written: Written): Promise<void> {
  await db.transaction('rw', [db.customers, db.invitations, db.events], async () => {
    await db.events.bulkDelete(written.events.map((e) => e.id));
    await db.invitations.bulkDelete(
      written.invitations.filter((i) => !before.invitations.has(i.id)).map((i) => i.id),
    );
    await db.invitations.bulkPut(written.invitations.flatMap((i) => before.invitations.get(i.id) ?? []));
    await db.customers.bulkDelete(
      written.customers.filter((c) => !before.customers.has(c.id)).map((c) => c.id),
    );
    await db.customers.bulkPut(written.customers.flatMap((c) => before.customers.get(c.id) ?? []));
  });
}
