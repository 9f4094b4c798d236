import { describe, expect, it } from 'vitest';
import { parseCustomerPage, resellerRows } from '../../src/core/partner-center';

const A = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const B = 'a1b2c3d4-e5f6-4789-8abc-def012345678';

/** An item as on https://learn.microsoft.com/partner-center/developer/get-a-list-of-customers. */
const item = (tenantId: unknown, extra: Record<string, unknown> = {}) => ({
  id: tenantId,
  commerceId: 'f3a1d6b2-5b2f-4a4e-9b33-7c1f2d0e5a41',
  companyProfile: {
    tenantId,
    domain: 'Contoso.OnMicrosoft.com',
    companyName: ' Contoso ',
    attributes: { objectType: 'CustomerCompanyProfile' },
  },
  relationshipToPartner: 'reseller',
  allowDelegatedAccess: true,
  attributes: { objectType: 'Customer' },
  ...extra,
});
const next = (value: unknown) => ({
  next: {
    uri: '/customers?size=40&seekOperation=Next',
    method: 'GET',
    headers: [{ key: 'MS-ContinuationToken', value }],
  },
});

describe('parseCustomerPage', () => {
  it('reads the sample page into rows, lowercasing keys and trimming names', () => {
    const r = parseCustomerPage({
      totalCount: 1,
      items: [item(A.toUpperCase())],
      links: {},
      attributes: { objectType: 'Collection' },
    });
    expect(r).toEqual({
      ok: true,
      value: {
        customers: [
          {
            tenantId: A,
            companyName: 'Contoso',
            domain: 'contoso.onmicrosoft.com',
            relationship: 'reseller',
          },
        ],
      },
    });
  });

  it('carries the continuation token of the next page', () => {
    const r = parseCustomerPage({ items: [], links: next('abc==') });
    expect(r.ok && r.value.continuation).toBe('abc==');
  });

  it('refuses a next link without a token', () => {
    const r = parseCustomerPage({ items: [], links: { next: { uri: '/customers', headers: [] } } });
    expect(r.ok ? '' : r.problems[0]?.code).toBe('bad-continuation');
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['an HTML string', '<html>'],
    ['an object without items', { totalCount: 3 }],
    ['items that is not a list', { items: {} }],
  ])('refuses %s', (_what, body) => {
    const r = parseCustomerPage(body);
    expect(r.ok ? '' : r.problems[0]?.code).toBe('bad-shape');
  });

  it('refuses the whole page when one customer has no usable tenant ID, naming it', () => {
    const r = parseCustomerPage({ items: [item(A), item('12345'), item(B)] });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([
      expect.objectContaining({ code: 'bad-tenant', field: 'items[1].companyProfile.tenantId' }),
    ]);
  });

  it('refuses a customer without a company profile or a relationship', () => {
    const noProfile = parseCustomerPage({ items: [{ id: A }] });
    expect(noProfile.ok ? '' : noProfile.problems[0]?.code).toBe('bad-customer');
    const noRelationship = parseCustomerPage({ items: [item(A, { relationshipToPartner: undefined })] });
    expect(noRelationship.ok ? '' : noRelationship.problems[0]?.code).toBe('missing-relationship');
  });

  it('refuses values longer than a customer keeps', () => {
    const long = item(A);
    (long.companyProfile as Record<string, unknown>).companyName = 'x'.repeat(201);
    const r = parseCustomerPage({ items: [long] });
    expect(r.ok ? '' : r.problems[0]?.code).toBe('too-long');
  });

  it('reads a missing domain or name as empty, not as a refusal', () => {
    const bare = { companyProfile: { tenantId: A }, relationshipToPartner: 'reseller' };
    const r = parseCustomerPage({ items: [bare] });
    expect(r.ok && r.value.customers[0]).toEqual({
      tenantId: A,
      companyName: '',
      domain: '',
      relationship: 'reseller',
    });
  });
});

describe('resellerRows', () => {
  const row = (tenantId: string, relationship: string) => ({
    tenantId,
    companyName: 'X',
    domain: '',
    relationship,
  });
  it('keeps reseller and indirect reseller relationships, not advisor or none', () => {
    const rows = [row(A, 'reseller'), row(B, 'advisor'), row('c', 'indirectReseller'), row('d', 'none')];
    expect(resellerRows(rows).map((r) => r.tenantId)).toEqual([A, 'c']);
  });
  it('keeps the first row of a tenant listed twice', () => {
    expect(resellerRows([row(A, 'reseller'), { ...row(A, 'reseller'), companyName: 'Y' }])).toEqual([
      row(A, 'reseller'),
    ]);
  });
});
