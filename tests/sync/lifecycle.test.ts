/**
 * Fault scenarios (docs/testing.md, "Sync fault scenarios"), part 2: clocks, worker death, foreign data, duplicates,
 * uninstall, versions.
 */
import { describe, expect, it } from 'vitest';
import { parseHlc } from '../../src/core/sync-clock';
import type { SyncRecord } from '../../src/core/sync-merge';
import { decodeShard, encodeShard, packBlob } from '../../src/sync/codec';
import { Fleet } from './harness';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('clock skew', () => {
  it('causally later edits win whatever the clocks; the clock survives a restart; the far-off clock is reported', async () => {
    const fleet = new Fleet();
    const ahead = fleet.add('Ahead', (b) => {
      b.clockOffset = 2 * DAY;
    });
    const behind = fleet.add('Behind', (b) => {
      b.clockOffset = -3_600_000;
    });
    const jumpy = fleet.add('Jumpy');
    await fleet.run(MINUTE);
    fleet.edit(ahead, 'customers', 'c1', { name: 'by Ahead' });
    await fleet.run(MINUTE);
    fleet.edit(behind, 'customers', 'c1', { name: 'by Behind, after seeing Ahead' });
    await fleet.run(MINUTE);
    expect(jumpy.store.get('customers', 'c1')?.fields.name).toBe('by Behind, after seeing Ahead');

    const first = fleet.edit(jumpy, 'customers', 'c2', { name: 'first' });
    jumpy.browser.clockOffset = -2 * 3_600_000; // the wall clock jumps back between edits, across a restart
    fleet.restart(jumpy);
    const second = fleet.edit(jumpy, 'customers', 'c2', { name: 'second' });
    expect((second.clocks.name ?? '') > (first.clocks.name ?? '')).toBe(true);
    await fleet.run(5 * MINUTE);
    for (const d of fleet.devices) expect(d.store.get('customers', 'c2')?.fields.name).toBe('second');

    const warning = behind.engine.status?.warnings.find((w) => w.code === 'clock-skew');
    expect(warning).toMatchObject({ code: 'clock-skew', deviceId: ahead.store.deviceId });
    expect(warning && 'aheadMs' in warning && warning.aheadMs).toBeGreaterThan(DAY);
    expect(ahead.engine.status?.warnings.some((w) => w.code === 'clock-skew')).toBe(false);
    expect(fleet.converged()).toBe(true);
  });
});

describe('worker death', () => {
  it('between the local commit and set(): the next start pushes the edit', async () => {
    const fleet = new Fleet();
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    await fleet.run(MINUTE);
    fleet.edit(a, 'customers', 'c1', { name: 'before death' });
    a.browser.onCall = (op) => {
      if (op === 'get') fleet.kill(a);
    };
    await fleet.run(MINUTE);
    expect(b.store.get('customers', 'c1')).toBeUndefined();
    a.browser.onCall = undefined;
    fleet.restart(a);
    await fleet.run(MINUTE);
    expect(b.store.get('customers', 'c1')?.fields.name).toBe('before death');
  });

  it('between set() and any bookkeeping: the restart finds nothing to redo', async () => {
    const fleet = new Fleet();
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    await fleet.run(MINUTE);
    fleet.edit(a, 'customers', 'c1', { name: 'written, never acknowledged' });
    a.browser.onCall = (op) => {
      if (op === 'set') fleet.kill(a);
    };
    await fleet.run(MINUTE);
    a.browser.onCall = undefined;
    const calls = a.browser.calls.length;
    fleet.restart(a);
    await fleet.run(10 * MINUTE);
    expect(b.store.get('customers', 'c1')?.fields.name).toBe('written, never acknowledged');
    expect(a.browser.calls.length - calls).toBeLessThanOrEqual(1); // at most the deferred device key
    expect(fleet.converged()).toBe(true);
  });
});

