/**
 * What sync holds aside (docs/sync.md, "Held aside"), over the fake cloud: records that do not parse, clocks more
 * than 7 days ahead, unconfirmed mass deletions; and what still goes on meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc, MAX_AHEAD_MS, MAX_PT, parseHlc } from '../../src/core/sync-clock';
import { isAlive, type SyncRecord } from '../../src/core/sync-merge';
import { encodeShard } from '../../src/sync/codec';
import { encodeDevice } from '../../src/sync/device';
import { advanceClock } from '../../src/sync/local-store';
import { type Device, Fleet } from './harness';

const MINUTE = 60_000;
const DAY = 86_400_000;
const EVIL = 'Evil01';

function clockAt(ms: number, node = EVIL): string {
  return formatHlc({ pt: ms, c: 0, node });
}

/** A record as a forger writes it: every field at one clock. */
function forged(table: SyncRecord['table'], id: string, fields: Record<string, unknown>, clock: string) {
  const clocks = Object.fromEntries(Object.keys(fields).map((k) => [k, clock]));
  return { id, table, fields, clocks } as SyncRecord;
}

/** Another browser's own key, written by hand: its outbox carries whatever it likes. */
async function send(fleet: Fleet, records: SyncRecord[], deviceId = EVIL): Promise<void> {
  const browser = fleet.cloud.browsers.find((b) => b.id === deviceId) ?? fleet.cloud.addBrowser(deviceId);
  const value = encodeDevice({ at: fleet.time.now, ver: '9', hw: '', seen: {}, pend: records });
  await fleet.time.resolve(browser.context().set({ [`d:${deviceId}`]: value }));
}

async function pair() {
  const fleet = new Fleet();
  const [a, b] = [fleet.add('A'), fleet.add('B')];
  await fleet.run(MINUTE);
  return { fleet, a, b };
}

const held = (d: Device) => d.engine.status?.held ?? [];

describe('a record that does not parse', () => {
  it('is refused and listed (what, from which device, why); the rest applies; uploads go on', async () => {
    const { fleet, a, b } = await pair();
    const now = fleet.time.now;
    const proto = JSON.parse('{"__proto__": {"companyName": "polluted"}, "notes": "x"}');
    await send(fleet, [
      forged('customers', 'good', { companyName: 'Good Co', email: 'a@good.com' }, clockAt(now)),
      forged('customers', 'num', { companyName: 42 }, clockAt(now)),
      forged('customers', 'huge', { companyName: 'x'.repeat(5_000) }, clockAt(now)),
      forged('invitations', 'inv', { customerId: 'good', sentAt: 'soon', status: 'pending' }, clockAt(now)),
    ]);
    // A `__proto__` field, in a shard of its own (the encoder cannot mix it with records lacking it).
    const vandal = fleet.cloud.addBrowser('Vandal').context();
    await fleet.time.resolve(
      vandal.set({ s9: encodeShard([forged('customers', 'proto', proto, clockAt(now))]) }),
    );
    await fleet.run(2 * MINUTE);
    for (const d of [a, b]) {
      expect(d.store.get('customers', 'good')?.fields.companyName).toBe('Good Co');
      for (const id of ['num', 'huge', 'proto']) expect(d.store.get('customers', id)).toBeUndefined();
      expect(d.store.get('invitations', 'inv')).toBeUndefined();
      const refused = held(d).filter((h) => h.reason === 'unreadable');
      expect(refused.map((h) => h.key).sort()).toEqual([
        'customers/huge',
        'customers/num',
        'customers/proto',
        'invitations/inv',
      ]);
      for (const h of refused) {
        expect(h.deviceId).toBe(EVIL);
        expect(h.source).toBe(h.id === 'proto' ? 's9' : `d:${EVIL}`);
        expect(h.problems.length).toBeGreaterThan(0);
      }
      expect(refused.find((h) => h.id === 'num')?.problems[0]).toMatchObject({ field: 'companyName' });
      expect(refused.find((h) => h.id === 'huge')?.problems[0]?.code).toBe('too-long');
      expect(refused.find((h) => h.id === 'inv')?.problems[0]?.field).toBe('sentAt');
      expect(d.engine.status?.warnings).toContainEqual({ code: 'held', count: 4 });
      expect(d.errors).toEqual([]);
    }
    expect(({} as Record<string, unknown>).companyName).toBeUndefined();
    fleet.edit(a, 'customers', 'after', { companyName: 'After' });
    await fleet.run(MINUTE);
    expect(b.store.get('customers', 'after')?.fields.companyName).toBe('After');

    await fleet.time.resolve(b.engine.decide(['customers/num'], 'dismiss'));
    expect(held(b).map((h) => h.key)).not.toContain('customers/num');
    expect(held(b)).toHaveLength(3);
  });

  it('a good copy of a record still applies when another browser sends a bad copy of it', async () => {
    const { fleet, a, b } = await pair();
    fleet.edit(a, 'customers', 'c1', { companyName: 'Contoso' });
    await send(fleet, [
      forged('customers', 'c1', { companyName: { evil: true } }, clockAt(fleet.time.now + 1)),
    ]);
    await fleet.run(2 * MINUTE);
    fleet.edit(a, 'customers', 'c1', { companyName: 'Contoso SA' });
    await fleet.run(2 * MINUTE);
    expect(b.store.get('customers', 'c1')?.fields.companyName).toBe('Contoso SA');
    expect(held(b).map((h) => h.key)).toEqual(['customers/c1']);
    expect(fleet.converged()).toBe(true);
  });
});

