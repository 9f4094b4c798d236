import { describe, expect, it } from 'vitest';
import { CUSTOMER_LIMITS, checkCustomer } from '../../src/core/customer';
import { parseCustomer, parseSyncedCustomer } from '../../src/core/customer-record';

const GOOD = {
  id: 'c1',
  companyName: 'Contoso',
  contactName: 'Alex',
  email: 'alex@contoso.com',
  domain: 'contoso.com',
  tenantId: '',
  language: 'fr',
  notes: '',
  servedByAnotherPartner: false,
  createdAt: 1,
  updatedAt: 2,
};

const codes = (r: ReturnType<typeof parseCustomer>) =>
  r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);

describe('parseCustomer', () => {
  it('returns a well-formed customer as it is', () => {
    expect(parseCustomer(GOOD)).toEqual({ ok: true, value: GOOD });
  });

  it('reads absent optional fields with the record defaults, never undefined', () => {
    const r = parseCustomer({ id: 'c2', companyName: 'Fabrikam' });
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'c2',
        companyName: 'Fabrikam',
        contactName: '',
        email: '',
        domain: '',
        tenantId: '',
        language: 'en',
        notes: '',
        servedByAnotherPartner: false,
        createdAt: 0,
        updatedAt: 0,
      },
    });
  });

  it('refuses a wrong type, naming each field, instead of defaulting it', () => {
    const r = parseCustomer({ ...GOOD, companyName: 42, language: 'de', servedByAnotherPartner: 'yes' });
    expect(codes(r)).toEqual([
      'companyName:not-text',
      'language:not-allowed',
      'servedByAnotherPartner:not-boolean',
    ]);
    expect(r.ok ? '' : r.problems[0]?.message).toBe('companyName should be text, not a number.');
  });

  it('refuses values past the length limits', () => {
    const huge = 'x'.repeat(2_000_000);
    expect(codes(parseCustomer({ ...GOOD, companyName: huge }))).toEqual(['companyName:too-long']);
    expect(codes(parseCustomer({ ...GOOD, notes: 'n'.repeat(CUSTOMER_LIMITS.notes + 1) }))).toEqual([
      'notes:too-long',
    ]);
    expect(parseCustomer({ ...GOOD, notes: 'n'.repeat(CUSTOMER_LIMITS.notes) }).ok).toBe(true);
  });

  it('refuses what is not a record', () => {
    for (const v of [null, undefined, 'x', 3, [], new Date()]) expect(parseCustomer(v).ok).toBe(false);
    expect(codes(parseCustomer({ ...GOOD, id: '' }))).toEqual(['id:required']);
  });

  it('drops unknown fields from files, keeps them from sync, and never keeps prototype keys', () => {
    const hostile = JSON.parse(
      `{"id":"c1","companyName":"C","junk":1,"constructor":{"x":1},"__proto__":{"polluted":true}}`,
    );
    const fromFile = parseCustomer(hostile);
    expect(fromFile.ok && Object.keys(fromFile.value).sort()).not.toContain('junk');
    expect(fromFile.ok && Object.hasOwn(fromFile.value, 'constructor')).toBe(false);
    const fromSync = parseSyncedCustomer(hostile);
    expect(fromSync.ok && fromSync.value.junk).toBe(1);
    expect(fromSync.ok && Object.hasOwn(fromSync.value, 'constructor')).toBe(false);
    expect(fromSync.ok && Object.hasOwn(fromSync.value, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checkCustomer lengths', () => {
  it('refuses a 2 MB company name with a message giving the limit', () => {
    const [f] = checkCustomer({ companyName: 'x'.repeat(2_000_000) });
    expect(f).toEqual({
      field: 'companyName',
      code: 'too-long',
      message: 'The company name is 2000000 characters long; the most is 200.',
    });
  });

  it('checks contact, email and notes too', () => {
    const fields = checkCustomer({
      companyName: 'C',
      contactName: 'c'.repeat(201),
      email: `${'e'.repeat(250)}@x.com`,
      notes: 'n'.repeat(2001),
    }).map((f) => f.field);
    expect(fields).toEqual(['contactName', 'email', 'notes']);
  });
});

describe('checkCustomer on values of the wrong type', () => {
  it('says which field is not text instead of throwing', () => {
    const input = { companyName: 'C', email: 42, notes: ['x'] } as unknown as Parameters<
      typeof checkCustomer
    >[0];
    expect(checkCustomer(input).map((f) => `${f.field}:${f.code}`)).toEqual([
      'email:not-text',
      'notes:not-text',
    ]);
  });
});
