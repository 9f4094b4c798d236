import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addCustomer } from '../../src/db/customers';
import { recordSend } from '../../src/db/invitations';
import { customersByIds, recordCounts } from '../../src/db/options-queries';
import { ok, useDb } from './support';

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
});
