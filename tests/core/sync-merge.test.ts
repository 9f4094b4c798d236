import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_ORDER, statusRank } from '../../src/core/invitation';
import { formatHlc } from '../../src/core/sync-clock';
import {
  deleteRecord,
  editRecord,
  isAlive,
  mergeRecords,
  recordFingerprint,
  type SyncRecord,
  sameRecord,
  unionSet,
} from '../../src/core/sync-merge';

const T = Date.UTC(2026, 10, 1);
const at = (ms: number, node = 'A', c = 0) => formatHlc({ pt: T + ms, c, node });

function rec(fields: Record<string, unknown>, clocks: Record<string, string>, deleted?: string): SyncRecord {
  return { id: 'x', table: 'invitations', fields, clocks, ...(deleted ? { deleted } : {}) };
}

describe('field-level last-writer-wins', () => {
  it('takes each field from the later clock, independently', () => {
    const a = rec({ name: 'A', email: 'a@x' }, { name: at(2), email: at(1) });
    const b = rec({ name: 'B', email: 'b@x' }, { name: at(1, 'B'), email: at(3, 'B') });
    const m = mergeRecords(a, b);
    expect(m.fields).toEqual({ name: 'A', email: 'b@x' });
    expect(m.clocks).toEqual({ name: at(2), email: at(3, 'B') });
  });

  it('breaks a tie of time and counter by device id, inside the clock string', () => {
    const a = rec({ name: 'from A' }, { name: at(1, 'A') });
    const b = rec({ name: 'from B' }, { name: at(1, 'B') });
    expect(mergeRecords(a, b).fields.name).toBe('from B');
    expect(mergeRecords(b, a).fields.name).toBe('from B');
  });

  // Forward compatibility: docs/sync.md, "Merge rules".
  it('keeps fields a newer version added, with their clocks', () => {
    const old = rec({ name: 'A' }, { name: at(1) });
    const newer = rec({ name: 'A', phoneE164: '+33123' }, { name: at(1), phoneE164: at(2, 'N') });
    const m = mergeRecords(old, newer);
    expect(m.fields.phoneE164).toBe('+33123');
    expect(m.clocks.phoneE164).toBe(at(2, 'N'));
  });
});

describe('invitation status', () => {
  const accepted = rec({ status: 'accepted', epoch: 0 }, { status: at(1), epoch: at(1) });
  const stalePending = rec({ status: 'pending', epoch: 0 }, { status: at(9, 'B'), epoch: at(9, 'B') });

  it('orders statuses as status.ts does (pending < withdrawn < accepted < removed), unknown ones last', () => {
    const ranks = ['pending', 'withdrawn', 'accepted', 'removed'].map(statusRank);
    expect(ranks).toEqual([0, 1, 2, 3]);
    expect(ranks).toEqual(Object.values(STATUS_ORDER));
    expect(statusRank('expired')).toBe(4);
    expect(statusRank(undefined)).toBe(-1);
  });

  it('never lets a stale pending overwrite accepted, whatever the clocks', () => {
    expect(mergeRecords(accepted, stalePending).fields.status).toBe('accepted');
    expect(mergeRecords(stalePending, accepted).fields.status).toBe('accepted');
  });

  it('bumps the epoch on a transition down the order, so a deliberate reopen wins', () => {
    const reopened = editRecord(accepted, 'invitations', 'x', { status: 'pending' }, at(5));
    expect(reopened.fields.epoch).toBe(1);
    expect(mergeRecords(reopened, accepted).fields.status).toBe('pending');
    const resent = editRecord(
      rec({ status: 'removed', epoch: 3 }, { status: at(1), epoch: at(1) }),
      'invitations',
      'x',
      { status: 'pending', sentAt: [T + 9] },
      at(9),
    );
    expect(resent.fields.epoch).toBe(4);
  });

  it('does not bump the epoch going up the order', () => {
    const pending = editRecord(undefined, 'invitations', 'x', { status: 'pending' }, at(1));
    expect(
      editRecord(pending, 'invitations', 'x', { status: 'accepted' }, at(2)).fields.epoch,
    ).toBeUndefined();
  });

  it('moves the transition (status, epoch, acceptedAt, previous, changedAt, lastAction, status*) together', () => {
    const a = rec(
      {
        status: 'pending',
        epoch: 0,
        lastAction: 'resend',
        changedAt: T + 9,
        previous: { status: 'pending' },
      },
      { status: at(9), epoch: at(9), lastAction: at(9), changedAt: at(9), previous: at(9) },
    );
    const b = rec(
      {
        status: 'accepted',
        epoch: 0,
        lastAction: 'accept',
        acceptedAt: T + 2,
        changedAt: T + 2,
        previous: null,
      },
      {
        status: at(2, 'B'),
        epoch: at(2, 'B'),
        lastAction: at(2, 'B'),
        acceptedAt: at(2, 'B'),
        changedAt: at(2, 'B'),
        previous: at(2, 'B'),
      },
    );
    expect(mergeRecords(a, b).fields).toEqual(b.fields);
  });

  it('moves status* fields a newer version adds with the status', () => {
    const a = rec(
      { status: 'withdrawn', epoch: 0, statusNote: 'gave up' },
      { status: at(2), epoch: at(2), statusNote: at(2) },
    );
    const b = rec(
      { status: 'accepted', epoch: 0, statusAt: T + 1 },
      { status: at(1, 'B'), epoch: at(1, 'B'), statusAt: at(1, 'B') },
    );
    const m = mergeRecords(a, b);
    expect(m.fields).toEqual({ status: 'accepted', epoch: 0, statusAt: T + 1 });
  });
});

