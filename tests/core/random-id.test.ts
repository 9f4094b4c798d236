import { describe, expect, it } from 'vitest';
import { BASE62, randomBase62 } from '../../src/core/random-id';

/** A byte source that hands out the given rounds in turn. */
function rounds(...list: number[][]): (n: number) => Uint8Array {
  let i = 0;
  return (n) => {
    const round = list[i++] ?? [];
    return Uint8Array.from({ length: n }, (_, j) => round[j] ?? 255);
  };
}

describe('randomBase62', () => {
  it('maps each byte under 248 to one character, in order', () => {
    expect(randomBase62(5, rounds([0, 9, 10, 61, 62]))).toBe('09Az0');
  });

  it('draws again for bytes of 248 or more, so no character is more likely than another', () => {
    // 248 and 255 would fold onto "0" to "7" under a plain modulo: they are skipped instead.
    expect(randomBase62(4, rounds([248, 255, 0], [255, 247, 61, 124]))).toBe('0zz0');
  });

  it('gives every character of the alphabet the same number of byte values', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 248; b++) {
      const ch = randomBase62(1, rounds([b]));
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...BASE62].sort());
    expect(new Set(counts.values())).toEqual(new Set([4]));
  });
});
