/**
 * Random programs for the property tests (docs/testing.md, "Sync properties"): 2–4 browsers editing the same few
 * customers and invitations while workers restart, browsers go offline, sign out and in, one may die for good or
 * uninstall, clocks are skewed, and the network delays, reorders, duplicates and drops deliveries.
 */
import fc from 'fast-check';
import { formatHlc, hlcNode } from '../../src/core/sync-clock';
import { isAlive, mergeRecords, type SyncRecord, sameRecord, tableIdKey } from '../../src/core/sync-merge';
import { encodeDevice } from '../../src/sync/device';
import { OUR_LIMITS } from '../../src/sync/quota';
import type { CloudOptions } from './fake-cloud';
import { type Device, Fleet } from './harness';

export type Op =
  | { kind: 'edit'; dev: number; rec: number; field: 'name' | 'note'; value: string }
  | { kind: 'status'; dev: number; rec: number; status: 'pending' | 'accepted' | 'withdrawn' | 'removed' }
  | { kind: 'send'; dev: number; rec: number }
  | { kind: 'delete'; dev: number; rec: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'restart'; dev: number }
  | { kind: 'offline'; dev: number; on: boolean }
  | { kind: 'signOut'; dev: number }
  | { kind: 'killForever'; dev: number }
  | { kind: 'uninstall'; dev: number }
  | { kind: 'skew'; dev: number; offset: number }
  /** The misbehaving browser writes its own key: wrong types, clocks far ahead, or tombstones for everything. */
  | { kind: 'forge'; what: 'types' | 'ahead' | 'mass' };

export interface Schedule {
  devices: number;
  cloud: CloudOptions;
  ops: Op[];
  /** One misbehaving browser joins (forge ops); device 0 first creates 15 more customers for it to mass-delete. */
  hostile?: boolean;
}

export const EVIL = 'Evil01';

const dev = fc.integer({ min: 0, max: 3 });
const rec = fc.integer({ min: 0, max: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit'),
      dev,
      rec,
      field: fc.constantFrom('name', 'note'),
      value: fc.constantFrom('a', 'b', 'c', 'd'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('status'),
      dev,
      rec,
      status: fc.constantFrom('pending', 'accepted', 'withdrawn', 'removed'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('send'), dev, rec }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete'), dev, rec }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('wait'),
      ms: fc.constantFrom(0, 300, 1_000, 5_000, 20_000, 120_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart'), dev }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline'), dev, on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('signOut'), dev }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('skew'),
      dev,
      offset: fc.constantFrom(-3_600_000, 2 * 86_400_000, -5_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('killForever'), dev }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('uninstall'), dev }) },
) as fc.Arbitrary<Op>;

export const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  devices: fc.integer({ min: 2, max: 4 }),
  cloud: fc.record({
    mode: fc.constantFrom('chrome', 'chrome', 'chrome', 'firefox'),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    jitterMs: fc.constantFrom(0, 2_000, 60_000),
    dropRate: fc.constantFrom(0, 0.1, 0.3),
    duplicateRate: fc.constantFrom(0, 0.2),
  }),
  ops: fc.array(op, { minLength: 3, maxLength: 14 }),
});

const forgeOp: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant('forge' as const),
  what: fc.constantFrom('types' as const, 'ahead' as const, 'mass' as const),
});

export const hostileScheduleArb: fc.Arbitrary<Schedule> = fc.record({
  devices: fc.integer({ min: 2, max: 3 }),
  cloud: fc.record({
    mode: fc.constantFrom('chrome', 'chrome', 'firefox'),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    jitterMs: fc.constantFrom(0, 2_000, 60_000),
    dropRate: fc.constantFrom(0, 0.1),
    duplicateRate: fc.constantFrom(0, 0.2),
  }),
  // Uninstalling wipes storage.sync for every browser, the forged key with it: covered by the schedules above.
  ops: fc.array(
    fc.oneof(
      { weight: 6, arbitrary: op.filter((o) => o.kind !== 'uninstall') },
      { weight: 2, arbitrary: forgeOp },
    ),
    {
      minLength: 3,
      maxLength: 12,
    },
  ),
  hostile: fc.constant(true),
});

interface Edit {
  device: Device;
  at: number;
  snapshot: SyncRecord;
}

export interface Outcome {
  fleet: Fleet;
  edits: Edit[];
  /** Records some live device held once the program ended: none may disappear (property 3). */
  created: Set<string>;
  deleted: Set<string>;
  uninstalled: boolean;
  /** Writes after everything settled, over three more hours. */
  lateWrites: number;
  /** What the misbehaving browser sent. */
  forged: Set<string>;
  hostile: boolean;
}