describe('corrupt or foreign data', () => {
  it('a shard that does not decode is kept as it is, never overwritten, and reported', async () => {
    const fleet = new Fleet();
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    await fleet.run(MINUTE);
    const vandal = fleet.cloud.addBrowser('Vandal').context();
    await fleet.time.resolve(vandal.set({ s3: 'z1:@@not base64@@', theme: 'dark' }));
    await fleet.run(MINUTE);
    for (let i = 0; i < 5; i++) fleet.edit(a, 'customers', `c${i}`, { name: `C${i}` });
    await fleet.run(5 * MINUTE);
    expect(fleet.cloud.serverState().s3).toBe('z1:@@not base64@@');
    expect(fleet.cloud.serverState().theme).toBe('dark');
    expect(a.browser.calls.some((c) => c.keys.includes('s3') || c.keys.includes('theme'))).toBe(false);
    expect(a.engine.status?.warnings).toContainEqual({ code: 'quarantined', keys: ['s3'] });
    expect((await a.store.readMeta()).quarantine).toEqual({ s3: 'z1:@@not base64@@' });
    expect(b.store.get('customers', 'c4')?.fields.name).toBe('C4');
  });

  it('data in a newer format (z9:, manifest v9) makes an old client stop writing shards but keep its outbox', async () => {
    const fleet = new Fleet();
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    await fleet.run(MINUTE);
    const newer = fleet.cloud.addBrowser('Newer').context();
    await fleet.time.resolve(newer.set({ s0: 'z9:AAAA', m: { v: 9, fmt: 'z9', S: 1, gc: '' } }));
    await fleet.run(MINUTE);
    fleet.edit(a, 'customers', 'c1', { name: 'from an old client' });
    await fleet.run(MINUTE);
    expect(fleet.cloud.serverState().s0).toBe('z9:AAAA');
    expect(a.engine.status?.warnings.map((w) => w.code)).toContain('newer-version');
    expect(a.engine.status?.state).not.toBe('ok');
    expect(b.store.get('customers', 'c1')?.fields.name).toBe('from an old client'); // through d:A
  });

  it('fields a newer version added round-trip unchanged through an old client', async () => {
    const fleet = new Fleet();
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    await fleet.run(MINUTE);
    const clock = '0mvx2cuiw000New1';
    const fromNewer: SyncRecord = {
      id: 'c1',
      table: 'customers',
      fields: { name: 'Contoso', phoneE164: '+33123456789', tags: ['vip'] },
      clocks: { name: clock, phoneE164: clock, tags: clock },
    };
    const newer = fleet.cloud.addBrowser('Newer').context();
    await fleet.time.resolve(newer.set({ s0: encodeShard([fromNewer]) }));
    await fleet.run(MINUTE);
    fleet.edit(a, 'customers', 'c1', { name: 'Contoso SA' });
    await fleet.run(5 * MINUTE);
    const shard = decodeShard(fleet.cloud.serverState().s0);
    const c1 = shard.ok ? shard.value.find((r) => r.id === 'c1') : undefined;
    expect(c1?.fields).toEqual({ name: 'Contoso SA', phoneE164: '+33123456789', tags: ['vip'] });
    expect(c1?.clocks.phoneE164).toBe(clock);
    expect(b.store.get('customers', 'c1')?.fields.phoneE164).toBe('+33123456789');
  });
});

describe('duplicate, out-of-order and spurious onChanged', () => {
  it('Chrome mode: duplicated and reordered deliveries change nothing and cost no writes', async () => {
    const fleet = new Fleet({ duplicateRate: 1, jitterMs: 30_000 });
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    for (let i = 0; i < 10; i++) fleet.edit(a, 'customers', `c${i}`, { name: `C${i}` });
    await fleet.run(30 * MINUTE);
    const state = Fleet.state(b);
    const writes = fleet.writesSince(0);
    for (let i = 0; i < 5; i++) b.browser.applyIncoming(Object.fromEntries(b.browser.replica), true);
    await fleet.run(30 * MINUTE);
    expect(Fleet.state(b)).toBe(state);
    expect(fleet.writesSince(0)).toBe(writes);
    expect(fleet.converged()).toBe(true);
  });

  it('Firefox mode: every sync reports unchanged keys too; the engines converge and then stay quiet', async () => {
    const fleet = new Fleet({ mode: 'firefox' });
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    fleet.edit(a, 'customers', 'c1', { name: 'A' });
    fleet.edit(b, 'customers', 'c2', { name: 'B' });
    await fleet.run(60 * MINUTE);
    expect(fleet.converged()).toBe(true);
    expect(a.store.get('customers', 'c2')?.fields.name).toBe('B');
    const quiet = fleet.time.now;
    await fleet.run(3 * 60 * MINUTE);
    expect(fleet.writesSince(quiet)).toBe(0);
  });
});

describe('uninstall on one device', () => {
  it('wipes the cloud copy; the others re-seed it; the reinstalled device pulls everything back', async () => {
    const fleet = new Fleet();
    const [a, b, c] = [fleet.add('A'), fleet.add('B'), fleet.add('C')];
    for (let i = 0; i < 20; i++) fleet.edit(a, 'customers', `c${i}`, { name: `C${i}` });
    await fleet.run(10 * MINUTE);
    fleet.uninstall(c);
    await fleet.run(MINUTE);
    expect(Object.keys(fleet.cloud.serverState()).length).toBeGreaterThan(0); // re-seeded already
    fleet.reinstall(c);
    await fleet.run(30 * MINUTE);
    expect(c.store.records.size).toBe(20);
    expect(b.store.records.size).toBe(20);
    expect(fleet.converged()).toBe(true);
  });
});

describe('mixed versions', () => {
  it('an unknown status from a newer version orders above the known ones on every client', async () => {
    const fleet = new Fleet();
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    fleet.edit(a, 'invitations', 'i1', { customerId: 'c1', status: 'accepted' });
    await fleet.run(MINUTE);
    fleet.edit(b, 'invitations', 'i1', { status: 'expired' });
    fleet.edit(a, 'invitations', 'i1', { status: 'removed' });
    await fleet.run(10 * MINUTE);
    for (const d of [a, b]) expect(d.store.get('invitations', 'i1')?.fields.status).toBe('expired');
  });

  it('a manifest this version reads keeps its own fields', () => {
    expect(packBlob({ v: 1 })).toMatch(/^j1:/);
    expect(parseHlc('0mvx2cuiw000New1')?.node).toBe('New1');
  });
});
