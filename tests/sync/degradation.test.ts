/**
 * The degradation ladder, the status shown to the user, and tombstone collection (docs/sync.md, "Degradation states",
 * "Tombstones and their collection").
 */
import { describe, expect, it } from 'vitest';
import { isAlive } from '../../src/core/sync-merge';
import { needsAttention } from '../../src/core/sync-status';
import { CHROME_LIMITS, OUR_LIMITS, totalBytes } from '../../src/sync/quota';
import { type Device, Fleet } from './harness';
import { realisticStore } from './realistic';

const MINUTE = 60_000;
const DAY = 86_400_000;

async function load(fleet: Fleet, devices: Device[], customers: number): Promise<void> {
  const records = await realisticStore(customers).readAll();
  for (const d of devices) {
    await d.store.applyRemote(records, fleet.time.now);
    d.engine.notifyLocalChange();
  }
}

describe('full: a deterministic subset syncs, the same on every device, and the rest is labelled', () => {
  it('two devices holding 700 realistic customers agree on the subset, stay within 90%, then go quiet', {
    timeout: 60_000,
  }, async () => {
    const fleet = new Fleet();
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    await load(fleet, [a, b], 700);
    await fleet.run(30 * MINUTE);
    const [sa, sb] = [a.engine.status, b.engine.status];
    expect(sa?.state).toBe('full');
    expect(sb?.state).toBe('full');
    expect(sa?.notSynced.length).toBeGreaterThan(0);
    expect(sa?.notSynced).toEqual(sb?.notSynced);
    expect((sa?.customersSynced ?? 0) + (sa?.notSynced.length ?? 0)).toBe(700);
    expect(sa?.warnings).toContainEqual({ code: 'full', notSynced: sa?.notSynced.length });
    expect(needsAttention(sa ?? ({} as never))).toBe(true);
    expect(totalBytes(fleet.cloud.serverState())).toBeLessThanOrEqual(OUR_LIMITS.totalBytes);
    const quiet = fleet.time.now;
    await fleet.run(3 * 60 * MINUTE);
    expect(fleet.writesSince(quiet)).toBe(0);

    const c = fleet.add('C'); // a new browser gets exactly the synced subset
    await fleet.run(10 * MINUTE);
    // A third device key leaves less room for shards: every device recomputes the same, smaller subset.
    const now = a.engine.status;
    expect(now?.customersSynced).toBeLessThan(sa?.customersSynced ?? 0);
    expect(b.engine.status?.notSynced).toEqual(now?.notSynced);
    const customers = [...c.store.records.values()].filter((r) => r.table === 'customers');
    expect(customers.length).toBe(now?.customersSynced);
    expect(customers.some((r) => now?.notSynced.includes(r.id))).toBe(false);
    expect(a.store.records.size).toBe(1_400); // nothing left out is lost locally
  });
});

describe('status', () => {
  it('reports usage, customers synced X of Y, devices seen and the last sync; near full past 70%', {
    timeout: 30_000,
  }, async () => {
    const fleet = new Fleet();
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    await load(fleet, [a], 40);
    await fleet.run(10 * MINUTE);
    const status = a.engine.status;
    expect(status).toMatchObject({ state: 'ok', customersSynced: 40, customersTotal: 40, notSynced: [] });
    expect(status?.bytesUsed).toBe(totalBytes(Object.fromEntries(a.browser.replica)));
    expect(status?.quotaBytes).toBe(CHROME_LIMITS.QUOTA_BYTES);
    expect(status?.lastSyncedAt).toBeGreaterThan(fleet.time.now - 10 * MINUTE);
    expect(status?.devices.map((d) => [d.deviceId, d.self])).toEqual([
      [a.store.deviceId, true],
      [b.store.deviceId, false],
    ]);
    expect((await a.store.readMeta()).status).toEqual(status);

    await load(fleet, [a], 500); // with the 40 above: past 70% of the quota, short of the 90% cap (≈ 140 B each)
    await fleet.run(10 * MINUTE);
    expect(a.engine.status?.state).toBe('near-full');
    expect(a.engine.status?.bytesUsed).toBeGreaterThanOrEqual(0.7 * CHROME_LIMITS.QUOTA_BYTES);
  });

  it('unavailable when the browser refuses storage.sync, and back when it works again', async () => {
    const fleet = new Fleet();
    const a = fleet.add('A', (browser) => {
      browser.unavailable = true;
    });
    await fleet.run(MINUTE);
    expect(a.engine.status).toMatchObject({ state: 'unavailable' });
    expect(a.engine.status?.warnings[0]).toMatchObject({ code: 'unavailable' });
    a.browser.unavailable = false;
    await fleet.time.resolve(a.engine.reconcile());
    expect(a.engine.status?.state).toBe('ok');
  });
});

describe('tombstone collection', () => {
  it('collects a tombstone once every active device acked it and it is 30 days old; a returning device reviews, never resurrects', {
    timeout: 60_000,
  }, async () => {
    const fleet = new Fleet({}, { reconcileMs: 6 * 60 * MINUTE });
    const [a, b, c] = [fleet.add('A'), fleet.add('B'), fleet.add('C')];
    fleet.edit(a, 'customers', 'gone', { name: 'Forget me' });
    fleet.edit(a, 'customers', 'kept', { name: 'Keep me' });
    await fleet.run(10 * MINUTE);
    fleet.cloud.setOnline(c.browser, false); // C is away, holding "gone" alive
    fleet.remove(a, 'customers', 'gone');
    await fleet.run(40 * DAY);
    expect(a.store.get('customers', 'gone')).toBeDefined(); // C is still active and has not acked
    await fleet.run(25 * DAY); // C silent for more than 60 days: no longer counted
    for (const d of [a, b]) expect(d.store.get('customers', 'gone')).toBeUndefined();
    const manifest = fleet.cloud.serverState().m as { gc: string };
    expect(manifest.gc).not.toBe('');

    fleet.cloud.setOnline(c.browser, true);
    await fleet.run(60 * MINUTE);
    expect(isAlive(c.store.get('customers', 'gone') ?? ({} as never))).toBe(true); // not deleted
    expect(c.engine.status?.warnings).toContainEqual({ code: 'review', count: 1 });
    for (const d of [a, b]) expect(d.store.get('customers', 'gone')).toBeUndefined(); // not resurrected
    expect(b.store.get('customers', 'kept')?.fields.name).toBe('Keep me');
  });
});
