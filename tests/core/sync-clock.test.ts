import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aheadBy,
  beyondBound,
  ceilingAt,
  formatHlc,
  type Hlc,
  hlcAt,
  hlcNode,
  isFarAhead,
  MAX_AHEAD_MS,
  MAX_COUNTER,
  MAX_PT,
  maxHlc,
  parseHlc,
  receive,
  SKEW_WARN_MS,
  tick,
  zeroHlc,
} from '../../src/core/sync-clock';

const NOW = Date.UTC(2026, 10, 1);
const hlc = (pt: number, c: number, node = 'A1'): Hlc => ({ pt, c, node });
const arbHlc = fc.record({
  pt: fc.integer({ min: 0, max: 36 ** 9 - 1 }),
  c: fc.integer({ min: 0, max: MAX_COUNTER }),
  node: fc.constantFrom('A', 'B1', 'zz9', 'Q7x2Lm'),
});

describe('hlc string form', () => {
  it('is fixed width, base 36, and parses back', () => {
    const s = formatHlc(hlc(NOW, 5, 'dev1'));
    expect(s).toMatch(/^[0-9a-z]{9}[0-9a-z]{3}dev1$/);
    expect(parseHlc(s)).toEqual(hlc(NOW, 5, 'dev1'));
  });

  it('sorts as strings exactly as (pt, counter, node) sorts', () => {
    fc.assert(
      fc.property(arbHlc, arbHlc, (a, b) => {
        const byValue = a.pt - b.pt || a.c - b.c || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
        const sa = formatHlc(a);
        const sb = formatHlc(b);
        const byString = sa < sb ? -1 : sa > sb ? 1 : 0;
        expect(Math.sign(byString)).toBe(Math.sign(byValue));
      }),
    );
  });

  it.each([
    '',
    'abc',
    '0mvx2cuiw000',
    '0mvx2cuiw000A-B',
    '0MVX2CUIW000A',
    '0mvx2cuiw000ABCDEFGHIJKLMNOPQ',
    42,
    null,
  ])('refuses %j', (value) => {
    expect(parseHlc(value)).toBeUndefined();
  });

  it('names the device that issued a clock', () => {
    expect(hlcNode(formatHlc(hlc(NOW, 0, 'X9')))).toBe('X9');
    expect(hlcNode('nonsense')).toBe('');
  });

  it('hlcAt(t) sorts above every clock issued before t and below every clock from t on', () => {
    const at = hlcAt(NOW);
    expect(formatHlc(hlc(NOW - 1, MAX_COUNTER, 'zzz')) < at).toBe(true);
    expect(formatHlc(hlc(NOW, 0, '0')) > at).toBe(true);
  });

  it('maxHlc treats a missing clock as the lowest', () => {
    expect(maxHlc(undefined, 'a')).toBe('a');
    expect(maxHlc('b', 'a')).toBe('b');
    expect(maxHlc(undefined, undefined)).toBe('');
  });
});

describe('tick', () => {
  it('follows the wall clock and counts within one millisecond', () => {
    const a = tick(zeroHlc('A1'), NOW);
    expect(a).toEqual(hlc(NOW, 0));
    expect(tick(a, NOW)).toEqual(hlc(NOW, 1));
    expect(tick(a, NOW + 5)).toEqual(hlc(NOW + 5, 0));
  });

  it('stays monotonic when the wall clock jumps back (docs/sync.md, "Clocks")', () => {
    const a = tick(zeroHlc('A1'), NOW);
    const b = tick(a, NOW - 3_600_000);
    expect(formatHlc(b) > formatHlc(a)).toBe(true);
    expect(b.pt).toBe(NOW);
  });

  it('borrows the next millisecond when the counter would overflow its three characters', () => {
    const full = hlc(NOW, MAX_COUNTER);
    const next = tick(full, NOW);
    expect(next).toEqual(hlc(NOW + 1, 0));
    expect(formatHlc(next) > formatHlc(full)).toBe(true);
  });

  it('is strictly increasing over any sequence of wall-clock readings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: NOW - 1e8, max: NOW + 1e8 }), { maxLength: 50 }), (nows) => {
        let clock = zeroHlc('A1');
        for (const now of nows) {
          const next = tick(clock, now);
          expect(formatHlc(next) > formatHlc(clock)).toBe(true);
          clock = next;
        }
      }),
    );
  });
});

describe('the bound ahead of the wall clock', () => {
  it('lets a clock reach 7 days past the wall clock and no further', () => {
    expect(ceilingAt(NOW)).toBe(NOW + MAX_AHEAD_MS);
    expect(beyondBound(formatHlc(hlc(NOW + MAX_AHEAD_MS, 46_655)), NOW)).toBe(false);
    expect(beyondBound(formatHlc(hlc(NOW + MAX_AHEAD_MS + 1, 0)), NOW)).toBe(true);
    expect(beyondBound('not a clock', NOW)).toBe(false);
  });

  it('keeps the ceiling below the format’s end, so a clock at the bound can still tick', () => {
    expect(ceilingAt(MAX_PT)).toBe(MAX_PT - 1);
    expect(ceilingAt(Number.NaN)).toBe(MAX_AHEAD_MS);
  });

  it('restarts a clock stuck at the format’s end at the bound instead of freezing (an older version adopted it)', () => {
    const stuck = hlc(MAX_PT, MAX_COUNTER);
    const next = tick(stuck, NOW);
    expect(next).toEqual(hlc(NOW + MAX_AHEAD_MS, 0));
    const after = tick(next, NOW);
    expect(formatHlc(after) > formatHlc(next)).toBe(true);
  });
});

describe('receive', () => {
  it('exceeds both clocks, so an edit made after seeing a value sorts after it', () => {
    // receive's contract: both clocks within the bound (a clock beyond it is held aside; one at the format's end
    // restarts at the bound, tested above).
    const within = (h: Hlc, now: number): Hlc => ({ ...h, pt: Math.min(h.pt, ceilingAt(now)) });
    fc.assert(
      fc.property(arbHlc, arbHlc, fc.integer({ min: 0, max: 36 ** 9 - 1 }), (anyLocal, anyRemote, now) => {
        const local = within(anyLocal, now);
        const remote = within(anyRemote, now);
        const next = receive(local, { ...remote, node: 'R' }, now);
        const after = tick(next, now);
        expect(formatHlc(next) > formatHlc(local)).toBe(true);
        expect(next.pt > remote.pt || (next.pt === remote.pt && next.c > remote.c)).toBe(true);
        expect(formatHlc(after) > formatHlc(next)).toBe(true);
        expect(next.node).toBe(local.node);
      }),
    );
  });

  it('adopts a clock from the future rather than clamping it, and flags it when more than an hour ahead', () => {
    const twoDays = 2 * 86_400_000;
    const remote = hlc(NOW + twoDays, 3, 'Fut');
    const next = receive(hlc(NOW, 0), remote, NOW);
    expect(next).toEqual(hlc(NOW + twoDays, 4));
    expect(aheadBy(remote, NOW)).toBe(twoDays);
    expect(isFarAhead(remote, NOW)).toBe(true);
    expect(isFarAhead(hlc(NOW + SKEW_WARN_MS, 0), NOW)).toBe(false);
    expect(isFarAhead(hlc(NOW - twoDays, 0), NOW)).toBe(false);
  });
});
