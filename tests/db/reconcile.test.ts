import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseCustomerExport } from '../../src/core/reconcile';
import { transition } from '../../src/core/status';
import { deleteCustomers, newCustomer } from '../../src/db/customers';
import { customerTimeline } from '../../src/db/events';
import { invitationOf, recordSend, withdraw } from '../../src/db/invitations';
import { applyReconcile, planFromExport } from '../../src/db/reconcile';
import { countPending } from './index-counts';
import { addCustomer, advance, ok, T0, useDb } from './support';

const ctx = useDb();

const A = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const B = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const C = '0b9b5b4e-1c7b-4f0e-9a55-2f0f7d0c8a11';
const D = '11111111-2222-4333-8444-555555555555';

const EXPORT = [
  'Microsoft ID;Company name;Primary domain name;Relationship',
  `${A};Contoso Ltd;contoso.onmicrosoft.com;Cloud Reseller`,
  `${B};Fabrikam;fabrikam.com;Cloud Reseller`,
  `${C};Northwind Traders Inc;northwind.onmicrosoft.com;Indirect reseller`,
  `${D};Adatum;adatum.com;Cloud Reseller`,
].join('\r\n');

const base = { linkType: 'reseller', language: 'en', channel: 'copy' } as const;

async function scenario() {
  const { db } = ctx;
  const contoso = ok(await recordSend(db, { ...base, companyName: 'Contoso', tenantId: A }));
  const fabrikam = ok(await recordSend(db, { ...base, companyName: 'Fabrikam', email: 'it@fabrikam.com' }));
  const northwind = ok(
    await recordSend(db, { ...base, companyName: 'Northwind Traders', email: 'x@gmail.com' }),
  );
  const idle = await addCustomer(db, {
    companyName: 'Unrelated',
    tenantId: '99999999-2222-4333-8444-555555555555',
  });
  advance(30 * 86_400_000);
  return { contoso, fabrikam, northwind, idle };
}

