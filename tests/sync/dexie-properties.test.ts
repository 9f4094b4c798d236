/**
 * The sync properties (docs/testing.md, "Sync properties") with real Dexie, at least 50 schedules: 2–3 browsers, each
 * with its own database over fake-indexeddb, the change-tracking middleware and DexieLocalStore, editing through
 * ordinary table writes while workers restart and browsers go offline, over the fake cloud. All converge; no edit is
 * lost; nothing is deleted without a tombstone.
 */
import 'fake-indexeddb/auto';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isAlive,
  mergeRecords,
  recordFingerprint,
  type SyncRecord,
  sameRecord,
} from '../../src/core/sync-merge';
import { setClock } from '../../src/db/clock';
import { toRow } from '../../src/db/customers';
import { createDb, type ResellerDb } from '../../src/db/db';
import { DexieLocalStore } from '../../src/sync/dexie-store';
import { SyncEngine } from '../../src/sync/engine';
import type { FakeBrowser, FakeContext } from './fake-browser';
import { FakeCloud } from './fake-cloud';
import { VirtualTime } from './virtual-time';

const RUNS = Number(process.env.SYNC_DEXIE_RUNS ?? 50);

/** IndexedDB work takes many macrotasks in fake-indexeddb: let it finish between virtual timer tasks. */
class DexieTime extends VirtualTime {
  override async settle(): Promise<void> {
    for (let i = 0; i < 30; i++) await nextMacrotask();
  }
}

type Op =
  | { kind: 'edit'; dev: number; rec: number; field: 'companyName' | 'notes'; value: string }
  | { kind: 'status'; dev: number; rec: number; status: 'pending' | 'accepted' | 'withdrawn' | 'removed' }
  | { kind: 'send'; dev: number; rec: number }
  | { kind: 'delete'; dev: number; rec: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'restart'; dev: number }
  | { kind: 'offline'; dev: number; on: boolean };

const dev = fc.integer({ min: 0, max: 2 });
const rec = fc.integer({ min: 0, max: 2 });
const opArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      dev,
      rec,
      field: fc.constantFrom('companyName' as const, 'notes' as const),
      value: fc.constantFrom('a', 'b', 'c'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      dev,
      rec,
      status: fc.constantFrom(
        'pending' as const,
        'accepted' as const,
        'withdrawn' as const,
        'removed' as const,
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('send' as const), dev, rec }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), dev, rec }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.constantFrom(0, 1_000, 5_000, 20_000, 120_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), dev }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), dev, on: fc.boolean() }) },
) as fc.Arbitrary<Op>;

