/**
 * Sync benchmark (issue 5 "Benchmark"): how many realistic customers fit in storage.sync, bytes per customer,
 * `set()` calls per 100 edits, and the time to merge a full remote state of 1,000 customers.
 * Realistic customer: company, contact, email, domain, tenant GUID, language, a short note, and one reseller
 * invitation with its status and 1–3 send times. Ids are 12-char base62 (spec/sync.md §3.2).
 */
import { rng } from '../tests/sync/fake-cloud';
import { Fleet } from '../tests/sync/harness';
import type { SyncArea } from '../src/sync/area';
import { DEFAULT_BUDGET } from '../src/sync/budget';
import { syncOnce } from '../src/sync/cycle';
import { MemoryLocalStore } from '../src/sync/memory-store';
import { shardBudget } from '../src/sync/plan';
import { CHROME_LIMITS, OUR_LIMITS } from '../src/sync/quota';
import { chooseLayout } from '../src/sync/shards';

const T0 = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const FIRST = ['Alex', 'Camille', 'Dana', 'Hugo', 'Léa', 'Marc', 'Nina', 'Omar', 'Paul', 'Sara', 'Tom', 'Zoé'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Smith', 'Nguyen', 'Garcia', 'Müller', 'Rossi', 'Kowalski', 'Lee'];
const WORDS = ['Contoso', 'Fabrikam', 'Northwind', 'Adatum', 'Tailspin', 'Litware', 'Proseware', 'Woodgrove'];
const KINDS = ['Ltd', 'SA', 'SARL', 'GmbH', 'Inc', 'Group', 'Consulting', 'Solutions'];
const NOTES = ['', '', '', 'Call back after budget review', 'Needs GA to accept', 'Billing profile incomplete', 'VIP'];
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function id12(random: () => number): string {
  return Array.from({ length: 12 }, () => pick(random, [...B62])).join('');
}

function guid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `n` customers and their invitations, created over a year, a third of them edited again later. */
export function realisticStore(n: number, seed = 7): MemoryLocalStore {
  const random = rng(seed);
  const store = new MemoryLocalStore('Bench1');
  // Created in order over a year, as a partner would: clocks spread like real ones.
  const times = Array.from({ length: n }, () => T0 - Math.floor(random() * 365 * DAY)).sort((a, b) => a - b);
  const later: [string, number][] = [];
  for (let i = 0; i < n; i++) {
    const created = times[i] ?? T0;
    const company = `${pick(random, WORDS)} ${pick(random, KINDS)} ${i}`;
    const domain = `${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.com`;
    const [first, last] = [pick(random, FIRST), pick(random, LAST)];
    const id = id12(random);
    store.edit(
      'customers',
      id,
      {
        name: company,
        contact: `${first} ${last}`,
        email: `${first}.${last}@${domain}`.toLowerCase(),
        domain,
        tenantId: guid(random),
        language: random() < 0.8 ? 'en' : 'fr',
        note: pick(random, NOTES),
      },
      created,
    );
    const sends = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => created + k * 7 * DAY);
    const status = pick(random, ['pending', 'pending', 'accepted', 'accepted', 'accepted', 'withdrawn', 'removed']);
    store.edit('invitations', id12(random), { customerId: id, kind: 'reseller', status, sentAt: sends }, created);
    if (random() < 0.33) later.push([id, created + Math.floor(random() * 60 * DAY)]);
  }
  for (const [id, at] of later.sort((a, b) => a[1] - b[1])) store.edit('customers', id, { note: 'Followed up' }, at);
  return store;
}

async function fitting(): Promise<{ count: number; bytes: number }> {
  const budget = Math.min(shardBudget(2), OUR_LIMITS.totalBytes);
  let lo = 100;
  let hi = 3_000;
  while (hi - lo > 10) {
    const mid = (lo + hi) >> 1;
    const choice = chooseLayout(await realisticStore(mid).readAll(), budget);
    if (choice.full) hi = mid;
    else lo = mid;
  }
  const choice = chooseLayout(await realisticStore(lo).readAll(), budget);
  return { count: lo, bytes: choice.layout.bytes };
}

/** A plain in-memory area (no limits): what a browser hands a worker whose storage.sync holds `data`. */
function memoryArea(data: Record<string, unknown>): SyncArea {
  return {
    get: async () => structuredClone(data),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (keys) => {
      for (const k of keys) delete data[k];
    },
    onChanged: () => () => {},
  };
}

async function mergeTime(): Promise<{ ms: number; keys: number }> {
  const data: Record<string, unknown> = {};
  const deps = { now: () => T0, version: 'bench', budget: DEFAULT_BUDGET };
  await syncOnce({ ...deps, area: memoryArea(data), store: realisticStore(1_000) });
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const fresh = new MemoryLocalStore(`Fresh${i}`);
    const start = performance.now();
    await syncOnce({ ...deps, area: memoryArea(structuredClone(data)), store: fresh });
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[2] ?? Number.NaN, keys: Object.keys(data).length };
}

async function setsPer100Edits(spacingMs: number): Promise<{ editor: number; all: number }> {
  const fleet = new Fleet();
  const a = fleet.add('A');
  fleet.add('B');
  await fleet.run(60_000);
  const from = fleet.time.now;
  const before = a.browser.calls.length;
  for (let i = 0; i < 100; i++) {
    fleet.edit(a, 'customers', `c${i % 20}`, { note: `edit ${i}` });
    await fleet.run(spacingMs);
  }
  await fleet.run(10 * 60_000);
  return { editor: a.browser.calls.length - before, all: fleet.writesSince(from) };
}

export async function benchSync(): Promise<string[]> {
  const fit = await fitting();
  const perCustomer = fit.bytes / fit.count;
  const at1000 = chooseLayout(await realisticStore(1_000).readAll(), shardBudget(2));
  const merge = await mergeTime();
  const steady = await setsPer100Edits(2_000);
  const burst = await setsPer100Edits(100);
  const pct = (b: number) => ((100 * b) / CHROME_LIMITS.QUOTA_BYTES).toFixed(1);
  return [
    `sync: customers that fit (2 devices, shards ≤ ${OUR_LIMITS.shardBytes} B, all keys ≤ 90% of quota): ${fit.count}`,
    `sync: bytes per customer (with its invitation, in shards): ${perCustomer.toFixed(1)}`,
    `sync: 1,000 customers use ${at1000.layout.bytes} B in ${at1000.layout.count} shards (${pct(at1000.layout.bytes)}% of QUOTA_BYTES)${at1000.full ? ' — FULL' : ''}`,
    `sync: set()/remove() calls per 100 edits, one edit every 2 s: editing device ${steady.editor}, both devices ${steady.all}`,
    `sync: set()/remove() calls per 100 edits, one edit every 0.1 s: editing device ${burst.editor}, both devices ${burst.all}`,
    `sync: merge a full remote state of 1,000 customers into an empty device: ${merge.ms.toFixed(0)} ms (median of 5, ${merge.keys} keys)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchSync()) console.log(line);
}
