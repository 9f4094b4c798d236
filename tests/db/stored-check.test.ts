import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportAll } from '../../src/db/backup';
import { recordSend } from '../../src/db/invitations';
import { checkStoredRows, checkStoredRowsOnce, STORED_ROWS_CLEAN } from '../../src/db/stored-check';
import { forgetKeptAside, keptAside } from '../../src/db/sync-meta';
import { MemoryStorage, ok, useDb } from './support';

const ctx = useDb();
const send = (companyName: string, email: string) =>
  recordSend(ctx.db, {
    companyName,
    email,
    contactName: '',
    linkType: 'reseller',
    language: 'en',
    channel: 'copy',
  });

describe('stored rows read through their owners’ parsers', () => {
  it('finds nothing wrong in what the extension itself wrote', async () => {
    ok(await send('Contoso', 'it@contoso.com'));
    ok(await send('Fabrikam', 'it@fabrikam.com'));
    const result = await checkStoredRows(ctx.db);
    expect(result.unreadable).toEqual([]);
    // Two customers, two invitations, two events.
    expect(result.checked).toBe(6);
  });

  it('names each row another version left in a shape this one cannot read, and changes nothing', async () => {
    const sent = ok(await send('Contoso', 'it@contoso.com'));
    const customer = await ctx.db.customers.get(sent.customerId);
    await ctx.db.customers.put({ ...customer, companyName: 42 } as never);
    await ctx.db.invitations.update(sent.invitationId, { status: 'half-accepted!' } as never);
    const before = await exportAll(ctx.db);

    const { unreadable } = await checkStoredRows(ctx.db);

    expect(unreadable.map((u) => [u.table, u.id, u.problems.map((p) => p.field)])).toEqual([
      ['customers', sent.customerId, ['companyName']],
      ['invitations', sent.invitationId, ['status']],
    ]);
    for (const u of unreadable) for (const p of u.problems) expect(p.message.length).toBeGreaterThan(10);
    // Reported, not repaired: a backup still holds the rows exactly as stored.
    expect({ ...(await exportAll(ctx.db)), exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
  });
});

describe('sync bookkeeping kept aside', () => {
  it('names each value sync kept aside, whatever the records check remembers, and lets the partner delete them', async () => {
    const memo = new MemoryStorage();
    ok(await send('Contoso', 'it@contoso.com'));
    expect((await checkStoredRowsOnce(ctx.db, '1.0.0', memo))?.unreadable).toEqual([]);
    await ctx.db.syncMeta.bulkPut([
      { k: 'aside:writeLog', v: 'x' },
      { k: 'aside:acks', v: [] },
      { k: 'writeLog', v: [] },
      { k: 'enabled', v: true },
    ]);
    // The records are not read again; the kept values are found all the same.
    expect(await checkStoredRowsOnce(ctx.db, '1.0.0', memo)).toBeUndefined();
    expect(await keptAside(ctx.db)).toEqual(['acks', 'writeLog']);
    await forgetKeptAside(ctx.db);
    expect(await keptAside(ctx.db)).toEqual([]);
    // Only the kept values went: the clock rows the writes made, the switch and the live field stay.
    expect(await ctx.db.syncMeta.toCollection().primaryKeys()).toEqual([
      'deviceId',
      'enabled',
      'hlc',
      'writeLog',
    ]);
  });
});

describe('the check once per version', () => {
  it('reads nothing again under a version whose rows all read, and checks anew when the version changes', async () => {
    const sent = ok(await send('Contoso', 'it@contoso.com'));
    const memo = new MemoryStorage();
    expect((await checkStoredRowsOnce(ctx.db, '1.0.0', memo))?.checked).toBe(3);
    expect(memo.getItem(STORED_ROWS_CLEAN)).toBe('1.0.0');
    // Left by another version after the clean check: not looked for until the version changes.
    await ctx.db.customers.update(sent.customerId, { companyName: 42 } as never);
    expect(await checkStoredRowsOnce(ctx.db, '1.0.0', memo)).toBeUndefined();
    const next = await checkStoredRowsOnce(ctx.db, '1.1.0', memo);
    expect(next?.unreadable.map((r) => r.id)).toEqual([sent.customerId]);
  });

  it('keeps listing unreadable rows on every check until they are gone', async () => {
    const sent = ok(await send('Contoso', 'it@contoso.com'));
    await ctx.db.customers.update(sent.customerId, { companyName: 42 } as never);
    const memo = new MemoryStorage();
    expect((await checkStoredRowsOnce(ctx.db, '1.0.0', memo))?.unreadable).toHaveLength(1);
    expect(memo.getItem(STORED_ROWS_CLEAN)).toBeNull();
    expect((await checkStoredRowsOnce(ctx.db, '1.0.0', memo))?.unreadable).toHaveLength(1);
    await ctx.db.customers.update(sent.customerId, { companyName: 'Contoso' });
    expect((await checkStoredRowsOnce(ctx.db, '1.0.0', memo))?.unreadable).toEqual([]);
    expect(await checkStoredRowsOnce(ctx.db, '1.0.0', memo)).toBeUndefined();
  });

  it('checks every time where nothing can be remembered', async () => {
    ok(await send('Contoso', 'it@contoso.com'));
    const memo = new MemoryStorage();
    memo.full = true;
    expect((await checkStoredRowsOnce(ctx.db, '1.0.0', memo))?.checked).toBe(3);
    expect((await checkStoredRowsOnce(ctx.db, '1.0.0', memo))?.checked).toBe(3);
    expect((await checkStoredRowsOnce(ctx.db, '1.0.0', undefined))?.checked).toBe(3);
  });
});
