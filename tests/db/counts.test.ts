import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Invitation, InvitationStatus } from '../../src/core/status';
import { exportAll, importBackup } from '../../src/db/backup';
import { CountDelta, countAfter, writesFor } from '../../src/db/count-buckets';
import { readCounts, rebuildCounts } from '../../src/db/counts';
import { newCustomer } from '../../src/db/customers';
import { createDb, type ResellerDb } from '../../src/db/db';
import {
  bulkMarkAccepted,
  endRelationship,
  markAccepted,
  recordSend,
  reopen,
  setFollowUp,
  undoLast,
  withdraw,
} from '../../src/db/invitations';
import { markUntracked } from '../../src/db/sync-meta';
import { countAcceptedSince, countOverdue, countPending } from './index-counts';
import { advance, clock, DAY, GDAP_LINK, ok, T0, useDb } from './support';

const ctx = useDb();

/** The index counts (index-counts.ts): the reference the buckets must equal. */
async function recount(db: ResellerDb, days: number, since: number) {
  return {
    pending: await countPending(db),
    overdue: await countOverdue(db, days),
    acceptedSince: await countAcceptedSince(db, since),
  };
}

/** Buckets equal a recount at several thresholds and windows, and the rows equal a rebuild from scratch. */
async function expectExact(db: ResellerDb) {
  const at = clock.t;
  for (const [days, since] of [
    [7, at - 30 * DAY],
    [1, at - DAY],
    [30, at - 3 * DAY - 1],
    [365, at],
  ] as const) {
    expect(await readCounts(db, at, days, since), `${days} days, since ${since - at}`).toEqual(
      await recount(db, days, since),
    );
  }
  const delta = new CountDelta();
  for (const row of await db.invitations.toArray()) delta.change(row, 1);
  const built = writesFor(delta, [], []);
  const byKey = (a: { kind: string; day: number }, b: { kind: string; day: number }) =>
    a.kind.localeCompare(b.kind) || a.day - b.day;
  expect(await db.countDays.toArray()).toEqual(built.putDays.sort(byKey));
  expect(await db.countTimes.toArray()).toEqual(built.putTimes.sort(byKey));
}

const STATUSES: InvitationStatus[] = ['pending', 'accepted', 'withdrawn', 'removed'];
/** Times around day boundaries and the cutoffs, where an off-by-one would hide. */
const time = fc
  .tuple(
    fc.integer({ min: -40, max: 5 }),
    fc.constantFrom(0, 1, -1, DAY / 2, 7 * DAY),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([d, off, jitter]) => T0 + d * DAY + off + jitter);
/** A row as sync or an import may bring it: any status, times anywhere, fields present or not. */
const rawRow = fc.record({
  id: fc.constantFrom<string>('r1', 'r2', 'r3', 'r4'),
  status: fc.constantFrom(...STATUSES),
  lastSentAt: time,
  followUpDueAt: fc.option(time, { nil: undefined }),
  acceptedAt: fc.option(time, { nil: undefined }),
});

type RawRow = typeof rawRow extends fc.Arbitrary<infer T> ? T : never;

/** A whole invitation around a generated row, so the app's own actions can act on it afterwards. */
function remoteInvitation(r: RawRow): Invitation {
  const { followUpDueAt, acceptedAt, ...rest } = r;
  return {
    ...rest,
    customerId: 'cr',
    type: 'reseller',
    linkType: 'reseller',
    language: 'en',
    sentAt: [r.lastSentAt],
    firstSentAt: r.lastSentAt,
    adminAccessRemoved: false,
    channel: 'copy',
    changedAt: r.lastSentAt,
    lastAction: 'send',
    epoch: 0,
    updatedAt: r.lastSentAt,
    ...(followUpDueAt === undefined ? {} : { followUpDueAt }),
    ...(acceptedAt === undefined ? {} : { acceptedAt }),
  };
}

