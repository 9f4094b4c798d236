/**
 * Sync benchmark: how many realistic customers fit in storage.sync, bytes per customer,
 * `set()` calls per 100 edits, and the time to merge a full remote state of 1,000 customers.
 * Realistic customer: company, contact, email, domain, tenant GUID, language, a short note, and one reseller
 * invitation with its status and 1–3 send times. Ids are 12-char base62 (docs/decisions.md, "Short random ids").
 */

import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createDb } from '../src/db/db';
import type { SyncArea } from '../src/sync/area';
import { DEFAULT_BUDGET } from '../src/sync/budget';
import { readCloud } from '../src/sync/cloud-view';
import { syncOnce } from '../src/sync/cycle';
import { DexieLocalStore } from '../src/sync/dexie-store';
import { sortIncoming } from '../src/sync/hold';
import { shardBudget } from '../src/sync/plan';
import { CHROME_LIMITS, OUR_LIMITS } from '../src/sync/quota';
import { buildLayout, chooseLayout } from '../src/sync/shards';
import { Fleet } from '../tests/sync/harness';
import { MemoryLocalStore } from '../tests/sync/memory-store';
import { realisticStore } from '../tests/sync/realistic';
import { median } from './stats';

// Given to Dexie here, not by importing `fake-indexeddb/auto`: Dexie takes the global IndexedDB when its module first
// loads, and the other bench sections import it first (through the records the browser benches seed).
Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const T0 = Date.UTC(2026, 10, 1);

async function fitting(tenantIds: 'all' | 'accepted'): Promise<{ count: number; bytes: number }> {
  const budget = shardBudget(2);
  let lo = 100;
  let hi = 3_000;
  while (hi - lo > 5) {
    const mid = (lo + hi) >> 1;
    const choice = chooseLayout(await realisticStore(mid, 7, tenantIds).readAll(), budget);
    if (choice.full) hi = mid;
    else lo = mid;
  }
  const choice = chooseLayout(await realisticStore(lo, 7, tenantIds).readAll(), budget);
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

/**
 * 1,000 realistic customers do not fit in storage.sync, so their full state (16 shards, about 5.5 KB each) is put
 * in an in-memory area without limits. Timed: the merge alone (decode every key, merge into an empty store), and a
 * whole sync of that device (merge, then choosing the subset that fits, which is the expensive part when full).
 */
async function mergeTime(): Promise<{ merge: number; sync: number }> {
  const layout = buildLayout(await realisticStore(1_000).readAll(), 16);
  const data = Object.fromEntries(layout.values.map((v, i) => [`s${i}`, v]));
  const deps = { now: () => T0, version: 'bench', budget: DEFAULT_BUDGET };
  const merges: number[] = [];
  const syncs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const store = new MemoryLocalStore(`Fresh${i}`);
    const start = performance.now();
    await store.applyRemote(readCloud(structuredClone(data), T0).records, T0);
    merges.push(performance.now() - start);
    const again = performance.now();
    await syncOnce({
      ...deps,
      area: memoryArea(structuredClone(data)),
      store: new MemoryLocalStore(`Sync${i}`),
    });
    syncs.push(performance.now() - again);
  }
  return { merge: median(merges.slice(1)), sync: median(syncs.slice(1)) };
}

/**
 * A full remote state of 1,000 realistic customers applied into an empty Dexie store (fake-indexeddb): every copy
 * read from storage.sync and parsed by its kind's parser, sorted (held aside or applied), merged, and written as
 * sync records and live rows in one transaction. The median of 5 runs after a warm-up.
 */
async function dexieApplyTime(): Promise<number> {
  const layout = buildLayout(await realisticStore(1_000).readAll(), 16);
  const data = Object.fromEntries(layout.values.map((v, i) => [`s${i}`, v]));
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const db = createDb(`bench-apply-${i}`);
    const store = new DexieLocalStore(db);
    // A fresh copy of each shard string: nothing decoded or parsed earlier is reused.
    const raw = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, ` ${v}`.slice(1)]));
    const start = performance.now();
    const view = readCloud(raw, T0);
    const sorting = sortIncoming({ view, local: await store.readAll(), previous: [], now: T0 });
    await store.applyRemote(sorting.apply, T0);
    times.push(performance.now() - start);
    await db.delete();
  }
  return median(times.slice(1));
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
  const fit = await fitting('all');
  const fitAccepted = await fitting('accepted');
  const full = chooseLayout(await realisticStore(1_000).readAll(), shardBudget(2));
  const synced = full.layout.records.flat().filter((r) => r.table === 'customers').length;
  const merge = await mergeTime();
  const dexie = await dexieApplyTime();
  const steady = await setsPer100Edits(2_000);
  const burst = await setsPer100Edits(100);
  const pct = (b: number) => ((100 * b) / CHROME_LIMITS.QUOTA_BYTES).toFixed(1);
  return [
    `sync: customers that fit, every customer with a tenant GUID (2 devices, shards ≤ ${OUR_LIMITS.shardBytes} B, all keys ≤ 90%): ${fit.count}, ${(fit.bytes / fit.count).toFixed(1)} B per customer with its invitation (${pct(fit.bytes)}% of QUOTA_BYTES in shards)`,
    `sync: customers that fit, tenant GUID only once accepted: ${fitAccepted.count}, ${(fitAccepted.bytes / fitAccepted.count).toFixed(1)} B per customer`,
    `sync: 1,000 customers: ${full.full ? 'FULL' : 'fits'}, ${synced} synced (the most recently edited), ${full.layout.bytes} B in ${full.layout.count} shards`,
    `sync: set()/remove() calls per 100 edits, one edit every 2 s: editing device ${steady.editor}, both devices ${steady.all}`,
    `sync: set()/remove() calls per 100 edits, one edit every 0.1 s: editing device ${burst.editor}, both devices ${burst.all}`,
    `sync: merge a full remote state of 1,000 customers into an empty device: ${merge.merge.toFixed(0)} ms; whole first sync incl. choosing the subset that fits: ${merge.sync.toFixed(0)} ms (medians)`,
    `sync: apply a full remote state of 1,000 customers into an empty Dexie store (fake-indexeddb), parsing included: ${dexie.toFixed(0)} ms (median)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchSync()) console.log(line);
}