const scheduleArb = fc.record({
  devices: fc.integer({ min: 2, max: 3 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  jitterMs: fc.constantFrom(0, 2_000, 60_000),
  dropRate: fc.constantFrom(0, 0.2),
  ops: fc.array(opArb, { minLength: 3, maxLength: 10 }),
});

interface Device {
  db: ResellerDb;
  store: DexieLocalStore;
  browser: FakeBrowser;
  context: FakeContext;
  engine: SyncEngine;
}

const opened: ResellerDb[] = [];
afterAll(async () => {
  setClock();
  for (const db of opened) await db.delete();
});

function boot(d: Device, time: VirtualTime): void {
  d.context = d.browser.context();
  d.engine = new SyncEngine({ area: d.context, store: d.store, timers: time.timers() });
  void d.engine.start();
}

async function snapshot(d: Device, table: string, id: string): Promise<SyncRecord | undefined> {
  const row = await d.db.syncRecords.get(`${table}/${id}`);
  if (!row) return undefined;
  const { key: _k, ...r } = row;
  return r;
}

/** One local write through ordinary Dexie calls (the middleware stamps it), then the page's ping. */
async function write(d: Device, o: Op, t: number, deleted: Set<string>): Promise<SyncRecord | undefined> {
  if (!('rec' in o)) return undefined;
  const [cid, iid] = [`c${o.rec}`, `i${o.rec}`];
  const customer = await d.db.customers.get(cid);
  const base = {
    id: cid,
    companyName: 'x',
    contactName: '',
    email: '',
    domain: '',
    tenantId: '',
    language: 'en' as const,
    notes: '',
    servedByAnotherPartner: false,
    createdAt: t,
    updatedAt: t,
  };
  const invitation = (await d.db.invitations.get(iid)) ?? {
    id: iid,
    customerId: cid,
    type: 'reseller',
    status: 'pending',
    epoch: 0,
    sentAt: [] as number[],
  };
  let touched: [string, string] | undefined;
  if (o.kind === 'edit') {
    await d.db.customers.put(toRow({ ...base, ...customer, [o.field]: o.value }));
    touched = ['customers', cid];
  } else if (o.kind === 'status') {
    await d.db.invitations.put({ ...invitation, status: o.status } as never);
    touched = ['invitations', iid];
  } else if (o.kind === 'send') {
    const sentAt = [...invitation.sentAt, t];
    await d.db.invitations.put({ ...invitation, sentAt, firstSentAt: sentAt[0], lastSentAt: t } as never);
    touched = ['invitations', iid];
  } else if (o.kind === 'delete' && customer) {
    await d.db.customers.delete(cid);
    deleted.add(`customers/${cid}`);
    touched = ['customers', cid];
  }
  d.engine.notifyLocalChange();
  return touched ? snapshot(d, ...touched) : undefined;
}

async function state(d: Device): Promise<Map<string, SyncRecord>> {
  return new Map((await d.store.readAll()).map((r) => [`${r.table}/${r.id}`, r]));
}

type Schedule = typeof scheduleArb extends fc.Arbitrary<infer T> ? T : never;

async function execute(s: Schedule) {
  const time = new DexieTime();
  setClock(() => time.now);
  const cloud = new FakeCloud(time, { seed: s.seed, jitterMs: s.jitterMs, dropRate: s.dropRate });
  const devices: Device[] = [];
  for (let i = 0; i < s.devices; i++) {
    const db = createDb(`p-${crypto.randomUUID()}`);
    opened.push(db);
    const d = { db, store: new DexieLocalStore(db), browser: cloud.addBrowser(`D${i}`) } as Device;
    boot(d, time);
    devices.push(d);
  }
  await time.advance(2_000);
  const edits: SyncRecord[] = [];
  const deleted = new Set<string>();
  for (const o of s.ops) {
    if (o.kind === 'wait') await time.advance(o.ms);
    else {
      const d = devices[o.dev % devices.length] as Device;
      if (o.kind === 'restart') {
        d.engine.stop();
        d.context.kill();
        boot(d, time);
      } else if (o.kind === 'offline') cloud.setOnline(d.browser, !o.on);
      else {
        const r = await write(d, o, time.now, deleted);
        if (r) edits.push(r);
      }
      await time.advance(100);
    }
  }
  for (const d of devices) cloud.setOnline(d.browser, true);
  for (let i = 0; i < 12; i++) await time.advance(10 * 60_000);
  for (const d of devices) d.engine.stop();
  return { devices, edits, deleted };
}

describe('sync properties with real Dexie over fake-indexeddb', () => {
  it(`${RUNS} schedules of 2–3 browsers: converge, lose no edit, delete nothing without a tombstone`, async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArb, async (schedule) => {
        const { devices, edits, deleted } = await execute(schedule);
        const states = await Promise.all(devices.map(state));
        const text = (m: Map<string, SyncRecord>) => [...m.values()].map(recordFingerprint).sort().join('\n');
        const first = states[0] as Map<string, SyncRecord>;
        for (const other of states) expect(text(other)).toBe(text(first));
        for (const e of edits) {
          const now = first.get(`${e.table}/${e.id}`);
          expect(now, `record of ${e.table}/${e.id}`).toBeDefined();
          if (now)
            expect(sameRecord(mergeRecords(now, e), now), `edit kept: ${JSON.stringify(e)}`).toBe(true);
        }
        for (const [key, r] of first) if (r.deleted) expect(deleted.has(key), `tombstone ${key}`).toBe(true);
        // The live tables agree with the records: a tombstoned customer is gone from every browser's table.
        for (const d of devices) {
          const ids = new Set((await d.db.customers.toArray()).map((c) => `customers/${c.id}`));
          for (const [key, r] of first)
            if (r.table === 'customers') expect(ids.has(key), key).toBe(isAlive(r));
        }
      }),
      { numRuns: RUNS, seed: 7 },
    );
  }, 600_000);
});
