import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { customerTable } from '../../src/db/customer-table';
import { recordSend } from '../../src/db/invitations';
import { customersByIds, firstCustomerRows, recordCounts } from '../../src/db/options-queries';
import { addCustomer, GDAP_LINK, ok, useDb } from './support';

const ctx = useDb();

describe('options queries', () => {
  it('finds customers by id, skipping ids that no longer exist', async () => {
    const a = await addCustomer(ctx.db, { companyName: 'Contoso' });
    const b = await addCustomer(ctx.db, { companyName: 'Fabrikam' });
    const found = await customersByIds(ctx.db, [a.id, 'gone', b.id, a.id]);
    expect([...found.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(found.get(b.id)?.companyName).toBe('Fabrikam');
  });

  it('counts what is stored', async () => {
    expect(await recordCounts(ctx.db)).toEqual({ customers: 0, invitations: 0, events: 0 });
    ok(
      await recordSend(ctx.db, {
        companyName: 'Contoso',
        email: 'alex@contoso.com',
        linkType: 'reseller',
        language: 'en',
        channel: 'copy',
      }),
    );
    expect(await recordCounts(ctx.db)).toEqual({ customers: 1, invitations: 1, events: 1 });
  });

  it('reads the first customers by company name, with their invitations, as the whole table starts', async () => {
    expect(await firstCustomerRows(ctx.db, 3)).toEqual([]);
    for (const name of ['Northwind', 'adatum', 'Contoso', 'Fabrikam', 'Woodgrove']) {
      ok(
        await recordSend(ctx.db, {
          companyName: name,
          email: `it@${name.toLowerCase()}.example`,
          linkType: 'reseller',
          language: 'en',
          channel: 'copy',
        }),
      );
    }
    ok(
      await recordSend(ctx.db, {
        companyName: 'Contoso',
        email: 'it@contoso.example',
        linkType: 'gdap',
        language: 'en',
        channel: 'copy',
        gdap: { link: GDAP_LINK },
      }),
    );
    await addCustomer(ctx.db, { companyName: 'Bellows' });
    const table = await customerTable(ctx.db);
    expect(await firstCustomerRows(ctx.db, 3)).toEqual(table.slice(0, 3));
    expect((await firstCustomerRows(ctx.db, 3)).map((r) => r.customer.companyName)).toEqual([
      'adatum',
      'Bellows',
      'Contoso',
    ]);
    expect((await firstCustomerRows(ctx.db, 3))[2]?.gdap?.type).toBe('gdap');
    expect(await firstCustomerRows(ctx.db, 2, true)).toEqual(table.slice(-2).reverse());
    expect(await firstCustomerRows(ctx.db, 50)).toEqual(table);
  });
});
