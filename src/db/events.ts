/** Named queries on the events table: the per-customer timeline, append-only (one row per transition). */
import Dexie from 'dexie';
import type { InvitationEvent } from '../core/status';
import type { ResellerDb } from './db';
import { newId } from './ids';

let sequence = 0;

/**
 * A random id behind a counter of this context: the timeline index orders events of the same millisecond by id,
 * so they keep the order they were written in (a frozen test clock, a bulk change) instead of a random one.
 */
export function eventId(): string {
  sequence += 1;
  return `${sequence.toString(36).padStart(8, '0')}-${newId()}`;
}

/** Writes one event; called inside the transaction that stores its transition. */
export async function addEvent(db: ResellerDb, event: Omit<InvitationEvent, 'id'>): Promise<string> {
  const id = eventId();
  await db.events.add({ id, ...event });
  return id;
}

export async function addEvents(db: ResellerDb, events: Omit<InvitationEvent, 'id'>[]): Promise<void> {
  await db.events.bulkAdd(events.map((e) => ({ id: eventId(), ...e })));
}

const ofCustomers = (db: ResellerDb, customerIds: readonly string[]) =>
  db.events.where('[customerId+at]').inAnyRange(
    customerIds.map((id) => [
      [id, Dexie.minKey],
      [id, Dexie.maxKey],
    ]),
  );

/** A customer's events, oldest first (the [customerId+at] index order). */
export async function customerTimeline(db: ResellerDb, customerId: string): Promise<InvitationEvent[]> {
  return ofCustomers(db, [customerId]).toArray();
}

export async function deleteEventsOfCustomers(db: ResellerDb, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await db.events.bulkDelete(await ofCustomers(db, customerIds).primaryKeys());
}

/** An invitation's events: read through its customer's range, since a customer has few. */
export async function deleteEventsOfInvitation(db: ResellerDb, customerId: string, invitationId: string) {
  const ids = await ofCustomers(db, [customerId])
    .filter((e) => e.invitationId === invitationId)
    .primaryKeys();
  await db.events.bulkDelete(ids);
}
