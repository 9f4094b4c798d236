import { describe, expect, it } from 'vitest';
import {
  checkCustomer,
  companyDomain,
  customerWords,
  emailDomain,
  findCustomerMatch,
  fold,
  isDomain,
  matchesSearch,
  searchTokens,
} from '../../src/core/customer';

const T = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';

describe('findCustomerMatch', () => {
  const customers = [
    { id: 'a', email: 'alex@contoso.com', domain: 'contoso.com', tenantId: '' },
    { id: 'b', email: 'sam@gmail.com', domain: '', tenantId: '' },
    { id: 'c', email: '', domain: 'fabrikam.com', tenantId: T },
    { id: 'd', email: 'jo@northwind.example', domain: '', tenantId: '' },
  ];

  it('matches the email exactly, whatever its case and spaces', () => {
    expect(findCustomerMatch(customers, { email: ' Alex@CONTOSO.com ' })).toEqual({
      customer: customers[0],
      by: 'email',
    });
  });

  it('prefers the email over the domain and the domain over the tenant ID', () => {
    expect(findCustomerMatch(customers, { email: 'sam@gmail.com', domain: 'contoso.com' })?.customer.id).toBe(
      'b',
    );
    expect(findCustomerMatch(customers, { domain: 'contoso.com', tenantId: T })).toMatchObject({
      customer: { id: 'a' },
      by: 'domain',
    });
  });

  it('derives the domain from a company email when none is given, on both sides', () => {
    expect(findCustomerMatch(customers, { email: 'new.person@contoso.com' })).toMatchObject({
      customer: { id: 'a' },
      by: 'domain',
    });
    expect(findCustomerMatch(customers, { email: 'kim@NorthWind.example' })?.customer.id).toBe('d');
  });

  it('never matches by a public webmail domain', () => {
    expect(findCustomerMatch(customers, { email: 'someone.else@gmail.com' })).toBeUndefined();
    expect(findCustomerMatch(customers, { email: 'x@outlook.com' })).toBeUndefined();
    expect(findCustomerMatch(customers, { email: 'x@hotmail.com' })).toBeUndefined();
  });

  it('matches the tenant ID in any case', () => {
    expect(findCustomerMatch(customers, { tenantId: T.toUpperCase() })).toMatchObject({
      customer: { id: 'c' },
      by: 'tenantId',
    });
  });

  it('finds nothing with no keys or empty keys', () => {
    expect(findCustomerMatch(customers, {})).toBeUndefined();
    expect(findCustomerMatch(customers, { email: '', domain: ' ', tenantId: '' })).toBeUndefined();
    expect(
      findCustomerMatch([{ id: 'x', email: '', domain: '', tenantId: '' }], { email: '' }),
    ).toBeUndefined();
  });
});

describe('domains', () => {
  it('takes the domain of an address', () => {
    expect(emailDomain('a@Contoso.COM')).toBe('contoso.com');
    expect(emailDomain('no-at-sign')).toBeUndefined();
    expect(emailDomain('a@')).toBeUndefined();
  });

  it('prefers the given domain to the email one', () => {
    expect(companyDomain({ email: 'a@contoso.com', domain: ' Fabrikam.com ' })).toBe('fabrikam.com');
    expect(companyDomain({ email: 'a@gmail.com' })).toBeUndefined();
  });

  it.each(['contoso.com', 'contoso.onmicrosoft.com', 'a-b.co.uk', 'société.fr', 'xn--socit-esab.fr'])(
    'accepts %s',
    (d) => expect(isDomain(d)).toBe(true),
  );

  it.each([
    'contoso',
    'https://contoso.com',
    'a@contoso.com',
    '-contoso.com',
    'contoso-.com',
    'conto so.com',
    'contoso.123',
    'contoso..com',
  ])('rejects %s', (d) => expect(isDomain(d)).toBe(false));
});

describe('checkCustomer', () => {
  it('accepts a company alone', () => {
    expect(checkCustomer({ companyName: 'Contoso' })).toEqual([]);
  });

  it('requires the company and checks email, domain and tenant ID', () => {
    const findings = checkCustomer({
      companyName: ' ',
      email: 'not an email',
      domain: 'https://contoso.com',
      tenantId: '1234567',
    });
    expect(findings.map((f) => `${f.field}:${f.code}`)).toEqual([
      'companyName:required',
      'email:invalid-email',
      'domain:invalid-domain',
      'tenantId:not-a-guid',
    ]);
    expect(findings[3]?.message).toMatch(/Microsoft ID/);
  });

  it('accepts valid optional fields', () => {
    expect(
      checkCustomer({
        companyName: 'Contoso',
        email: 'a@contoso.com',
        domain: 'contoso.com',
        tenantId: T.toUpperCase(),
      }),
    ).toEqual([]);
  });
});

describe('search words', () => {
  it('folds case and accents', () => {
    expect(fold('Société Générale')).toBe('societe generale');
  });

  it('splits emails and domains into words', () => {
    expect(searchTokens(' Alex@Contoso.com ')).toEqual(['alex', 'contoso', 'com']);
    expect(searchTokens('  ')).toEqual([]);
  });

  it('lists the distinct words of company, contact, email and domain', () => {
    const words = customerWords({
      companyName: 'Café Müller GmbH',
      contactName: 'Jörg Müller',
      email: 'joerg@cafe-mueller.de',
      domain: 'cafe-mueller.de',
    });
    expect(words).toEqual(['cafe', 'muller', 'gmbh', 'jorg', 'joerg', 'mueller', 'de']);
  });

  it('matches when every searched word starts a word of the customer', () => {
    const words = customerWords({
      companyName: 'Contoso Ltd',
      contactName: 'Alex Martin',
      email: '',
      domain: '',
    });
    expect(matchesSearch(words, searchTokens('ale cont'))).toBe(true);
    expect(matchesSearch(words, searchTokens('mart'))).toBe(true);
    expect(matchesSearch(words, searchTokens('ale fab'))).toBe(false);
    expect(matchesSearch(words, [])).toBe(true);
  });
});
