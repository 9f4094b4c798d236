/** The manifest as another browser wrote it: its collection bound is a clock or nothing, else the key is quarantined. */
import { describe, expect, it } from 'vitest';
import { readCloud } from '../../src/sync/cloud-view';
import { MANIFEST_KEY, WIRE_VERSION } from '../../src/sync/codec';

const NOW = Date.UTC(2026, 11, 1);
const manifest = (gc: unknown) => ({ [MANIFEST_KEY]: { v: WIRE_VERSION, fmt: 'c', S: 4, gc } });

describe('readCloud: the manifest', () => {
  it.each(['', '00000000001000Zz9'])('reads a collection bound of %j', (gc) => {
    const view = readCloud(manifest(gc), NOW);
    expect(view.manifest).toEqual({ v: WIRE_VERSION, fmt: 'c', S: 4, gc });
    expect(view.problems.has(MANIFEST_KEY)).toBe(false);
  });

  it.each([['yesterday'], [12], [undefined], [null]])(
    'quarantines a bound of %j, which is no clock',
    (gc) => {
      const view = readCloud(manifest(gc), NOW);
      expect(view.manifest).toBeUndefined();
      expect(view.problems.get(MANIFEST_KEY)).toBe('corrupt');
    },
  );
});
