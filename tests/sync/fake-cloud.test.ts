/**
 * The fake itself must behave like the browsers (docs/testing.md, "What storage.sync does"), or the engine's tests
 * prove nothing.
 */
import { describe, expect, it } from 'vitest';
import { CHROME_LIMITS } from '../../src/sync/quota';
import { FakeCloud } from './fake-cloud';
import { FIREFOX_QUOTA_MESSAGE } from './fake-limits';
import { VirtualTime } from './virtual-time';

function setup(options: ConstructorParameters<typeof FakeCloud>[1] = {}) {
  const time = new VirtualTime();
  const cloud = new FakeCloud(time, options);
  const a = cloud.addBrowser('A');
  const b = cloud.addBrowser('B');
  return { time, cloud, a, b, ca: a.context(), cb: b.context() };
}

const big = (n: number) => 'x'.repeat(n);

describe('Chrome mode writes', () => {
  it('refuses a whole set() when one item is too big, with the configured spelling', async () => {
    for (const [spelling, message] of [
      ['new', 'Resource::kQuotaBytesPerItem quota exceeded'],
      ['old', 'QUOTA_BYTES_PER_ITEM quota exceeded'],
    ] as const) {
      const { time, a, ca } = setup({ spelling });
      await expect(time.resolve(ca.set({ ok: 'small', s0: big(8_190) }))).rejects.toThrow(message);
      expect(a.replica.size).toBe(0);
      await expect(time.resolve(ca.set({ s0: big(8_186) }))).resolves.toBeUndefined();
    }
  });

  it('refuses more than MAX_ITEMS keys', async () => {
    const { time, ca } = setup({ spelling: 'old' });
    const items = Object.fromEntries(
      Array.from({ length: CHROME_LIMITS.MAX_ITEMS + 1 }, (_, i) => [`k${i}`, 1]),
    );
    await expect(time.resolve(ca.set(items))).rejects.toThrow('MAX_ITEMS quota exceeded');
  });

  it('counts set, remove and clear in fixed windows: the 121st call in a minute fails, then a new window opens', async () => {
    const { time, ca } = setup();
    for (let i = 0; i < 60; i++) await time.resolve(ca.set({ k: i }));
    for (let i = 0; i < 60; i++) await time.resolve(ca.remove(['k']));
    await expect(time.resolve(ca.set({ k: 'late' }))).rejects.toThrow(
      'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
    );
    await time.advance(60_000);
    await expect(time.resolve(ca.set({ k: 'next window' }))).resolves.toBeUndefined();
  });

  it('fails the 1,801st call in an hour with the per-hour message', async () => {
    const { time, ca } = setup();
    for (let m = 0; m < 15; m++) {
      for (let i = 0; i < 120; i++) await time.resolve(ca.set({ k: i }));
      await time.advance(60_000);
    }
    await expect(time.resolve(ca.set({ k: 'x' }))).rejects.toThrow('MAX_WRITE_OPERATIONS_PER_HOUR');
  });

  it('propagates each key on its own and the last write to reach the server wins', async () => {
    const { time, cloud, a, b, ca, cb } = setup();
    await time.resolve(ca.set({ k: 'A', other: 1 }));
    await time.advance(5_000);
    expect(b.replica.get('k')).toBe('A');
    await time.resolve(cb.set({ k: 'B wins' }));
    await time.advance(5_000);
    expect(cloud.serverState().k).toBe('B wins');
    expect(a.replica.get('k')).toBe('B wins');
  });

  it('applies incoming data without a quota check; then even a shrinking set() fails and only remove() helps', async () => {
    const { time, cloud, a, b, ca, cb } = setup();
    cloud.setOnline(b, false);
    for (let i = 0; i < 7; i++) await time.resolve(ca.set({ [`a${i}`]: big(8_000) }));
    for (let i = 0; i < 7; i++) await time.resolve(cb.set({ [`b${i}`]: big(8_000) }));
    cloud.setOnline(b, true);
    await time.advance(5_000);
    expect(a.replica.size).toBe(14);
    await expect(time.resolve(ca.set({ a1: 'smaller' }))).rejects.toThrow(
      'Resource::kQuotaBytes quota exceeded',
    );
    await expect(time.resolve(ca.remove(['b0', 'b1']))).resolves.toBeUndefined();
    await expect(time.resolve(ca.set({ a1: 'smaller' }))).resolves.toBeUndefined();
  });

  it('on sign-in over existing server data, overwrites local keys and deletes those the server lacks', async () => {
    const { time, cloud, a, b, ca, cb } = setup();
    await time.resolve(ca.set({ shared: 'server' }));
    await time.advance(1_000);
    cloud.signOut(b);
    await time.resolve(cb.set({ shared: 'offline', mine: 'offline only' }));
    cloud.signIn(b);
    expect(Object.fromEntries(b.replica)).toEqual({ shared: 'server' });
    expect(a.replica.get('mine')).toBeUndefined();
  });

  it('wipes every device when one uninstalls', async () => {
    const { time, cloud, a, b, ca } = setup();
    await time.resolve(ca.set({ k: 1 }));
    await time.advance(1_000);
    cloud.uninstall(a);
    await time.advance(1_000);
    expect(b.replica.size).toBe(0);
    expect(cloud.serverState()).toEqual({});
  });

  it('holds an offline browser’s writes and deliveries until it is back', async () => {
    const { time, cloud, a, b, ca } = setup();
    cloud.setOnline(a, false);
    await time.resolve(ca.set({ k: 'queued' }));
    await time.advance(60_000);
    expect(b.replica.has('k')).toBe(false);
    cloud.setOnline(a, true);
    await time.advance(1_000);
    expect(b.replica.get('k')).toBe('queued');
  });
});

describe('Firefox mode', () => {
  it('refuses an item of 8,192 bytes with its one message and has no rate limit', async () => {
    const { time, ca } = setup({ mode: 'firefox' });
    await expect(time.resolve(ca.set({ s0: big(8_188) }))).rejects.toThrow(FIREFOX_QUOTA_MESSAGE);
    await expect(time.resolve(ca.set({ s0: big(8_187) }))).resolves.toBeUndefined();
    for (let i = 0; i < 200; i++) await time.resolve(ca.set({ k: i }));
  });

  it('syncs on a timer and merges three-way with the incoming value winning', async () => {
    const { time, cloud, a, b, ca, cb } = setup({ mode: 'firefox' });
    await time.resolve(ca.set({ x: 'a1', y: 'a1' }));
    cloud.firefoxSync(a);
    cloud.firefoxSync(b);
    expect(b.replica.get('x')).toBe('a1');
    await time.resolve(ca.set({ x: 'a2' }));
    await time.resolve(cb.set({ x: 'b2', z: 'b only' }));
    cloud.firefoxSync(a);
    cloud.firefoxSync(b);
    cloud.firefoxSync(a);
    expect(b.replica.get('x')).toBe('a2');
    expect(a.replica.get('z')).toBe('b only');
    const events: string[] = [];
    cb.onChanged((changes) => events.push(...Object.keys(changes)));
    cloud.firefoxSync(b);
    expect(events).toContain('x');
    await time.advance(11 * 60_000);
  });
});
