import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/core/sync-clock';
import { mergeRecords, recordFingerprint, type SyncRecord } from '../../src/core/sync-merge';
import { newId } from '../../src/db/ids';
import {
  ALPHABET85,
  decodeShard,
  deviceKey,
  encodeShard,
  fromBase85,
  MAX_INFLATED_BYTES,
  packBlob,
  parseKey,
  readRecords,
  shardKey,
  toBase85,
  unpackBlob,
  WIRE_VERSION,
} from '../../src/sync/codec';
import { encodeRecords } from '../../src/sync/columns';
import { decodeDevice, encodeDevice } from '../../src/sync/device';
import { itemBytes } from '../../src/sync/quota';

const T = Date.UTC(2026, 10, 1);
const at = (ms: number, node = 'Ab12') => formatHlc({ pt: T + ms, c: 0, node });

function customer(id: string, extra: Record<string, unknown> = {}): SyncRecord {
  const fields = { name: `Contoso ${id}`, email: `it@${id}.com`, note: 'VIP <ask for Dana>', ...extra };
  return {
    id,
    table: 'customers',
    fields,
    clocks: Object.fromEntries(Object.keys(fields).map((k) => [k, at(1)])),
  };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('shard codec', () => {
  it('round-trips records: sparse clocks, absent fields, tombstones, unknown fields', () => {
    const a = customer('c1', { phoneE164: '+33 1 23' });
    a.clocks.email = at(5, 'Zz99');
    const b: SyncRecord = { id: 'c2', table: 'customers', fields: { name: null }, clocks: { name: at(3) } };
    b.deleted = at(3);
    const inv: SyncRecord = {
      id: 'i1',
      table: 'invitations',
      fields: { status: 'accepted', epoch: 1, sentAt: [T, T + 5] },
      clocks: { status: at(2), epoch: at(2), sentAt: at(1) },
      deleted: at(0),
    };
    const decoded = decodeShard(encodeShard([inv, b, a]));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const byId = new Map(decoded.value.map((r) => [r.id, r]));
    for (const r of [a, b, inv])
      expect(recordFingerprint(byId.get(r.id) as SyncRecord)).toBe(recordFingerprint(r));
    expect(byId.get('c2')?.fields.email).toBeUndefined();
  });

  it('packs a column of lowercase GUIDs as bytes, keeping nulls, absences and any other spelling exact', () => {
    const g1 = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const g2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const records = [
      customer('a', { tenantId: g1 }),
      customer('b', { tenantId: null }),
      customer('c'),
      customer('d', { tenantId: g2 }),
    ];
    const value = encodeShard(records);
    const decoded = decodeShard(value);
    expect(decoded.ok && decoded.value.map(recordFingerprint).sort()).toEqual(
      records.map(recordFingerprint).sort(),
    );
    const upper = [customer('a', { tenantId: g1.toUpperCase() }), customer('b', { tenantId: g2 })];
    const back = decodeShard(encodeShard(upper));
    expect(back.ok && back.value.map(recordFingerprint).sort()).toEqual(upper.map(recordFingerprint).sort());
    expect(JSON.stringify(encodeRecords(records).t.c?.v)).toContain('"g":');
  });

  it('packs UUID ids and keeps empty GUID cells (a tenant not known yet) apart from null ones', () => {
    const ids = ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'];
    const records = [
      customer(ids[0] as string, { tenantId: '' }),
      customer(ids[1] as string, { tenantId: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
      customer('c-plain', { tenantId: null }),
    ];
    const payload = encodeRecords(records.slice(0, 2));
    expect(payload.t.c?.i).toHaveProperty('g');
    const decoded = decodeShard(encodeShard(records));
    expect(decoded.ok && decoded.value.map(recordFingerprint).sort()).toEqual(
      records.map(recordFingerprint).sort(),
    );
  });

  it('round-trips any records (property-based)', () => {
    const arb = fc
      .array(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 6 }),
          name: fc.option(fc.string(), { nil: undefined }),
          n: fc.option(
            fc.oneof(
              fc.integer(),
              fc.integer({ min: T - 1e9, max: T + 1e9 }), // times near their clock: written as differences
              fc.array(fc.integer({ min: T - 1e9, max: T + 1e9 }), { maxLength: 3 }),
            ),
            { nil: undefined },
          ),
          ms: fc.integer({ min: 0, max: 1000 }),
          del: fc.boolean(),
        }),
        { maxLength: 20 },
      )
      .map((rows) => {
        const byId = new Map<string, SyncRecord>();
        for (const row of rows) {
          const fields: Record<string, unknown> = {};
          const clocks: Record<string, string> = {};
          if (row.name !== undefined) [fields.name, clocks.name] = [row.name, at(row.ms)];
          if (row.n !== undefined) [fields.n, clocks.n] = [row.n, at(row.ms + 1)];
          byId.set(row.id, {
            id: row.id,
            table: 'customers',
            fields,
            clocks,
            ...(row.del ? { deleted: at(row.ms) } : {}),
          });
        }
        return [...byId.values()];
      });
    fc.assert(
      fc.property(arb, (records) => {
        const decoded = decodeShard(encodeShard(records));
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        const key = (rs: SyncRecord[]) => rs.map((r) => recordFingerprint(mergeRecords(r, r))).sort();
        expect(key(decoded.value)).toEqual(key(records));
      }),
      { numRuns: 300 },
    );
  });

  it('encodes to base 85 after a z2: prefix: no <, " or \\, so every browser counts it the same', () => {
    const records = Array.from({ length: 40 }, (_, i) => customer(`c${i}`));
    const value = encodeShard(records);
    expect(value).toMatch(/^z2:[0-9A-Za-z!#$%&()*+,\-./:;=>?@[\]^_]+$/);
    expect(itemBytes('s0', value)).toBe(2 + value.length + 2);
  });

  it('round-trips any bytes through base 85, 5 characters per 4 bytes', () => {
    expect(ALPHABET85).toHaveLength(85);
    expect(new Set(ALPHABET85).size).toBe(85);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase85(bytes);
        expect(text.length).toBe(Math.ceil((bytes.length * 5) / 4));
        expect(fromBase85(text)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
    expect(fromBase85('A')).toBeUndefined();
    expect(fromBase85('AAAA"')).toBeUndefined();
    expect(fromBase85('_____')).toBeUndefined(); // above 2^32
  });

  it('still reads a version-1 shard (z1:, base64)', () => {
    const records = [customer('a'), customer('b', { note: null })];
    const json = JSON.stringify({ v: 1, ...encodeRecords(records) });
    const v1 = `z1:${Buffer.from(deflateSync(strToU8(json), { level: 9 })).toString('base64')}`;
    const decoded = decodeShard(v1);
    expect(decoded.ok && decoded.value.map(recordFingerprint).sort()).toEqual(
      records.map(recordFingerprint).sort(),
    );
  });

  it('writes times relative to their field clocks, exactly, lists as successive differences', () => {
    const stamped = (id: string, ms: number, fields: Record<string, unknown>, other = 0): SyncRecord => ({
      id,
      table: 'invitations',
      fields,
      clocks: Object.fromEntries(Object.keys(fields).map((k) => [k, at(k === 'changedAt' ? other : ms)])),
    });
    const records = [
      stamped('a', 10, { createdAt: T + 10, sentAt: [T - 5, T + 10], changedAt: T + 99 }, 7),
      stamped('b', 20, { createdAt: T + 20, sentAt: [], changedAt: null }),
      stamped('c', 30, { createdAt: T + 30, sentAt: [T + 30], changedAt: T + 35 }, 30),
      stamped('d', 40, { createdAt: 'not a time', sentAt: [T + 40, 'x'] }),
    ];
    const block = encodeRecords(records).t.i;
    const names = block?.c ?? [];
    const column = (name: string) => block?.v[names.indexOf(name)];
    expect(column('changedAt')).toEqual({ t: [92, null, 5, null] });
    expect(column('createdAt')).toEqual([T + 10, T + 20, T + 30, 'not a time']); // not all times: as they are
    const decoded = decodeShard(encodeShard(records));
    expect(decoded.ok && decoded.value.map(recordFingerprint).sort()).toEqual(
      records.map(recordFingerprint).sort(),
    );
    const times = [stamped('a', 10, { createdAt: T + 10, sentAt: [T - 5, T + 10] })];
    expect(encodeRecords(times).t.i?.v).toEqual([{ t: [0] }, { t: [[-15, 15]] }]);
    const back = decodeShard(encodeShard(times));
    expect(back.ok && back.value.map(recordFingerprint)).toEqual(times.map(recordFingerprint));
  });

  it('keeps tiny payloads as plain JSON when that is smaller by Chromium’s count', () => {
    expect(packBlob({ v: 1 })).toBe('j1:{"v":1}');
    expect(unpackBlob('j1:{"v":1}')).toEqual({ ok: true, value: { v: 1 } });
  });

  it('encodes equal record sets identically, whatever their order', () => {
    const records = [customer('b'), customer('a'), customer('c')];
    expect(encodeShard(records)).toBe(encodeShard([...records].reverse()));
  });

  it.each([
    ['not a string', 42, 'corrupt'],
    ['no prefix', 'hello', 'corrupt'],
    ['invalid base64', 'z1:@@@@', 'corrupt'],
    ['base64 of garbage', `z1:${b64('not deflate at all, really')}`, 'corrupt'],
    ['deflate of non-JSON', `z1:${Buffer.from(deflateSync(strToU8('{oops'))).toString('base64')}`, 'corrupt'],
    ['a newer compression format', 'z9:AAAA', 'newer'],
    ['invalid base 85', 'z2:"AAAA', 'corrupt'],
    ['base 85 of garbage', `z2:${toBase85(strToU8('not deflate at all, really'))}`, 'corrupt'],
    ['an unknown codec letter', 'q1:AAAA', 'newer'],
    ['a newer payload version', packBlob({ v: WIRE_VERSION + 1, t: {} }), 'newer'],
    [
      'a time without its field clock',
      packBlob({
        v: 2,
        n: ['A'],
        t: { c: { c: ['x'], i: ['id'], b: ['0mvx2cuiw0000'], s: [{ 0: 0 }], v: [{ t: [5] }] } },
      }),
      'corrupt',
    ],
    [
      'a time that is not an integer',
      packBlob({
        v: 2,
        n: ['A'],
        t: { c: { c: ['x'], i: ['id'], b: ['0mvx2cuiw0000'], v: [{ t: [0.5] }] } },
      }),
      'corrupt',
    ],
    [
      'a short time column',
      packBlob({ v: 2, n: ['A'], t: { c: { c: ['x'], i: ['id'], b: ['0mvx2cuiw0000'], v: [{ t: [] }] } } }),
      'corrupt',
    ],
    [
      'a table this version does not know',
      packBlob({ v: 1, n: [], t: { x: { c: [], i: [], b: [], v: [] } } }),
      'newer',
    ],
    [
      'a malformed block',
      packBlob({ v: 1, n: [], t: { c: { c: ['name'], i: ['id'], b: [], v: [] } } }),
      'corrupt',
    ],
    [
      'a bad clock',
      packBlob({ v: 1, n: ['A'], t: { c: { c: ['x'], i: ['id'], b: ['nope'], v: [['v']] } } }),
      'corrupt',
    ],
    [
      'an unknown device index',
      packBlob({ v: 1, n: ['A'], t: { c: { c: ['x'], i: ['id'], b: ['0mvx2cuiw0005'], v: [['v']] } } }),
      'corrupt',
    ],
    [
      'a short GUID column',
      packBlob({
        v: 1,
        n: ['A'],
        t: { c: { c: ['x'], i: ['id'], b: ['0mvx2cuiw0000'], v: [{ g: 'AAAA' }] } },
      }),
      'corrupt',
    ],
  ])('reports %s as %s, never guessing', (_label, value, problem) => {
    expect(decodeShard(value)).toEqual({ ok: false, problem });
  });

  // A JSON string of `size` bytes in all, deflated: a few KB on the wire however large it inflates.
  const inflatingTo = (size: number): string =>
    `z2:${toBase85(deflateSync(strToU8(JSON.stringify('a'.repeat(size - 2))), { level: 9 }))}`;

  it('reads a value that inflates to exactly the cap, and refuses one a byte over as corrupt', () => {
    const atCap = inflatingTo(MAX_INFLATED_BYTES);
    expect(atCap.length).toBeLessThan(8 * 1024);
    expect(unpackBlob(atCap)).toEqual({ ok: true, value: 'a'.repeat(MAX_INFLATED_BYTES - 2) });
    expect(unpackBlob(inflatingTo(MAX_INFLATED_BYTES + 1))).toEqual({ ok: false, problem: 'corrupt' });
  });

  it('refuses a deflate bomb (a few KB of valid JSON that would inflate to 8 MB) and still reads the next value', () => {
    const bomb = inflatingTo(8 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect(unpackBlob(bomb)).toEqual({ ok: false, problem: 'corrupt' });
    // The output buffer is reused: a value read after the bomb is not polluted by its bytes.
    expect(unpackBlob(packBlob({ v: 1, x: 'ok' }))).toEqual({ ok: true, value: { v: 1, x: 'ok' } });
  });

  it('decodes an empty payload to no records', () => {
    expect(readRecords({})).toEqual({ ok: true, value: [] });
    expect(encodeRecords([])).toEqual({ n: [], t: {} });
  });
});

describe('ids', () => {
  it('newId() makes 12 random base62 characters', () => {
    const ids = Array.from({ length: 200 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(new Set(ids).size).toBe(200);
  });

  it('12-char ids and UUID ids (made before) round-trip in one shard', () => {
    const records = [customer(newId()), customer('3f2504e0-4f89-41d3-9a0c-0305e82c3301'), customer(newId())];
    const decoded = decodeShard(encodeShard(records));
    expect(decoded.ok && decoded.value.map(recordFingerprint).sort()).toEqual(
      records.map(recordFingerprint).sort(),
    );
  });
});

describe('keys', () => {
  it('names shards, devices and the manifest, and leaves other keys alone', () => {
    expect(shardKey(3)).toBe('s3');
    expect(deviceKey('Ab12')).toBe('d:Ab12');
    expect(parseKey('s15')).toEqual({ kind: 'shard', index: 15 });
    expect(parseKey('m')).toEqual({ kind: 'manifest' });
    expect(parseKey('d:Ab12')).toEqual({ kind: 'device', deviceId: 'Ab12' });
    for (const other of ['s01', 'sx', 'settings', 'd:', 'd:bad id', 'theme'])
      expect(parseKey(other)).toBeUndefined();
  });
});

describe('device key', () => {
  it('round-trips acks and the outbox', () => {
    const doc = { at: T, ver: '1.2.0', hw: at(4), seen: { Zz99: at(3, 'Zz99') }, pend: [customer('c1')] };
    const decoded = decodeDevice(encodeDevice(doc));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(decoded.value.seen).toEqual(doc.seen);
      expect(decoded.value.pend.map(recordFingerprint)).toEqual(doc.pend.map(recordFingerprint));
    }
    expect(decodeDevice(packBlob({ v: 1, at: 'x' }))).toEqual({ ok: false, problem: 'corrupt' });
  });
});
