/** Sync's bookkeeping rows read back into their types: what reads is kept, what does not is named with its value. */
import { describe, expect, it } from 'vitest';
import { formatHlc, zeroHlc } from '../../src/core/sync-clock';
import { newMeta } from '../../src/sync/local-store';
import { asideKey, readMetaRows } from '../../src/sync/meta-rows';

const CLOCK = '00000000001000Zz9';
const HELD = {
  key: 'customers/c1',
  record: {
    id: 'c1',
    table: 'customers',
    fields: { companyName: 'Contoso' },
    clocks: { companyName: CLOCK },
  },
  reason: 'clock-ahead',
  deviceId: 'Zz9Zz9',
  source: 'c:0',
  problems: [],
  since: 1,
};
const STATUS = {
  state: 'ok',
  bytesUsed: 10,
  quotaBytes: 102_400,
  customersSynced: 1,
  customersTotal: 1,
  notSynced: [],
  devices: [{ deviceId: 'Zz9Zz9' }],
  warnings: [{ code: 'newer-version' }],
  held: [],
};

/** For each field: a value this version writes, and values it never writes. */
const CASES: Record<string, { good: unknown[]; bad: unknown[] }> = {
  // '': the ack of a device that has made no edit of its own (its `hw`).
  acks: { good: [{}, { Zz9Zz9: CLOCK }, { Zz9Zz9: '' }], bad: [[], { other: 'x' }, { Zz9Zz9: 3 }, null] },
  gcBefore: { good: ['', CLOCK], bad: [12, 'yesterday', null] },
  writeLog: { good: [[], [1, 2]], bad: ['x', [1, '2'], [-1], [Number.NaN]] },
  retryAt: { good: [0, 5], bad: ['5', -1, Number.POSITIVE_INFINITY] },
  refusedPlan: { good: ['', 'abc'], bad: [0, null] },
  deviceDue: { good: [0, 9], bad: [undefined, '9'] },
  quarantine: { good: [{}, { 'c:0': 'anything' }], bad: [[], 'x'] },
  review: { good: [[], ['customers/c1']], bad: [[1], 'customers/c1'] },
  held: {
    good: [
      [],
      [HELD],
      [{ ...HELD, reason: 'unreadable', release: true, dismissed: 'x' }],
      // Held as unreadable: fields as the decoder built them from a `__proto__` column (sync/columns.ts), whose
      // assignment set the object's prototype.
      [
        {
          ...HELD,
          reason: 'unreadable',
          record: { ...HELD.record, fields: Object.setPrototypeOf({}, { a: 1 }) },
        },
      ],
    ],
    bad: [
      [{ ...HELD, reason: 'gone' }],
      [{ ...HELD, record: 'x' }],
      [{ ...HELD, record: { ...HELD.record, fields: null } }],
      [{ ...HELD, since: '1' }],
      [{ ...HELD, release: 'yes' }],
      {},
    ],
  },
  status: {
    good: [undefined, STATUS, { ...STATUS, lastSyncedAt: 3, held: undefined }],
    bad: [
      { ...STATUS, state: 'great' },
      { ...STATUS, warnings: [{}] },
      { ...STATUS, bytesUsed: '10' },
      { ...STATUS, devices: null },
      'ok',
    ],
  },
};

describe('readMetaRows', () => {
  it('covers every field the engine stores', () => {
    const { deviceId: _id, hlc: _hlc, status: _status, ...stored } = newMeta('Zz9Zz9');
    expect(Object.keys(CASES).sort()).toEqual([...Object.keys(stored), 'status'].sort());
  });

  for (const [field, { good, bad }] of Object.entries(CASES)) {
    it(`reads ${field} as this version writes it, and names any other value with the value as stored`, () => {
      for (const value of good)
        expect(readMetaRows([{ k: field, v: value }])).toEqual({
          fields: { [field]: value },
          unreadable: [],
        });
      for (const value of bad)
        expect(readMetaRows([{ k: field, v: value }]), JSON.stringify(value)).toEqual({
          fields: {},
          unreadable: [{ field, value }],
        });
    });
  }

  it('leaves rows that are no field alone: the clock, the on/off switch, kept rows', () => {
    const rows = [
      { k: 'deviceId', v: 'Zz9Zz9' },
      { k: 'hlc', v: formatHlc(zeroHlc('Zz9Zz9')) },
      { k: 'enabled', v: false },
      { k: asideKey('writeLog'), v: 'x' },
      { k: 'retryAt', v: 4 },
    ];
    expect(readMetaRows(rows)).toEqual({ fields: { retryAt: 4 }, unreadable: [] });
  });

  it('starts the collection bound afresh with an unreadable review list, so the records under review are found again', () => {
    expect(
      readMetaRows([
        { k: 'gcBefore', v: CLOCK },
        { k: 'review', v: 'customers/c1' },
        { k: 'retryAt', v: 3 },
      ]),
    ).toEqual({ fields: { retryAt: 3 }, unreadable: [{ field: 'review', value: 'customers/c1' }] });
  });

  it('names a kept row after its field', () => {
    expect(asideKey('gcBefore')).toBe('aside:gcBefore');
  });
});