type Step =
  | { op: 'send'; who: number; gdap: boolean }
  | { op: 'act'; kind: 'accept' | 'withdraw' | 'end' | 'reopen' | 'undo' | 'bulk-accept'; pick: number }
  | { op: 'follow-up'; pick: number; due: number | undefined }
  | { op: 'advance'; ms: number }
  | { op: 'remote'; rows: RawRow[] }
  | { op: 'delete'; ids: string[] }
  | { op: 'clear' | 'delete-range' | 'snapshot' | 'restore' | 'abort' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('send' as const), who: fc.integer({ min: 0, max: 4 }), gdap: fc.boolean() }),
  fc.record({
    op: fc.constant('act' as const),
    kind: fc.constantFrom('accept', 'withdraw', 'end', 'reopen', 'undo', 'bulk-accept'),
    pick: fc.nat(),
  }),
  fc.record({
    op: fc.constant('follow-up' as const),
    pick: fc.nat(),
    due: fc.option(time, { nil: undefined }),
  }),
  fc.record({
    op: fc.constant('advance' as const),
    ms: fc.oneof(
      fc.integer({ min: 0, max: 10_000 }),
      fc.integer({ min: 0, max: 9 }).map((d) => d * DAY + 1),
    ),
  }),
  fc.record({ op: fc.constant('remote' as const), rows: fc.array(rawRow, { minLength: 1, maxLength: 4 }) }),
  fc.record({
    op: fc.constant('delete' as const),
    ids: fc.array(fc.constantFrom('r1', 'r2', 'r9'), { maxLength: 3 }),
  }),
  fc.record({
    op: fc.constantFrom(
      'clear' as const,
      'delete-range' as const,
      'snapshot' as const,
      'restore' as const,
      'abort' as const,
    ),
  }),
);

/** Runs one step through the app's own write paths (or sync's untracked writes, or a backup import). */
async function run(db: ResellerDb, s: Step, backup: { value?: unknown }) {
  const ids = async () => (await db.invitations.toCollection().primaryKeys()).sort();
  const pickId = async (n: number) => {
    const all = await ids();
    return all.length ? (all[n % all.length] as string) : 'none';
  };
  const untracked = (work: () => Promise<unknown>) =>
    db.transaction('rw', db.invitations, db.customers, async (tx) => {
      markUntracked(tx);
      await work();
    });
  switch (s.op) {
    case 'send':
      await recordSend(db, {
        companyName: `Customer ${s.who}`,
        email: `it@c${s.who}.example`,
        linkType: s.gdap ? 'gdap' : 'reseller',
        language: 'en',
        channel: 'copy',
        ...(s.gdap ? { gdap: { link: GDAP_LINK } } : {}),
      });
      return;
    case 'act': {
      const id = await pickId(s.pick);
      const acts = { accept: markAccepted, withdraw, end: endRelationship, reopen, undo: undoLast };
      if (s.kind === 'bulk-accept') await bulkMarkAccepted(db, (await ids()).slice(0, 1 + (s.pick % 3)));
      else await acts[s.kind](db, id);
      return;
    }
    case 'follow-up':
      await setFollowUp(db, await pickId(s.pick), s.due);
      return;
    case 'advance':
      advance(s.ms);
      return;
    case 'remote':
      await untracked(async () => {
        await db.customers.put(newCustomer({ companyName: 'Remote' }, T0, 'cr'));
        await db.invitations.bulkPut(s.rows.map(remoteInvitation));
      });
      return;
    case 'delete':
      await db.invitations.bulkDelete(s.ids);
      return;
    case 'clear':
      await untracked(() => db.invitations.clear());
      return;
    case 'delete-range':
      await untracked(() => db.invitations.where('id').between('a', 'r2', true, true).delete());
      return;
    case 'snapshot':
      backup.value = await exportAll(db);
      return;
    case 'restore':
      if (backup.value) await importBackup(db, backup.value, clock.t % 2 ? 'merge' : 'replace');
      return;
    case 'abort':
      await db
        .transaction('rw', db.invitations, async () => {
          await db.invitations.put({
            id: 'r1',
            status: 'pending',
            lastSentAt: clock.t,
          } as unknown as Invitation);
          throw new Error('abort');
        })
        .catch(() => undefined);
      return;
  }
}

