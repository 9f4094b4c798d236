import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/problem';
import {
  deleteCustomers,
  findCustomer,
  fromRow,
  searchCustomers,
  updateCustomer,
} from '../../src/db/customers';
import { customerTimeline } from '../../src/db/events';
import { recordSend } from '../../src/db/invitations';
import { addCustomer, advance, GDAP_LINK, ok, rejection, T0, useDb } from './support';

const ctx = useDb();
const TENANT = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';

describe('customers', () => {
  it('adds a customer normalised, with its search keys, and never exports those keys', async () => {
    const { db } = ctx;
    const row = await addCustomer(db, {
      companyName: ' Société Générale S.A. ',
      contactName: ' Jörg ',
      email: ' Jorg@SocGen.example ',
      tenantId: TENANT.toUpperCase(),
    });
    expect(row).toMatchObject({
      companyName: 'Société Générale S.A.',
      contactName: 'Jörg',
      email: 'jorg@socgen.example',
      domain: 'socgen.example',
      tenantId: TENANT,
      language: 'en',
      notes: '',
      servedByAnotherPartner: false,
      createdAt: T0,
      updatedAt: T0,
      nameKey: 'societe generale',
    });
    expect(row.words).toEqual(expect.arrayContaining(['societe', 'generale', 'jorg', 'socgen', 'example']));
    expect(Object.keys(fromRow(row))).not.toContain('words');
    expect(await db.customers.get(row.id)).toEqual(row);
  });

  it('refuses invalid fields and writes nothing', async () => {
    const { db } = ctx;
    const row = await addCustomer(db, { companyName: 'X' });
    const error = await rejection(updateCustomer(db, row.id, { domain: 'not a domain' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(await db.customers.toArray()).toEqual([row]);
  });

  it('updates fields, rebuilding the search keys, keeping id and creation time', async () => {
    const { db } = ctx;
    const row = await addCustomer(db, { companyName: 'Contoso' });
    advance(1000);
    const updated = await updateCustomer(db, row.id, {
      companyName: 'Fabrikam',
      notes: 'Met at Ignite',
      servedByAnotherPartner: true,
    });
    expect(updated).toMatchObject({ id: row.id, createdAt: T0, updatedAt: T0 + 1000, nameKey: 'fabrikam' });
    expect((await searchCustomers(db, 'fabri')).map((c) => c.id)).toEqual([row.id]);
    expect(await searchCustomers(db, 'contoso')).toEqual([]);
    expect(await rejection(updateCustomer(db, row.id, { email: 'bad' }))).toBeInstanceOf(InvalidInputError);
    expect(await rejection(updateCustomer(db, 'missing', {}))).toBeInstanceOf(InvalidInputError);
  });

  it('finds a customer by email, then domain, then tenant ID through the indexes', async () => {
    const { db } = ctx;
    const a = await addCustomer(db, { companyName: 'A', email: 'x@a.example' });
    const b = await addCustomer(db, { companyName: 'B', domain: 'b.example', tenantId: TENANT });
    expect((await findCustomer(db, { email: 'X@A.example' }))?.id).toBe(a.id);
    expect((await findCustomer(db, { email: 'y@a.example' }))?.id).toBe(a.id);
    expect((await findCustomer(db, { email: 'x@a.example', tenantId: TENANT }))?.id).toBe(a.id);
    expect((await findCustomer(db, { tenantId: TENANT }))?.id).toBe(b.id);
    expect(await findCustomer(db, { email: 'x@gmail.com' })).toBeUndefined();
    expect(await findCustomer(db, {})).toBeUndefined();
  });

  it('searches any word prefix of company, contact, email or domain, sorted by name, up to a limit', async () => {
    const { db } = ctx;
    await addCustomer(db, { companyName: 'Contoso Europe', contactName: 'Alex Martin' });
    await addCustomer(db, { companyName: 'Adatum', email: 'alex@adatum.example' });
    await addCustomer(db, { companyName: 'Contoso Asia' });
    const names = async (q: string, limit?: number) =>
      (await searchCustomers(db, q, limit)).map((c) => c.companyName);
    expect(await names('alex')).toEqual(['Adatum', 'Contoso Europe']);
    expect(await names('contoso')).toEqual(['Contoso Asia', 'Contoso Europe']);
    expect(await names('cont eu')).toEqual(['Contoso Europe']);
    expect(await names('ADATUM.exa')).toEqual(['Adatum']);
    expect(await names('')).toEqual(['Adatum', 'Contoso Asia', 'Contoso Europe']);
    expect(await names('', 1)).toEqual(['Adatum']);
  });

  it('deletes customers with their invitations and events, leaving others alone', async () => {
    const { db } = ctx;
    const base = { linkType: 'reseller', language: 'en', channel: 'copy' } as const;
    const a = ok(await recordSend(db, { ...base, companyName: 'A', email: 'a@a.example' }));
    ok(
      await recordSend(db, {
        ...base,
        companyName: 'A',
        email: 'a@a.example',
        linkType: 'gdap',
        gdap: { link: GDAP_LINK },
      }),
    );
    const b = ok(await recordSend(db, { ...base, companyName: 'B', email: 'b@b.example' }));
    await deleteCustomers(db, [a.customerId]);
    expect(await db.customers.count()).toBe(1);
    expect((await db.invitations.toArray()).map((i) => i.customerId)).toEqual([b.customerId]);
    expect(await customerTimeline(db, a.customerId)).toEqual([]);
    expect(await customerTimeline(db, b.customerId)).toHaveLength(1);
    await deleteCustomers(db, []);
  });
});
