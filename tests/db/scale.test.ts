import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseCustomerExport } from '../../src/core/reconcile';
import { type Invitation, type InvitationEvent, transition } from '../../src/core/status';
import { now } from '../../src/db/clock';
import { readCounts } from '../../src/db/counts';
import { newCustomer } from '../../src/db/customers';
import type { CustomerRow } from '../../src/db/db';
import { addEvents } from '../../src/db/events';
import { newId } from '../../src/db/ids';
import { pendingList } from '../../src/db/pending';
import { applyReconcile, planFromExport } from '../../src/db/reconcile';
import { countOverdue, countPending } from './index-counts';
import { T0, useDb } from './support';

const ctx = useDb();
const N = 2000;
const guid = (i: number) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

/** N pending customers, one sent each hour back from T0, written in bulk like a restored backup. */
async function seed(): Promise<void> {
  const { db } = ctx;
  const customers: CustomerRow[] = [];
  const invitations: Invitation[] = [];
  const events: Omit<InvitationEvent, 'id'>[] = [];
  for (let i = 0; i < N; i++) {
    const at = T0 - i * 3_600_000;
    const c = newCustomer({ companyName: `Company ${i}`, email: `it@c${i}.example`, tenantId: guid(i) }, at);
    const r = transition(
      undefined,
      {
        kind: 'send',
        channel: 'copy',
        linkType: 'reseller',
        language: 'en',
        create: { id: newId(), customerId: c.id },
      },
      at,
    );
    if (!r.ok) throw new Error(r.problems[0]?.code);
    customers.push(c);
    invitations.push(r.invitation);
    events.push(r.event);
  }
  await db.transaction('rw', [db.customers, db.invitations, db.events], async () => {
    await db.customers.bulkAdd(customers);
    await db.invitations.bulkAdd(invitations);
    await addEvents(db, events);
  });
}

// fake-indexeddb is far slower than a browser: the timeout is for it, not a performance budget.
describe(`at ${N} customers`, { timeout: 30_000 }, () => {
  it('counts from the buckets as from indexes, and lists from indexes', async () => {
    const { db } = ctx;
    await seed();
    expect(await countPending(db)).toBe(N);
    // Sent an hour apart going back from T0: 7 days ago or more is every index from 168 on.
    expect(await countOverdue(db, 7)).toBe(N - 168);
    // What the popup's tiles and the badge read, kept by the middleware through the seeding's bulkAdd.
    expect(await readCounts(db, now(), 7, now())).toMatchObject({ pending: N, overdue: N - 168 });
    const list = await pendingList(db, 50);
    expect(list).toHaveLength(50);
    expect(list[0]?.customer.companyName).toBe(`Company ${N - 1}`);
    expect((await pendingList(db, 50, 'company 1999')).map((p) => p.customer.companyName)).toEqual([
      'Company 1999',
    ]);
  });

  it('reconciles an export of as many rows, half known, in chunks', async () => {
    const { db } = ctx;
    await seed();
    const lines = ['Microsoft ID,Company name,Primary domain name,Relationship'];
    for (let i = N / 2; i < N + N / 2; i++)
      lines.push(`${guid(i)},Company ${i},c${i}.example,Cloud Reseller`);
    const { rows, problems } = parseCustomerExport(lines.join('\r\n'));
    expect(problems).toEqual([]);
    const plan = await planFromExport(db, rows);
    expect(plan.matches.filter((m) => m.by === 'tenantId' && m.apply)).toHaveLength(N / 2);
    expect(plan.additions).toHaveLength(N / 2);
    const steps: number[] = [];
    const result = await applyReconcile(db, plan, { onProgress: (done) => steps.push(done) });
    expect(result).toMatchObject({ accepted: N / 2, added: N / 2, skipped: [] });
    expect(steps).toEqual([500, 1000, 1500, 2000]);
    expect(await countPending(db)).toBe(N / 2);
    expect(await db.customers.count()).toBe(N + N / 2);
  });
});
