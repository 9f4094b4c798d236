/**
 * One customer, however many browsers created it (docs/sync.md, "One customer"): the rule itself, then browsers
 * over the fake cloud creating the same customers before they sync.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusRank } from '../../src/core/invitation';
import { formatHlc } from '../../src/core/sync-clock';
import { isEmptyPlan, planDedupe } from '../../src/core/sync-dedupe';
import { isAlive, type SyncRecord } from '../../src/core/sync-merge';
import { Fleet } from './harness';

const T = Date.UTC(2026, 10, 1);
const clock = formatHlc({ pt: T, c: 0, node: 'Dev001' });

function customer(id: string, fields: Record<string, unknown>): SyncRecord {
  const clocks = Object.fromEntries(Object.keys(fields).map((k) => [k, clock]));
  return { id, table: 'customers', fields, clocks };
}

function invitation(id: string, customerId: string, status: string, sentAt: number[], type = 'reseller') {
  const fields = { customerId, type, status, epoch: 0, sentAt };
  const clocks = Object.fromEntries(Object.keys(fields).map((k) => [k, clock]));
  return { id, table: 'invitations', fields, clocks } as SyncRecord;
}

describe('the rule', () => {
  it('same tenant ID: one customer, the smallest id survives and takes what it lacks; notes are joined', () => {
    const plan = planDedupe([
      customer('b', { companyName: 'Contoso', tenantId: 'T1', email: '', notes: 'from B', createdAt: 5 }),
      customer('a', {
        companyName: '',
        tenantId: 't1',
        email: 'x@contoso.com',
        notes: 'from A',
        createdAt: 9,
      }),
    ]);
    expect(plan.edits).toEqual([
      {
        table: 'customers',
        id: 'a',
        values: { companyName: 'Contoso', notes: 'from A\nfrom B', createdAt: 5 },
      },
    ]);
    expect(plan.removes).toEqual([{ table: 'customers', id: 'b', into: 'a' }]);
  });

  it('same email: one customer when at least one has no tenant ID; two tenant IDs are two customers', () => {
    const same = planDedupe([
      customer('a', { email: 'X@contoso.com', tenantId: 't1' }),
      customer('b', { email: 'x@contoso.com', tenantId: '' }),
    ]);
    expect(same.removes).toEqual([{ table: 'customers', id: 'b', into: 'a' }]);
    const two = planDedupe([
      customer('a', { email: 'x@contoso.com', tenantId: 't1' }),
      customer('b', { email: 'x@contoso.com', tenantId: 't2' }),
    ]);
    expect(isEmptyPlan(two)).toBe(true);
    const ambiguous = planDedupe([
      customer('a', { email: 'x@contoso.com', tenantId: 't1' }),
      customer('b', { email: 'x@contoso.com', tenantId: 't2' }),
      customer('c', { email: 'x@contoso.com', tenantId: '' }),
    ]);
    expect(isEmptyPlan(ambiguous)).toBe(true);
  });

  it('invitations of one type merge (status order wins, every send kept); other types move over', () => {
    const plan = planDedupe([
      customer('a', { email: 'x@c.com' }),
      customer('b', { email: 'x@c.com' }),
      invitation('i2', 'a', 'pending', [3]),
      invitation('i1', 'b', 'accepted', [1, 2]),
      invitation('g1', 'b', 'pending', [4], 'gdap'),
    ]);
    expect(plan.edits).toContainEqual({
      table: 'invitations',
      id: 'i2',
      values: { status: 'accepted', sentAt: [1, 2, 3] },
    });
    expect(plan.edits).toContainEqual({ table: 'invitations', id: 'g1', values: { customerId: 'a' } });
    expect(plan.removes).toContainEqual({ table: 'invitations', id: 'i1', into: 'i2' });
    expect(plan.removes).toContainEqual({ table: 'customers', id: 'b', into: 'a' });
  });

  it('the same plan whatever order the records come in; a few rounds leave nothing to merge', () => {
    const apply = (records: SyncRecord[]) => {
      const plan = planDedupe(records);
      const gone = new Set(plan.removes.map((r) => r.id));
      return records
        .filter((r) => !gone.has(r.id))
        .map((r) => {
          const edit = plan.edits.find((e) => e.id === r.id);
          return edit ? { ...r, fields: { ...r.fields, ...edit.values } } : r;
        });
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            email: fc.constantFrom('', 'a@x.com', 'b@x.com'),
            tenantId: fc.constantFrom('', 't1', 't2'),
          }),
          { maxLength: 6 },
        ),
        (list) => {
          const records = list.map((f, i) => customer(`c${i}`, f));
          expect(planDedupe([...records].reverse())).toEqual(planDedupe(records));
          // A merge can settle an email that linked two companies, which lets the next round merge it: each round
          // removes a record, so it ends within as many rounds as there are records.
          let state = records;
          for (let round = 0; round < records.length && !isEmptyPlan(planDedupe(state)); round++)
            state = apply(state);
          expect(isEmptyPlan(planDedupe(state))).toBe(true);
        },
      ),
    );
  });
});

const POOL = [
  { email: 'ana@contoso.com', tenantId: '' },
  { email: 'ana@contoso.com', tenantId: 'aaaaaaaa-0000-4000-8000-000000000001' },
  { email: '', tenantId: 'aaaaaaaa-0000-4000-8000-000000000001' },
  { email: 'bob@fabrikam.com', tenantId: '' },
  { email: 'eve@adatum.com', tenantId: 'aaaaaaaa-0000-4000-8000-000000000002' },
];
const STATUSES = ['pending', 'withdrawn', 'accepted'];

describe('browsers that invite the same customer before they sync', () => {
  it('end with one customer, the same survivor everywhere, one invitation per type, nothing lost, then go quiet', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          devices: fc.integer({ min: 2, max: 3 }),
          seed: fc.integer({ min: 1, max: 1_000 }),
          creations: fc.array(
            fc.record({
              dev: fc.nat(2),
              who: fc.nat(POOL.length - 1),
              status: fc.nat(STATUSES.length - 1),
              type: fc.constantFrom('reseller', 'gdap'),
              wait: fc.constantFrom(0, 500, 5_000, 60_000),
            }),
            { minLength: 2, maxLength: 6 },
          ),
        }),
        async ({ devices, seed, creations }) => {
          const fleet = new Fleet({ seed, jitterMs: 2_000 });
          const list = Array.from({ length: devices }, (_, i) => fleet.add(`D${i}`));
          await fleet.run(2_000);
          const made: { who: number; status: number; type: string }[] = [];
          for (const [k, c] of creations.entries()) {
            const d = list[c.dev % devices] as (typeof list)[number];
            const who = POOL[c.who] as (typeof POOL)[number];
            fleet.edit(d, 'customers', `c${k}`, { companyName: `Company ${k}`, notes: `note ${k}`, ...who });
            fleet.edit(d, 'invitations', `i${k}`, {
              customerId: `c${k}`,
              type: c.type,
              status: STATUSES[c.status],
              sentAt: [fleet.time.now],
            });
            made.push({ who: c.who, status: c.status, type: c.type });
            await fleet.run(c.wait);
          }
          await fleet.run(60 * 60_000);
          const settled = fleet.time.now;
          await fleet.run(3 * 3_600_000);
          expect(fleet.converged()).toBe(true);
          expect(fleet.writesSince(settled)).toBe(0);
          const final = [...(list[0]?.store.records.values() ?? [])];
          expect(isEmptyPlan(planDedupe(final))).toBe(true);
          const customers = final.filter((r) => r.table === 'customers' && isAlive(r));
          const invitations = final.filter((r) => r.table === 'invitations' && isAlive(r));
          const ids = new Set(customers.map((c) => c.id));
          const perType = new Set<string>();
          for (const inv of invitations) {
            expect(ids.has(String(inv.fields.customerId))).toBe(true);
            const key = `${inv.fields.customerId}/${inv.fields.type}`;
            expect(perType.has(key), key).toBe(false);
            perType.add(key);
          }
          for (const [k, m] of made.entries()) {
            const who = POOL[m.who] as (typeof POOL)[number];
            // The customer is still there under one of its keys, with its note, and its invitation's status is
            // at least the one it was created with (status order wins).
            const owner = customers.find(
              (c) =>
                (who.email && c.fields.email === who.email) ||
                (who.tenantId && c.fields.tenantId === who.tenantId),
            );
            expect(owner, `customer ${k}`).toBeDefined();
            expect(String(owner?.fields.notes)).toContain(`note ${k}`);
            const inv = invitations.find(
              (i) => i.fields.customerId === owner?.id && i.fields.type === m.type,
            );
            expect(statusRank(inv?.fields.status)).toBeGreaterThanOrEqual(statusRank(STATUSES[m.status]));
          }
        },
      ),
      { numRuns: Number(process.env.SYNC_DEDUPE_RUNS ?? 60), seed: 3 },
    );
  }, 600_000);
});