describe('send times', () => {
  it('merge as a grow-only set within an epoch: union, sorted, no duplicates; the index keys follow', () => {
    const a = rec(
      { sentAt: [T + 5, T + 1], firstSentAt: T + 1, lastSentAt: T + 5 },
      { sentAt: at(5), firstSentAt: at(5), lastSentAt: at(5) },
    );
    const b = rec(
      { sentAt: [T + 3, T + 9], lastSentAt: T + 9 },
      { sentAt: at(3, 'B'), lastSentAt: at(3, 'B') },
    );
    const m = mergeRecords(a, b);
    expect(m.fields.sentAt).toEqual([T + 1, T + 3, T + 5, T + 9]);
    expect(m.fields.firstSentAt).toBe(T + 1);
    expect(m.fields.lastSentAt).toBe(T + 9);
    expect(m.clocks.sentAt).toBe(at(5));
  });

  it('a higher epoch replaces them: a new cycle after withdrawal starts afresh', () => {
    const old = rec(
      { status: 'withdrawn', epoch: 0, sentAt: [T, T + 1] },
      { status: at(9), epoch: at(9), sentAt: at(1) },
    );
    const fresh = rec(
      { status: 'pending', epoch: 1, sentAt: [T + 5] },
      { status: at(5, 'B'), epoch: at(5, 'B'), sentAt: at(5, 'B') },
    );
    expect(mergeRecords(old, fresh).fields.sentAt).toEqual([T + 5]);
  });

  it('a local edit that drops a send time bumps the epoch (as status.ts does)', () => {
    const r0 = editRecord(
      undefined,
      'invitations',
      'x',
      { status: 'pending', epoch: 0, sentAt: [1, 2] },
      at(1),
    );
    const r = editRecord(r0, 'invitations', 'x', { sentAt: [1] }, at(2));
    expect(r.fields.sentAt).toEqual([1]);
    expect(r.fields.epoch).toBe(1);
    expect(editRecord(r, 'invitations', 'x', { sentAt: [1, 3] }, at(3)).fields.epoch).toBe(1);
    expect(unionSet('a', null)).toEqual(['a']);
  });
});