describe('reconcile against the database', () => {
  it('plans from the export: tenant and domain matches applied, a name match only proposed, new rows offered', async () => {
    const { db } = ctx;
    const s = await scenario();
    const { rows } = parseCustomerExport(EXPORT);
    const plan = await planFromExport(db, rows);
    expect(plan.matches.map((m) => [m.customerId, m.by, m.action, m.apply])).toEqual([
      [s.contoso.customerId, 'tenantId', 'accept', true],
      [s.fabrikam.customerId, 'domain', 'accept', true],
      [s.northwind.customerId, 'name', 'accept', false],
    ]);
    expect(plan.additions).toEqual([{ rowIndex: 3, apply: true }]);
  });

  it('applies in chunks with progress: accepted with the export event, keys learnt, customers added', async () => {
    const { db } = ctx;
    const s = await scenario();
    const plan = await planFromExport(db, parseCustomerExport(EXPORT).rows);
    const progress: [number, number][] = [];
    const result = await applyReconcile(db, plan, {
      chunkSize: 1,
      language: 'fr',
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result).toEqual({ accepted: 2, created: 0, added: 1, filled: 2, skipped: [] });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const at = T0 + 30 * 86_400_000;
    expect(await invitationOf(db, s.contoso.customerId, 'reseller')).toMatchObject({
      status: 'accepted',
      acceptedAt: at,
    });
    expect(await invitationOf(db, s.northwind.customerId, 'reseller')).toMatchObject({ status: 'pending' });
    expect((await db.customers.get(s.fabrikam.customerId))?.tenantId).toBe(B);
    const timeline = await customerTimeline(db, s.fabrikam.customerId);
    expect(timeline.at(-1)).toMatchObject({ type: 'accepted', detail: { source: 'export', by: 'domain' } });
    const added = await db.customers.where('tenantId').equals(D).first();
    expect(added).toMatchObject({ companyName: 'Adatum', domain: 'adatum.com', language: 'fr' });
    expect(await invitationOf(db, added?.id ?? '', 'reseller')).toMatchObject({
      status: 'accepted',
      channel: 'export',
      sentAt: [],
    });
    expect(await countPending(db)).toBe(1);
  });

  it('applies a name match once the partner confirms it, and is idempotent when run again', async () => {
    const { db } = ctx;
    const s = await scenario();
    const rows = parseCustomerExport(EXPORT).rows;
    const plan = await planFromExport(db, rows);
    const confirmed = { ...plan, matches: plan.matches.map((m) => ({ ...m, apply: true })) };
    await applyReconcile(db, confirmed);
    expect(await invitationOf(db, s.northwind.customerId, 'reseller')).toMatchObject({
      status: 'accepted',
      linkType: 'reseller',
    });
    expect((await db.customers.get(s.northwind.customerId))?.tenantId).toBe(C);
    const again = await planFromExport(db, rows);
    expect(again.matches.every((m) => m.by === 'tenantId' && m.action === 'none' && !m.apply)).toBe(true);
    expect(again.additions).toEqual([]);
    expect(await applyReconcile(db, again)).toEqual({
      accepted: 0,
      created: 0,
      added: 0,
      filled: 0,
      skipped: [],
    });
  });

  it('records an accepted invitation for a known customer that was never invited', async () => {
    const { db } = ctx;
    const known = await addCustomer(db, { companyName: 'Northwind', tenantId: C });
    const plan = await planFromExport(db, parseCustomerExport(EXPORT).rows);
    expect(plan.matches).toEqual([
      expect.objectContaining({ customerId: known.id, action: 'create', apply: true }),
    ]);
    expect((await applyReconcile(db, plan)).created).toBe(1);
    expect(await invitationOf(db, known.id, 'reseller')).toMatchObject({
      status: 'accepted',
      linkType: 'indirect-reseller',
    });
  });

  it('skips what changed since the review, listing it', async () => {
    const { db } = ctx;
    const s = await scenario();
    const plan = await planFromExport(db, parseCustomerExport(EXPORT).rows);
    ok(await withdraw(db, s.contoso.invitationId));
    const result = await applyReconcile(db, plan);
    expect(result.accepted).toBe(1);
    expect(result.skipped).toEqual([expect.objectContaining({ rowIndex: 0, code: 'not-pending' })]);
  });

  it('plans the same when the export is small against the table (index lookups, not a full read)', async () => {
    const { db } = ctx;
    const s = await scenario();
    await unrelated(200);
    const plan = await planFromExport(db, parseCustomerExport(EXPORT).rows);
    expect(plan.matches.map((m) => [m.customerId, m.by, m.action, m.apply])).toEqual([
      [s.contoso.customerId, 'tenantId', 'accept', true],
      [s.fabrikam.customerId, 'domain', 'accept', true],
      [s.northwind.customerId, 'name', 'accept', false],
    ]);
    expect(plan.additions).toEqual([{ rowIndex: 3, apply: true }]);
    const result = await applyReconcile(db, plan);
    expect(result).toEqual({ accepted: 2, created: 0, added: 1, filled: 2, skipped: [] });
    expect(await invitationOf(db, s.fabrikam.customerId, 'reseller')).toMatchObject({ status: 'accepted' });
  });

  it('plans from the older of two customers sharing a key, whichever way the table is read', async () => {
    const { db } = ctx;
    const older = await addCustomer(db, { companyName: 'Contoso Old', tenantId: A });
    advance(1000);
    await addCustomer(db, { companyName: 'Contoso New', tenantId: A });
    const readWhole = await planFromExport(db, parseCustomerExport(EXPORT).rows);
    await unrelated(200);
    const byLookups = await planFromExport(db, parseCustomerExport(EXPORT).rows);
    expect(readWhole.matches[0]).toMatchObject({ customerId: older.id, by: 'tenantId' });
    expect(byLookups).toEqual(readWhole);
  });

  it('lists what it skipped in plan order, whatever order the chunks went in', async () => {
    const { db } = ctx;
    // Plan order is oldest first (z, y, x); ids run the other way, as the chunks do.
    const ids = ['z', 'y', 'x'];
    const tenants = [A, B, C];
    for (const [i, id] of ids.entries()) {
      await db.customers.add(newCustomer({ companyName: `Company ${id}`, tenantId: tenants[i] }, T0 + i, id));
      const send = transition(
        undefined,
        {
          kind: 'send',
          channel: 'copy',
          linkType: 'reseller',
          language: 'en',
          create: { id: `inv-${id}`, customerId: id },
        },
        T0,
      );
      await db.invitations.add(ok(send).invitation);
    }
    const plan = await planFromExport(db, parseCustomerExport(EXPORT).rows);
    expect(plan.matches.map((m) => m.customerId)).toEqual(['z', 'y', 'x']);
    ok(await withdraw(db, 'inv-z'));
    ok(await withdraw(db, 'inv-x'));
    await deleteCustomers(db, ['y']);
    const result = await applyReconcile(db, plan, { chunkSize: 1 });
    expect(result.skipped.map((x) => [x.rowIndex, x.code])).toEqual([
      [0, 'not-pending'],
      [1, 'not-found'],
      [2, 'not-pending'],
    ]);
    expect(result).toMatchObject({ accepted: 0, added: 1 });
  });

  it('skips a customer deleted since the review when reading by key as well', async () => {
    const { db } = ctx;
    const s = await scenario();
    await unrelated(200);
    const plan = await planFromExport(db, parseCustomerExport(EXPORT).rows);
    await deleteCustomers(db, [s.fabrikam.customerId]);
    const result = await applyReconcile(db, plan);
    expect(result.skipped).toEqual([expect.objectContaining({ rowIndex: 1, code: 'not-found' })]);
    expect(result).toMatchObject({ accepted: 1, added: 1 });
  });

  it('applies a large plan in about four chunks of at least 500', { timeout: 30_000 }, async () => {
    const { db } = ctx;
    const lines = ['Microsoft ID,Company name,Primary domain name,Relationship'];
    for (let i = 0; i < 2400; i++) lines.push(`${crypto.randomUUID()},New ${i},new${i}.example,Reseller`);
    const plan = await planFromExport(db, parseCustomerExport(lines.join('\n')).rows);
    const steps: number[] = [];
    const result = await applyReconcile(db, plan, { onProgress: (done) => steps.push(done) });
    expect(result).toMatchObject({ added: 2400, skipped: [] });
    expect(steps).toEqual([600, 1200, 1800, 2400]);
    expect(await db.events.count()).toBe(2400);
  });
});

/** Customers sharing no key with EXPORT, so the table is large against the export. */
async function unrelated(n: number) {
  const rows = Array.from({ length: n }, (_, i) =>
    newCustomer(
      { companyName: `Other ${i}`, tenantId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
      T0,
    ),
  );
  await ctx.db.customers.bulkAdd(rows);
}
