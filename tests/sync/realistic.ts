/**
 * Realistic synced data for the benchmark and the degradation tests: customers with company, contact, email,
 * domain, tenant GUID, language and a short note, each with one reseller invitation (status, 1–3 send times),
 * in the shape of the tracking model (src/core/customer.ts, src/core/invitation.ts), with ids made the way `newId()`
 * (src/db/ids.ts) makes them: 12 base62 characters. Tenant ids stay GUIDs (they are Microsoft's).
 */

import { BASE62 } from '../../src/core/random-id';
import { rng } from './fake-cloud';
import { MemoryLocalStore } from './memory-store';
import { T0 } from './virtual-time';

const DAY = 86_400_000;
const FIRST = 'Alex Camille Dana Hugo Léa Marc Nina Omar Paul Sara Tom Zoé'.split(' ');
const LAST = 'Martin Bernard Dubois Smith Nguyen Garcia Müller Rossi Kowalski Lee'.split(' ');
const WORDS = 'Contoso Fabrikam Northwind Adatum Tailspin Litware Proseware Woodgrove'.split(' ');
const KINDS = 'Ltd SA SARL GmbH Inc Group Consulting Solutions'.split(' ');
const NOTES = [
  '',
  '',
  '',
  'Call back after budget review',
  'Needs GA to accept',
  'Billing profile incomplete',
  'VIP',
];
const STATUSES = 'pending pending accepted accepted accepted withdrawn removed'.split(' ');

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** An id as `newId()` makes them (12 base62 characters), from a seeded source. */
function newId(random: () => number): string {
  return Array.from({ length: 12 }, () => BASE62[Math.floor(random() * 62)]).join('');
}

/** A lowercase version-4 UUID (a tenant id), from a seeded source. */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(random() * 4)).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A customer as src/db stores it, minus its index keys (`fromRow`): what the tracking model syncs. */
function customer(
  random: () => number,
  i: number,
  created: number,
  tenant: boolean,
): Record<string, unknown> {
  const companyName = `${pick(random, WORDS)} ${pick(random, KINDS)} ${i}`;
  const domain = `${companyName.toLowerCase().replace(/[^a-z0-9]+/g, '')}.com`;
  const [first, last] = [pick(random, FIRST), pick(random, LAST)];
  return {
    companyName,
    contactName: `${first} ${last}`,
    email: `${first}.${last}@${domain}`.toLowerCase(),
    domain,
    tenantId: tenant ? uuid(random) : '',
    language: random() < 0.8 ? 'en' : 'fr',
    notes: pick(random, NOTES),
    servedByAnotherPartner: false,
    createdAt: created,
    updatedAt: created,
  };
}

/**
 * A reseller invitation as it syncs: `previous` (undo, local) and `firstSentAt`/`lastSentAt` (index keys rebuilt
 * from `sentAt`) stay on the device (db/sync-fields.ts).
 */
function invitation(random: () => number, customerId: string, status: string, created: number) {
  const sentAt = Array.from(
    { length: 1 + Math.floor(random() * 3) },
    (_, k) => created + k * 7 * DAY + k * 3_600_123,
  );
  const last = sentAt[sentAt.length - 1] ?? created;
  const changedAt = status === 'pending' ? last : last + Math.floor(random() * 20 * DAY);
  return {
    customerId,
    type: 'reseller',
    epoch: 0,
    linkType: 'reseller',
    language: 'en',
    status,
    sentAt,
    ...(status === 'accepted' ? { acceptedAt: changedAt } : {}),
    adminAccessRemoved: false,
    channel: 'compose',
    changedAt,
    lastAction:
      status === 'pending'
        ? sentAt.length > 1
          ? 'resend'
          : 'send'
        : status === 'accepted'
          ? 'accept'
          : 'withdraw',
    updatedAt: changedAt,
  };
}

/**
 * `n` customers, each with one reseller invitation, shaped like the tracking model's records, created in order
 * over a year, a third of the customers edited again later. `tenantIds`: every customer has its tenant GUID, or
 * only those that accepted (a pending customer's tenant is often not known yet).
 */
export function realisticStore(n: number, seed = 7, tenantIds: 'all' | 'accepted' = 'all'): MemoryLocalStore {
  const random = rng(seed);
  const store = new MemoryLocalStore('Bench1');
  const times = Array.from({ length: n }, () => T0 - Math.floor(random() * 365 * DAY)).sort((a, b) => a - b);
  const later: [string, number][] = [];
  for (let i = 0; i < n; i++) {
    const created = times[i] ?? T0;
    const id = newId(random);
    const status = pick(random, STATUSES);
    store.edit(
      'customers',
      id,
      customer(random, i, created, tenantIds === 'all' || status === 'accepted'),
      created,
    );
    store.edit('invitations', newId(random), invitation(random, id, status, created), created);
    // Edited again up to 60 days later, but never after T0: a clock from the future would be held aside.
    if (random() < 0.33) later.push([id, Math.min(T0, created + Math.floor(random() * 60 * DAY))]);
  }
  for (const [id, at] of later.sort((a, b) => a[1] - b[1])) {
    store.edit('customers', id, { notes: 'Followed up', updatedAt: at }, at);
  }
  return store;
}
