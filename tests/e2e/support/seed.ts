/**
 * Test and bench data: customers and invitations built in Node by the real record code (`newCustomer`, core's
 * `transition`), then written into the extension's IndexedDB from one of its pages with the raw IndexedDB API, in
 * chunks. Raw writes are the fast way to get 100,000 rows in (docs/testing.md, "Benchmarks and seeding") and
 * need nothing exposed by the production bundles. They bypass src/db, so they carry no events (nothing measured
 * reads the timeline) and leave the count rows that the popup's tiles and the badge read as they were: a test that
 * reads those writes them too (`putCountsRaw`), the bench rebuilds them.
 */
import type { Page } from 'playwright-core';
import { type Action, DAY, type Invitation, transition } from '../../../src/core/status';
import { type CountDayRow, CountDelta, type CountTimesRow, writesFor } from '../../../src/db/count-buckets';
import { newCustomer } from '../../../src/db/customers';
import type { CustomerRow } from '../../../src/db/db';

export interface Seed {
  customers: CustomerRow[];
  invitations: Invitation[];
}

/** Applies actions in order from nothing, as the app would have over time; throws on a refused one. */
export function invitationAfter(steps: [Action, number][]): Invitation {
  let inv: Invitation | undefined;
  for (const [action, at] of steps) {
    const r = transition(inv, action, at);
    if (!r.ok) throw new Error(`${action.kind}: ${r.problems[0]?.message}`);
    inv = r.invitation;
  }
  if (!inv) throw new Error('no steps');
  return inv;
}

export const sendAction = (id: string, customerId: string): Action => ({
  kind: 'send',
  channel: 'copy',
  linkType: 'reseller',
  language: 'en',
  create: { id, customerId },
});

const GDAP = 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/';

function gdapAfter(id: string, customerId: string, sent: number): Invitation {
  const gdap = { link: `${GDAP}${id}`, roles: 'Helpdesk Administrator', duration: '2 years' };
  const send: Action = {
    kind: 'send',
    channel: 'copy',
    linkType: 'gdap',
    language: 'en',
    gdap,
    create: { id, customerId },
  };
  return invitationAfter([[send, sent]]);
}

const WORDS = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Adatum', 'Litware', 'Proseware', 'Woodgrove'];
const KINDS = ['Traders', 'Logistics', 'Dental', 'Bakery', 'Studio', 'Consulting', 'Motors', 'Farms'];
const SUFFIXES = ['Ltd', 'GmbH', 'SAS', 'Inc', 'BV', 'SARL'];

/** A deterministic pseudo-random stream (mulberry32), so every run seeds the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const uuid = (r: () => number) =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(r() * 16).toString(16));

/**
 * `count` customers numbered from `from`, each with a reseller invitation: about 45% pending (sent up to 60 days
 * before `at`, some re-sent), 40% accepted, 10% withdrawn, 5% removed; one in ten also with a pending GDAP
 * request. Three in four know their tenant ID.
 */
export function seedCustomers(from: number, count: number, at: number): Seed {
  const r = random(from + 1);
  const seed: Seed = { customers: [], invitations: [] };
  for (let i = from; i < from + count; i++) {
    const name = `${WORDS[i % 8]} ${KINDS[Math.floor(i / 8) % 8]} ${i} ${SUFFIXES[i % 6]}`;
    const domain = `${name.toLowerCase().replace(/\W+/g, '-')}.example`;
    const sent = at - Math.floor(r() * 60 * DAY);
    const customer = newCustomer(
      {
        companyName: name,
        contactName: `Contact ${i}`,
        email: `it@${domain}`,
        tenantId: r() < 0.75 ? uuid(r) : '',
      },
      sent,
      uuid(r),
    );
    const id = uuid(r);
    const steps: [Action, number][] = [[sendAction(id, customer.id), sent]];
    const roll = r();
    if (roll < 0.15) steps.push([{ kind: 'resend', channel: 'copy' }, sent + (at - sent) / 2]);
    if (roll >= 0.45) steps.push([{ kind: 'accept', source: 'manual' }, Math.min(sent + DAY, at)]);
    if (roll >= 0.85 && roll < 0.95) steps.splice(1, 1, [{ kind: 'withdraw' }, Math.min(sent + DAY, at)]);
    if (roll >= 0.95) steps.push([{ kind: 'end' }, Math.min(sent + 2 * DAY, at)]);
    seed.customers.push(customer);
    seed.invitations.push(invitationAfter(steps));
    // One in ten also has a GDAP request out, some past its 90 days (the pending list shows days left).
    if (i % 10 === 0)
      seed.invitations.push(gdapAfter(uuid(r), customer.id, at - Math.floor(r() * 120 * DAY)));
  }
  return seed;
}

/**
 * Writes records into the extension's database with the raw IndexedDB API, one transaction per chunk. Run it in an
 * extension page that has already opened the database (the app creates the schema; opening without a version here
 * must not create an empty one). Each chunk crosses as one JSON string: Playwright serialises a string about five
 * times faster than the same records as objects. `replace`: each store is cleared first (in its first chunk's
 * transaction, so also when it gets no rows).
 */
export async function putRaw(
  page: Page,
  records: Partial<Seed & CountRows>,
  { replace = false, chunk = 5_000 } = {},
): Promise<void> {
  for (const [store, rows] of Object.entries(records)) {
    for (let i = 0; i < rows.length || (replace && i === 0); i += chunk) {
      const json = JSON.stringify(rows.slice(i, i + chunk));
      // Inline arrow only: tsx would wrap a named inner function in a helper the page does not have.
      await page.evaluate(
        ([name, text, clear]) =>
          new Promise<void>((done, fail) => {
            const values = JSON.parse(text) as unknown[];
            const open = indexedDB.open('reseller-invite');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const idb = open.result;
              // Relaxed: test data need not survive a power cut, and Chromium then skips a flush per commit.
              const tx = idb.transaction(name, 'readwrite', { durability: 'relaxed' });
              const target = tx.objectStore(name);
              if (clear) target.clear();
              for (const value of values) target.put(value);
              tx.oncomplete = () => {
                idb.close();
                done();
              };
              tx.onerror = () => fail(tx.error);
            };
          }),
        [store, json, replace && i === 0] as const,
      );
    }
  }
}

/** The count rows (db/count-buckets.ts), by the store that holds them. */
export interface CountRows {
  countDays: CountDayRow[];
  countTimes: CountTimesRow[];
}

/** The count rows `invitations` make, as a recount of a table holding only them builds them. */
export function countRowsOf(invitations: readonly Invitation[]): CountRows {
  const delta = new CountDelta();
  for (const inv of invitations) delta.change(inv, 1);
  const rows = writesFor(delta, [], []);
  return { countDays: rows.putDays, countTimes: rows.putTimes };
}

/**
 * Replaces the count rows with those of `invitations` (all the invitations stored, after raw writes): what the counts
 * middleware would have left had the invitations been written through Dexie.
 */
export const putCountsRaw = (page: Page, invitations: readonly Invitation[]) =>
  putRaw(page, countRowsOf(invitations), { replace: true });