describe('a clock more than 7 days ahead', () => {
  it('is held, not adopted; applied by itself once within the bound; our clock never runs past the bound', async () => {
    const { fleet, a, b } = await pair();
    fleet.edit(a, 'customers', 'c1', { companyName: 'Contoso' });
    fleet.edit(a, 'customers', 'c2', { companyName: 'Fabrikam' });
    await fleet.run(2 * MINUTE);
    const future = fleet.time.now + 30 * DAY;
    const tomb = {
      ...forged('customers', 'c1', { companyName: null }, clockAt(future)),
      deleted: clockAt(future),
    };
    await send(fleet, [tomb, forged('customers', 'c2', { notes: 'from the future' }, clockAt(future))]);
    await fleet.run(2 * MINUTE);
    for (const d of [a, b]) {
      expect(d.store.get('customers', 'c1') && isAlive(d.store.get('customers', 'c1') as SyncRecord)).toBe(
        true,
      );
      expect(d.store.get('customers', 'c2')?.fields.notes).toBeUndefined();
      const ahead = held(d).filter((h) => h.reason === 'clock-ahead');
      expect(ahead.map((h) => h.key).sort()).toEqual(['customers/c1', 'customers/c2']);
      expect(ahead[0]?.aheadMs).toBeGreaterThan(29 * DAY);
      expect(ahead[0]?.deviceId).toBe(EVIL);
      const clock = parseHlc((await d.store.readMeta()).hlc);
      expect(clock?.pt).toBeLessThanOrEqual(fleet.now(d) + MAX_AHEAD_MS);
    }
    // An edit made now still gets a clock of now: the far-future one did not capture this device's clock.
    const edit = fleet.edit(b, 'customers', 'c2', { companyName: 'Fabrikam SA' });
    expect(parseHlc(edit.clocks.companyName)?.pt).toBeLessThan(fleet.now(b) + DAY);
    await fleet.run(24 * DAY);
    for (const d of [a, b]) {
      expect(isAlive(d.store.get('customers', 'c1') as SyncRecord)).toBe(false);
      expect(d.store.get('customers', 'c2')?.fields.notes).toBe('from the future');
      expect(d.store.get('customers', 'c2')?.fields.companyName).toBe('Fabrikam SA');
      expect(held(d)).toEqual([]);
    }
    expect(fleet.converged()).toBe(true);
  }, 120_000);

  it('is applied at once when the partner says so, without moving our clock past the bound', async () => {
    const { fleet, a, b } = await pair();
    const future = fleet.time.now + 400 * DAY;
    await send(fleet, [forged('customers', 'c9', { companyName: 'Tomorrow Ltd' }, clockAt(future))]);
    await fleet.run(2 * MINUTE);
    expect(b.store.get('customers', 'c9')).toBeUndefined();
    await fleet.time.resolve(b.engine.decide(['customers/c9'], 'apply'));
    expect(b.store.get('customers', 'c9')?.fields.companyName).toBe('Tomorrow Ltd');
    expect(held(b)).toEqual([]);
    expect(parseHlc((await b.store.readMeta()).hlc)?.pt).toBeLessThanOrEqual(fleet.now(b) + MAX_AHEAD_MS);
    expect(held(a).map((h) => h.reason)).toEqual(['clock-ahead']); // A's partner did not say so
  });

  it('an honest device five days fast converges with the others, nothing held', async () => {
    const fleet = new Fleet();
    const fast = fleet.add('Fast', (br) => {
      br.clockOffset = 5 * DAY;
    });
    const slow = fleet.add('Slow');
    await fleet.run(MINUTE);
    fleet.edit(fast, 'customers', 'c1', { companyName: 'by Fast' });
    await fleet.run(MINUTE);
    fleet.edit(slow, 'customers', 'c1', { companyName: 'by Slow, after seeing Fast' });
    await fleet.run(5 * MINUTE);
    for (const d of [fast, slow]) {
      expect(d.store.get('customers', 'c1')?.fields.companyName).toBe('by Slow, after seeing Fast');
      expect(held(d)).toEqual([]);
    }
    expect(fleet.converged()).toBe(true);
  });

  it('receiving a clock at the format’s end neither saturates ours nor moves it past the bound', () => {
    const now = Date.UTC(2026, 10, 1);
    const end: SyncRecord = {
      id: 'x',
      table: 'customers',
      fields: { companyName: 'x' },
      clocks: { companyName: formatHlc({ pt: MAX_PT, c: 46_655, node: EVIL }) },
    };
    const mine = formatHlc({ pt: now, c: 0, node: 'Me0001' });
    const next = parseHlc(advanceClock(mine, [end], now));
    expect(next?.pt).toBe(now + MAX_AHEAD_MS);
    expect(next?.node).toBe('Me0001');
  });
});