describe('tombstones', () => {
  const live: SyncRecord = {
    id: 'c',
    table: 'customers',
    fields: { name: 'Contoso', email: 'it@contoso.com' },
    clocks: { name: at(1), email: at(1) },
  };

  it('win over edits with an older clock and blank the personal data', () => {
    const dead = deleteRecord(live, at(5, 'B'));
    expect(isAlive(dead)).toBe(false);
    expect(dead.fields).toEqual({ name: null, email: null });
    const concurrentOlder = editRecord(live, 'customers', 'c', { name: 'Contoso SA' }, at(3));
    const m = mergeRecords(dead, concurrentOlder);
    expect(isAlive(m)).toBe(false);
    expect(m.fields.name).toBeNull();
  });

  it('an edit strictly after the tombstone resurrects the record (docs/sync.md, "Merge rules")', () => {
    const dead = deleteRecord(live, at(5, 'B'));
    const later = editRecord(live, 'customers', 'c', { email: 'new@contoso.com' }, at(7));
    const m = mergeRecords(dead, later);
    expect(isAlive(m)).toBe(true);
    expect(m.fields).toEqual({ name: null, email: 'new@contoso.com' });
  });
});

// ---- join laws -----------------------------------------------------------------------------------------------

const clock = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom('A', 'B', 'C'))
  .map(([ms, c, node]) => at(ms, node, c));
const value = fc.oneof(
  fc.constantFrom('x', 'y', 'z', null, 1, 2),
  fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
  fc.record({ a: fc.integer({ min: 0, max: 2 }) }),
);
const fieldValue: Record<string, fc.Arbitrary<unknown>> = {
  name: value,
  note: value,
  future: value,
  status: fc.constantFrom('pending', 'withdrawn', 'accepted', 'removed', 'expired'),
  epoch: fc.integer({ min: 0, max: 2 }),
  statusNote: value,
  previous: value,
  sentAt: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
  firstSentAt: fc.integer({ min: 0, max: 5 }),
};

const arbRecord: fc.Arbitrary<SyncRecord> = fc
  .tuple(
    fc.subarray(Object.keys(fieldValue)),
    fc.option(clock, { nil: undefined }),
    fc.constantFrom('invitations', 'customers') as fc.Arbitrary<'invitations' | 'customers'>,
  )
  .chain(([names, deleted, table]) =>
    fc.tuple(...names.map((n) => fc.tuple(fieldValue[n] as fc.Arbitrary<unknown>, clock))).map((pairs) => {
      const r: SyncRecord = { id: 'r', table, fields: {}, clocks: {} };
      names.forEach((n, i) => {
        const [v, c] = pairs[i] as [unknown, string];
        r.fields[n] = v;
        r.clocks[n] = c;
      });
      if (deleted) r.deleted = deleted;
      return r;
    }),
  );

function sameTable(a: SyncRecord, b: SyncRecord): SyncRecord {
  return { ...b, table: a.table };
}

describe('merge is a join (property-based)', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(arbRecord, arbRecord, (a, raw) => {
        const b = sameTable(a, raw);
        expect(recordFingerprint(mergeRecords(a, b))).toBe(recordFingerprint(mergeRecords(b, a)));
      }),
      { numRuns: Number(process.env.MERGE_RUNS ?? 500) },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(arbRecord, arbRecord, arbRecord, (a, rb, rc) => {
        const b = sameTable(a, rb);
        const c = sameTable(a, rc);
        const left = mergeRecords(mergeRecords(a, b), c);
        const right = mergeRecords(a, mergeRecords(b, c));
        expect(sameRecord(left, right)).toBe(true);
      }),
      { numRuns: Number(process.env.MERGE_RUNS ?? 500) },
    );
  });

  it('is idempotent and absorbs what it merged', () => {
    fc.assert(
      fc.property(arbRecord, arbRecord, (a, raw) => {
        const b = sameTable(a, raw);
        const m = mergeRecords(a, b);
        expect(sameRecord(mergeRecords(m, m), m)).toBe(true);
        expect(sameRecord(mergeRecords(m, a), m)).toBe(true);
        expect(sameRecord(mergeRecords(a, a), mergeRecords(a, { ...a }))).toBe(true);
      }),
      { numRuns: Number(process.env.MERGE_RUNS ?? 500) },
    );
  });
});