/** The misbehaving browser's own key: everything it forged so far, as its outbox. */
async function forge(fleet: Fleet, what: 'types' | 'ahead' | 'mass', out: Outcome, sent: SyncRecord[]) {
  const now = fleet.time.now;
  const at = (ms: number) => formatHlc({ pt: ms, c: 0, node: EVIL });
  const rec = (id: string, fields: Record<string, unknown>, clock: string, deleted?: string): SyncRecord => ({
    id,
    table: 'customers',
    fields,
    clocks: Object.fromEntries(Object.keys(fields).map((k) => [k, clock])),
    ...(deleted ? { deleted } : {}),
  });
  const ids = [...Array.from({ length: 15 }, (_, i) => `m${i}`), 'c0', 'c1', 'c2', 'c3'];
  if (what === 'types')
    for (const id of ids.slice(-4)) sent.push(rec(id, { companyName: 42, email: ['x'] }, at(now)));
  if (what === 'ahead')
    for (const id of ids.slice(-4)) sent.push(rec(id, { name: 'future' }, at(now + 400 * DAY)));
  // One mass delete: its tombstones carry one clock (a later one for a single record is an ordinary delete).
  if (what === 'mass' && !out.forged.has('mass'))
    for (const id of ids) sent.push(rec(id, {}, at(now), at(now)));
  out.forged.add(what);
  const browser = fleet.cloud.browsers.find((b) => b.id === EVIL) ?? fleet.cloud.addBrowser(EVIL);
  const value = encodeDevice({ at: now, ver: '9', hw: '', seen: {}, pend: sent });
  await fleet.time.resolve(browser.context().set({ [`d:${EVIL}`]: value }));
}

const DAY = 86_400_000;

function apply(fleet: Fleet, device: Device, o: Op, out: Outcome, as?: string): void {
  const t = fleet.time.now;
  const id = as ?? `c${'rec' in o ? o.rec : 0}`;
  const inv = `i${'rec' in o ? o.rec : 0}`;
  let records: (SyncRecord | undefined)[] = [];
  if (o.kind === 'edit') records = [fleet.edit(device, 'customers', id, { [o.field]: o.value })];
  if (o.kind === 'status')
    records = [fleet.edit(device, 'invitations', inv, { customerId: id, status: o.status })];
  if (o.kind === 'send') {
    const sent = device.store.get('invitations', inv)?.fields.sentAt;
    const sentAt = [...(Array.isArray(sent) ? sent : []), t];
    records = [fleet.edit(device, 'invitations', inv, { customerId: id, sentAt })];
  }
  if (o.kind === 'delete') {
    records = [fleet.remove(device, 'customers', id)];
    if (records[0]) out.deleted.add(`customers/${id}`);
  }
  for (const r of records) if (r) out.edits.push({ device, at: t, snapshot: r });
}

async function step(fleet: Fleet, o: Op, out: Outcome, sent: SyncRecord[]): Promise<void> {
  if (o.kind === 'wait') return fleet.run(o.ms);
  if (o.kind === 'forge') return forge(fleet, o.what, out, sent);
  const device = fleet.devices[o.dev % fleet.devices.length] as Device;
  if (device.dead || !device.browser.installed) return;
  if (o.kind === 'restart') fleet.restart(device);
  else if (o.kind === 'offline') fleet.cloud.setOnline(device.browser, !o.on);
  else if (o.kind === 'signOut') fleet.cloud.signOut(device.browser);
  else if (o.kind === 'skew') device.browser.clockOffset = o.offset;
  else if (o.kind === 'killForever') {
    if (fleet.live().length > 2) fleet.killForever(device);
  } else if (o.kind === 'uninstall') {
    fleet.uninstall(device);
    out.uninstalled = true;
    await fleet.run(30_000);
    fleet.reinstall(device);
  } else apply(fleet, device, o, out);
  await fleet.run(100);
}

/** Runs a schedule, heals everything, waits for quiescence, and counts writes over three more hours. */
export async function execute(schedule: Schedule): Promise<Outcome> {
  const fleet = new Fleet(schedule.cloud);
  for (let i = 0; i < schedule.devices; i++) fleet.add(`D${i}`);
  await fleet.run(2_000);
  const out: Outcome = {
    fleet,
    edits: [],
    created: new Set(),
    deleted: new Set(),
    uninstalled: false,
    lateWrites: 0,
    forged: new Set(),
    hostile: schedule.hostile === true,
  };
  if (out.hostile) {
    const d0 = fleet.devices[0] as Device;
    for (let i = 0; i < 15; i++)
      apply(fleet, d0, { kind: 'edit', dev: 0, rec: 0, field: 'name', value: 'x' }, out, `m${i}`);
    await fleet.run(60_000);
  }
  const sent: SyncRecord[] = [];
  for (const o of schedule.ops) await step(fleet, o, out, sent);
  for (const d of fleet.live()) for (const key of d.store.records.keys()) out.created.add(key);
  for (const d of fleet.live()) {
    fleet.cloud.setOnline(d.browser, true);
    if (!d.browser.signedIn) fleet.cloud.signIn(d.browser);
  }
  await fleet.run(90 * 60_000);
  if (out.hostile) {
    // The partner reviews what the misbehaving browser would have deleted, and keeps it.
    for (const d of fleet.live()) {
      const keys = (await d.store.readMeta()).held
        .filter((h) => h.reason === 'mass-delete')
        .map((h) => h.key);
      if (keys.length > 0) await fleet.time.resolve(d.engine.decide(keys, 'keep'));
    }
    await fleet.run(90 * 60_000);
  }
  const settled = fleet.time.now;
  await fleet.run(3 * 3_600_000);
  out.lateWrites = fleet.writesSince(settled);
  return out;
}