describe('count buckets', () => {
  it('count times after a point, or at and after it, by binary search', () => {
    const times = [1, 3, 3, 5, 8];
    expect([0, 1, 3, 4, 8, 9].map((t) => countAfter(times, t, false))).toEqual([5, 4, 2, 2, 0, 0]);
    expect([0, 1, 3, 4, 8, 9].map((t) => countAfter(times, t, true))).toEqual([5, 5, 4, 2, 1, 0]);
  });

  it('start empty and follow the app’s writes', async () => {
    const { db } = ctx;
    expect(await readCounts(db, T0, 7, T0)).toEqual({ pending: 0, overdue: 0, acceptedSince: 0 });
    const a = ok(
      await recordSend(db, { companyName: 'A', linkType: 'reseller', language: 'en', channel: 'copy' }),
    );
    advance(8 * DAY);
    const b = ok(
      await recordSend(db, { companyName: 'B', linkType: 'reseller', language: 'en', channel: 'copy' }),
    );
    expect(await readCounts(db, clock.t, 7, T0)).toEqual({ pending: 2, overdue: 1, acceptedSince: 0 });
    ok(await markAccepted(db, a.invitationId));
    ok(await setFollowUp(db, b.invitationId, clock.t - 1));
    expect(await readCounts(db, clock.t, 7, T0)).toEqual({ pending: 1, overdue: 1, acceptedSince: 1 });
    await expectExact(db);
  });

  it('equal a full recount after any sequence of sends, actions, undo, sync writes, imports and clears', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        clock.t = T0;
        const db = createDb(`p-${crypto.randomUUID()}`);
        const backup: { value?: unknown } = {};
        try {
          for (const s of steps) {
            await run(db, s, backup);
            await expectExact(db);
          }
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('count a time on the boundary itself as a recount does: overdue at the cutoff, accepted at the start', async () => {
    const { db } = ctx;
    const at = T0 + 10 * DAY;
    const cutoff = at - 7 * DAY;
    const rows = [cutoff - 1, cutoff, cutoff + 1, cutoff - (cutoff % DAY), at, at + 1].flatMap((t, i) => [
      remoteInvitation({
        id: `p${i}`,
        status: 'pending',
        lastSentAt: t,
        followUpDueAt: undefined,
        acceptedAt: undefined,
      }),
      remoteInvitation({
        id: `d${i}`,
        status: 'pending',
        lastSentAt: T0,
        followUpDueAt: t + 7 * DAY,
        acceptedAt: undefined,
      }),
      remoteInvitation({
        id: `a${i}`,
        status: 'accepted',
        lastSentAt: T0,
        followUpDueAt: undefined,
        acceptedAt: t,
      }),
    ]);
    await db.invitations.bulkPut(rows);
    clock.t = at;
    for (const since of [cutoff - 1, cutoff, cutoff + 1, at + 1]) {
      expect(await readCounts(db, at, 7, since)).toEqual(await recount(db, 7, since));
    }
    expect(await readCounts(db, at, 7, cutoff)).toEqual({ pending: 12, overdue: 3 + 3, acceptedSince: 4 });
  });

  it('are rebuilt from the invitations when written around Dexie, and by the version 4 upgrade', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const { default: Dexie } = await import('dexie');
    const v3 = new Dexie(name);
    v3.version(3).stores({ invitations: 'id', customers: 'id', settings: 'key', events: 'id' });
    await v3.table('invitations').bulkPut([
      { id: 'i1', status: 'pending', lastSentAt: T0 - 9 * DAY },
      { id: 'i2', status: 'pending', lastSentAt: T0, followUpDueAt: T0 - 1 },
      { id: 'i3', status: 'accepted', lastSentAt: T0, acceptedAt: T0 - DAY },
    ]);
    v3.close();
    const db = createDb(name);
    try {
      expect(await readCounts(db, T0, 7, T0 - 30 * DAY)).toEqual({
        pending: 2,
        overdue: 2,
        acceptedSince: 1,
      });
      await db.countDays.clear();
      expect(await readCounts(db, T0, 7, T0 - 30 * DAY)).toMatchObject({ pending: 0 });
      await rebuildCounts(db);
      await expectExact(db);
      expect(await readCounts(db, T0, 7, T0 - 30 * DAY)).toEqual({
        pending: 2,
        overdue: 2,
        acceptedSince: 1,
      });
    } finally {
      await db.delete();
    }
  });
});
