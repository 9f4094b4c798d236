/**
 * Fault scenarios (docs/testing.md, "Sync fault scenarios"), part 1: quota, rate, partial propagation, lost race,
 * sign-in, over quota.
 */
import { describe, expect, it } from 'vitest';
import { isAlive, mergeRecords, type SyncRecord, sameRecord } from '../../src/core/sync-merge';
import { encodeShard } from '../../src/sync/codec';
import { CHROME_LIMITS, totalBytes } from '../../src/sync/quota';
import { rng } from './fake-cloud';
import { Fleet } from './harness';

/** Text that does not compress: what makes shards fill up. */
function noise(seed: number, length: number): string {
  const random = rng(seed + 1);
  return Array.from({ length }, () => Math.floor(random() * 36).toString(36)).join('');
}

const MINUTE = 60_000;

async function pair(options: ConstructorParameters<typeof Fleet>[0] = {}) {
  const fleet = new Fleet(options);
  const a = fleet.add('A');
  const b = fleet.add('B');
  await fleet.run(10_000);
  return { fleet, a, b };
}

describe('quota error mid-flush', () => {
  it.each(['Resource::kQuotaBytes quota exceeded', 'QUOTA_BYTES_PER_ITEM quota exceeded'])(
    '%s: nothing is written, the edit stays local, the state says so, and it does not retry in a loop',
    async (message) => {
      const { fleet, a, b } = await pair();
      a.browser.failures.push(message);
      fleet.edit(a, 'customers', 'c1', { name: 'Contoso' });
      await fleet.run(MINUTE);
      expect(a.browser.calls.at(-1)?.error).toBe(message);
      expect(b.store.get('customers', 'c1')).toBeUndefined();
      expect(a.engine.status?.state).toBe('over-quota');
      const calls = a.browser.calls.length;
      await fleet.run(2 * 3_600_000);
      expect(a.browser.calls.length).toBe(calls);
      fleet.edit(a, 'customers', 'c2', { name: 'Fabrikam' });
      await fleet.run(MINUTE);
      expect(b.store.get('customers', 'c1')?.fields.name).toBe('Contoso');
      expect(a.engine.status?.state).toBe('ok');
    },
  );
});

describe('rate window exhausted', () => {
  it('the 121st call in a minute is refused; the engine waits for the window and loses nothing', async () => {
    const { fleet, a, b } = await pair();
    await fleet.run(2 * MINUTE);
    const page = a.browser.context(); // another extension page writing storage.sync: not ours, but counted
    for (let i = 0; i < 120; i++) await fleet.time.resolve(page.set({ foreign: i }));
    fleet.edit(a, 'customers', 'c1', { name: 'Contoso' });
    await fleet.run(10_000);
    expect(a.browser.calls.at(-1)?.error).toBe(
      'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
    );
    expect(a.engine.status?.warnings.map((w) => w.code)).toContain('rate-limited');
    await fleet.run(2 * MINUTE);
    expect(b.store.get('customers', 'c1')?.fields.name).toBe('Contoso');
    expect(a.browser.calls.filter((c) => c.error).length).toBe(1);
  });

  it('the per-hour variant: the engine waits out the hour', async () => {
    const { fleet, a, b } = await pair();
    await fleet.run(2 * MINUTE);
    const page = a.browser.context();
    let hourSpent = false;
    while (!hourSpent) {
      for (let i = 0; i < 120 && !hourSpent; i++) {
        await fleet.time.resolve(page.set({ foreign: i })).catch((e: Error) => {
          hourSpent = e.message.includes('PER_HOUR');
        });
      }
      if (!hourSpent) await fleet.run(MINUTE);
    }
    fleet.edit(a, 'customers', 'c1', { name: 'Contoso' });
    await fleet.run(10_000);
    expect(a.browser.calls.at(-1)?.error).toBe(
      'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.',
    );
    await fleet.run(30 * MINUTE);
    expect(b.store.get('customers', 'c1')).toBeUndefined();
    await fleet.run(40 * MINUTE);
    expect(b.store.get('customers', 'c1')?.fields.name).toBe('Contoso');
  });
});

/** A reader's records only ever move forward: none disappears, none goes back to an older value. */
function watchMonotonic(records: () => Map<string, SyncRecord>) {
  let previous = new Map<string, SyncRecord>();
  return () => {
    const now = records();
    for (const [key, before] of previous) {
      const after = now.get(key);
      expect(after, `${key} vanished`).toBeDefined();
      if (after) expect(sameRecord(mergeRecords(after, before), after), `${key} went back`).toBe(true);
    }
    previous = new Map([...now].map(([k, r]) => [k, structuredClone(r)]));
  };
}