describe('a change deleting many records', () => {
  async function twenty() {
    const { fleet, a, b } = await pair();
    for (let i = 0; i < 20; i++) fleet.edit(a, 'customers', `c${i}`, { companyName: `C${i}` });
    await fleet.run(2 * MINUTE);
    expect([...b.store.records.values()].filter(isAlive)).toHaveLength(20);
    return { fleet, a, b };
  }

  it('more than 10 and more than 20%: those deletions wait for review, everything else goes on, quietly', async () => {
    const { fleet, a, b } = await twenty();
    for (let i = 0; i < 15; i++) fleet.remove(a, 'customers', `c${i}`);
    fleet.edit(a, 'customers', 'c19', { notes: 'edited with the deletes' });
    await fleet.run(2 * MINUTE);
    expect([...b.store.records.values()].filter(isAlive)).toHaveLength(20);
    expect(b.store.get('customers', 'c19')?.fields.notes).toBe('edited with the deletes');
    const review = held(b).filter((h) => h.reason === 'mass-delete');
    expect(review).toHaveLength(15);
    expect(review[0]?.deviceId).toBe(a.store.deviceId);
    fleet.edit(b, 'customers', 'c18', { notes: 'B goes on' });
    await fleet.run(2 * MINUTE);
    expect(a.store.get('customers', 'c18')?.fields.notes).toBe('B goes on');
    expect(isAlive(a.store.get('customers', 'c3') as SyncRecord)).toBe(false);
    await fleet.run(30 * MINUTE); // acks travel (deferred device-key writes), then nothing more
    const settled = fleet.time.now;
    await fleet.run(3 * 3_600_000);
    expect(fleet.writesSince(settled)).toBe(0);

    await fleet.time.resolve(
      b.engine.decide(
        review.map((h) => h.key),
        'apply',
      ),
    );
    expect([...b.store.records.values()].filter(isAlive)).toHaveLength(5);
    await fleet.run(5 * MINUTE);
    expect(fleet.converged()).toBe(true);
  }, 60_000);

  it('the partner keeps them: they come back on the deleting browser too', async () => {
    const { fleet, a, b } = await twenty();
    for (let i = 0; i < 12; i++) fleet.remove(a, 'customers', `c${i}`);
    await fleet.run(2 * MINUTE);
    expect(held(b)).toHaveLength(12);
    await fleet.time.resolve(
      b.engine.decide(
        held(b).map((h) => h.key),
        'keep',
      ),
    );
    await fleet.run(5 * MINUTE);
    for (const d of [a, b]) expect([...d.store.records.values()].filter(isAlive)).toHaveLength(20);
    expect(held(b)).toEqual([]);
    expect(fleet.converged()).toBe(true);
  }, 60_000);

  it('an Erase or Replace confirmed on another browser carries that confirmation and applies', async () => {
    const { fleet, a, b } = await twenty();
    for (let i = 0; i < 20; i++) fleet.remove(a, 'customers', `c${i}`, true);
    await fleet.run(2 * MINUTE);
    expect([...b.store.records.values()].filter(isAlive)).toHaveLength(0);
    expect(held(b)).toEqual([]);
    expect(fleet.converged()).toBe(true);
  });

  it.each([
    [20, 10],
    [100, 20],
  ])(
    'of %i records, %i deleted at once is not many: applied',
    async (total, deleted) => {
      const { fleet, a, b } = await pair();
      for (let i = 0; i < total; i++) fleet.edit(a, 'customers', `c${i}`, { companyName: `C${i}` });
      await fleet.run(2 * MINUTE);
      for (let i = 0; i < deleted; i++) fleet.remove(a, 'customers', `c${i}`);
      await fleet.run(2 * MINUTE);
      expect([...b.store.records.values()].filter(isAlive)).toHaveLength(total - deleted);
      expect(held(b)).toEqual([]);
    },
    60_000,
  );

  it('other browsers’ edits to the held records still apply; after the partner keeps them every browser agrees', async () => {
    const { fleet, a, b } = await twenty();
    const now = fleet.time.now;
    const tombs = Array.from({ length: 20 }, (_, i) => ({
      ...forged('customers', `c${i}`, { companyName: null }, clockAt(now)),
      deleted: clockAt(now),
    }));
    await send(fleet, tombs);
    const late = fleet.add('Late'); // may see the deleting copy before any other: then it holds them as deleted
    fleet.edit(a, 'customers', 'c5', { notes: 'edited after the forged delete' });
    await fleet.run(5 * MINUTE);
    for (const d of [a, b]) {
      expect([...d.store.records.values()].filter(isAlive)).toHaveLength(20);
      // c5 was edited after the forged delete: that edit wins, so only the 19 others would be deleted.
      expect(held(d).filter((h) => h.reason === 'mass-delete')).toHaveLength(19);
      expect(d.store.get('customers', 'c5')?.fields.notes).toBe('edited after the forged delete');
    }
    for (const d of [a, b, late]) {
      const keys = held(d).map((h) => h.key);
      if (keys.length > 0) await fleet.time.resolve(d.engine.decide(keys, 'keep'));
    }
    await fleet.run(5 * MINUTE);
    for (const d of [a, b, late]) expect([...d.store.records.values()].filter(isAlive)).toHaveLength(20);
    expect(fleet.converged()).toBe(true);
  }, 60_000);
});