/**
 * The properties of docs/testing.md, "Sync properties", 1–5 and 6 (quiescence); returns a description of the first
 * violation, or undefined.
 */
export function violations(out: Outcome): string | undefined {
  const { fleet } = out;
  const live = fleet.live();
  if (!fleet.converged()) return 'devices did not converge';
  const final = new Map([...(live[0]?.store.records.values() ?? [])].map((r) => [tableIdKey(r), r]));
  for (const e of out.edits) {
    if (!protectedEdit(out, e)) continue;
    const now = final.get(tableIdKey(e.snapshot));
    if (!now) return `edit lost with its record: ${tableIdKey(e.snapshot)}`;
    if (!sameRecord(mergeRecords(now, e.snapshot), now)) return `edit lost: ${JSON.stringify(e.snapshot)}`;
  }
  for (const key of out.created) if (!final.has(key)) return `record vanished: ${key}`;
  for (const [key, r] of final) {
    // A forged tombstone may stand on a record no honest browser made (nothing lost), or on one kept alive.
    const made = out.edits.some((e) => tableIdKey(e.snapshot) === key);
    const forged = out.hostile && hlcNode(r.deleted ?? '') === EVIL && (isAlive(r) || !made);
    if (r.deleted && !out.deleted.has(key) && !forged) return `tombstone nobody made: ${key}`;
  }
  if (out.hostile) {
    for (const [key, r] of final) {
      if (Object.values(r.clocks).some((c) => hlcNode(c) === EVIL))
        return `a forged edit was applied: ${key}`;
      const made = out.edits.some((e) => tableIdKey(e.snapshot) === key);
      if (made && !isAlive(r) && !out.deleted.has(key)) return `deleted by the misbehaving browser: ${key}`;
    }
    // Every browser lists what reached them (Firefox's first sync of a browser with no parent drops its keys).
    if (!out.uninstalled && fleet.cloud.serverState()[`d:${EVIL}`] !== undefined) {
      for (const d of live) {
        const held = d.engine.status?.held ?? [];
        if (out.forged.has('types') && !held.some((h) => h.reason === 'unreadable' && h.deviceId === EVIL))
          return `${d.name} did not list the wrong types`;
        if (out.forged.has('ahead') && !held.some((h) => h.reason === 'clock-ahead' && h.deviceId === EVIL))
          return `${d.name} did not list the clocks ahead`;
      }
    }
  }
  for (const b of fleet.cloud.browsers) {
    if (maxInWindow(b.writeTimes(), 60_000) > OUR_LIMITS.writesPerMinute) return `${b.id} over 20 writes/min`;
    if (maxInWindow(b.writeTimes(), 3_600_000) > OUR_LIMITS.writesPerHour) return `${b.id} over 600 writes/h`;
    const failed = b.calls.find((c) => c.error && !c.error.includes('not available'));
    if (failed) return `${b.id} write refused: ${failed.error}`;
  }
  if (out.lateWrites > 0) return `${out.lateWrites} writes after quiescence`;
  return undefined;
}

/**
 * An edit must survive when its device is still alive and installed (its store holds it), or when its device died for
 * good after a write of its device key that reached the server (the outbox guarantee: docs/sync.md, "Device keys, acks
 * and the outbox"), and no uninstall wiped the cloud copy meanwhile.
 */
function protectedEdit(out: Outcome, e: Edit): boolean {
  const d = e.device;
  if (!d.dead) return d.browser.installed && !out.uninstalled;
  if (out.uninstalled) return false;
  const key = `d:${d.store.deviceId}`;
  const wrote = d.browser.calls.filter((c) => !c.error && c.at > e.at && c.keys.includes(key));
  return wrote.some((w) => d.browser.commits.some((c) => c.at >= w.at && c.keys.includes(key)));
}

/** The largest number of calls in any window of `windowMs`: what the budget property checks. */
function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