describe('partial propagation', () => {
  it('keys of one set() arriving minutes apart, reordered, dropped and retried, never hide a record, across a reshard', async () => {
    const { fleet, a, b } = await pair({ jitterMs: 90_000, dropRate: 0.3, keyDelayMs: { s1: 5 * MINUTE } });
    for (let i = 0; i < 40; i++)
      fleet.edit(a, 'customers', `c${i}`, { name: `Customer ${i}`, note: 'x'.repeat(60) });
    await fleet.run(10 * MINUTE);
    const check = watchMonotonic(() => b.store.records);
    check();
    for (let i = 40; i < 160; i++) {
      fleet.edit(a, 'customers', `c${i}`, { name: `Customer ${i}`, note: noise(i, 60) });
      fleet.edit(a, 'customers', `c${i % 40}`, { name: `Renamed ${i}` });
    }
    for (let t = 0; t < 30; t++) {
      await fleet.run(20_000);
      check();
    }
    expect(Object.keys(fleet.cloud.serverState()).filter((k) => /^s\d+$/.test(k)).length).toBeGreaterThan(1);
    expect(fleet.converged()).toBe(true);
    expect(b.store.records.size).toBe(160);
  }, 60_000);
});

describe('lost server race', () => {
  it('A and B write the same shard, B wins, A dies before hearing of it: A’s edit still arrives through d:A', async () => {
    const fleet = new Fleet();
    const [a, b, c] = [fleet.add('A'), fleet.add('B'), fleet.add('C')];
    await fleet.run(10 * MINUTE);
    fleet.edit(a, 'customers', 'ca', { name: 'from A' });
    await fleet.run(100);
    fleet.edit(b, 'customers', 'cb', { name: 'from B' });
    await fleet.run(3_350); // both flushed s0; A's commit reached the server first, B's after: B wins s0
    expect(fleet.cloud.server.get('s0')?.value).toBe(b.browser.replica.get('s0'));
    fleet.killForever(a); // before B's s0 reaches A
    await fleet.run(30 * MINUTE);
    for (const d of [b, c]) expect(d.store.get('customers', 'ca')?.fields.name).toBe('from A');
    expect(fleet.converged()).toBe(true);
  });
});

describe('first sign-in wipe', () => {
  it('keys written while signed out are deleted on sign-in; the engine pushes them again from the local store', async () => {
    const { fleet, a, b } = await pair();
    fleet.edit(a, 'customers', 'c1', { name: 'Shared' });
    await fleet.run(MINUTE);
    fleet.cloud.signOut(b.browser);
    fleet.edit(b, 'customers', 'c2', { name: 'Made offline' });
    await fleet.run(MINUTE);
    expect(b.browser.replica.has('s0')).toBe(true);
    fleet.cloud.signIn(b.browser);
    await fleet.run(30 * MINUTE);
    expect(a.store.get('customers', 'c2')?.fields.name).toBe('Made offline');
    expect(fleet.converged()).toBe(true);
  });
});

function bulky(i: number): SyncRecord {
  const clock = `0mvx2cuiw000Old${i % 10}`;
  const fields = { name: `Old ${i}`, note: noise(i + 10_000, 90) };
  return { id: `old${i}`, table: 'customers', fields, clocks: { name: clock, note: clock } };
}

describe('incoming data over quota', () => {
  it('after incoming data the area is over quota; the engine removes its own surplus keys first, then writes', async () => {
    const fleet = new Fleet();
    const old = fleet.cloud.addBrowser('Old'); // an older layout, offline, wrote shards past ours
    fleet.cloud.signOut(old);
    const [a, b] = [fleet.add('A'), fleet.add('B')];
    for (let i = 0; i < 800; i++) fleet.edit(a, 'customers', `c${i}`, { name: `C${i}`, note: noise(i, 50) });
    await fleet.run(10 * MINUTE);
    const raw = old.context();
    for (let k = 0; k < 12; k++) {
      const value = encodeShard(Array.from({ length: 80 }, (_, i) => bulky(k * 80 + i)));
      await fleet.time.resolve(raw.set({ [`s${20 + k}`]: value }));
    }
    let peak = 0;
    a.browser.listen(() => {
      peak = Math.max(peak, totalBytes(Object.fromEntries(a.browser.replica)));
    });
    old.signedIn = true; // back online without a first-sync overwrite: its keys reach everyone, quota unchecked
    fleet.cloud.setOnline(old, true);
    await fleet.run(30 * MINUTE);
    expect(peak).toBeGreaterThan(CHROME_LIMITS.QUOTA_BYTES);
    const removeCall = a.browser.calls.findIndex((c) => c.op === 'remove');
    const setAfter = a.browser.calls.findIndex((c, i) => i > removeCall && c.op === 'set' && !c.error);
    expect(removeCall).toBeGreaterThanOrEqual(0);
    expect(a.browser.calls[removeCall]?.keys.every((k) => Number(k.slice(1)) >= 16)).toBe(true);
    expect(setAfter).toBeGreaterThan(removeCall);
    expect(a.browser.calls.some((c) => c.error)).toBe(false);
    expect(totalBytes(fleet.cloud.serverState())).toBeLessThanOrEqual(CHROME_LIMITS.QUOTA_BYTES);
    for (let i = 0; i < 960; i++) expect(a.store.get('customers', `old${i}`)).toBeDefined();
    expect(b.store.records.size).toBe(1_760);
    expect([...a.store.records.values()].every((r) => isAlive(r))).toBe(true);
    expect(a.engine.status?.state).toBe('full');
    expect(fleet.converged()).toBe(true);
  }, 60_000);
});
