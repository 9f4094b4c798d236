/**
 * A partner's customer, how one is recognised again (email, domain, tenant ID) and how it is found by search.
 * Pure. Text fields are '' when unknown, never undefined, so forms, backups and sync see one shape.
 */

import { checkEmail } from './email';
import { isGuid } from './link';
import type { Problem } from './problem';
import type { Language } from './types';

export interface Customer {
  /**
   * 12 random base-62 characters (`newId()`, db/ids.ts), or a UUID on rows from earlier versions: records are
   * merged across browsers later (docs/sync.md, "What syncs").
   */
  id: string;
  companyName: string;
  contactName: string;
  /** Stored lowercase, so the email index finds it whatever case it was typed in. */
  email: string;
  /** Lowercase hostname; filled from a company email address when none is given. */
  domain: string;
  /** The customer's Microsoft ID (Partner Center), lowercase GUID. */
  tenantId: string;
  language: Language;
  notes: string;
  /**
   * Multi-channel: only one partner can hold admin permissions for a service (docs/partner-center.md, "Relationship
   * states"); the UI says so.
   */
  servedByAnotherPartner: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface CustomerKeys {
  email?: string;
  domain?: string;
  tenantId?: string;
}

export type CustomerMatchBy = 'email' | 'domain' | 'tenantId';

/**
 * Webmail domains shared by unrelated people: a customer is never recognised by one of these. Not exhaustive: a
 * missing one only makes two customers on the same free mail service look like one company, which the partner sees.
 */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.fr',
  'hotmail.com',
  'hotmail.fr',
  'hotmail.co.uk',
  'live.com',
  'live.fr',
  'msn.com',
  'yahoo.com',
  'yahoo.fr',
  'yahoo.co.uk',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.fr',
  'gmx.de',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'videotron.ca',
  'sympatico.ca',
]);

const HOST_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/**
 * Hostname syntax (RFC 1123, section 2.1; RFC 952): dot-separated labels of letters, digits and inner hyphens, a letter
 * TLD.
 */
export function isDomain(s: string): boolean {
  const labels = s.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return (
    s.length <= 253 &&
    labels.length >= 2 &&
    labels.every((l) => HOST_LABEL.test(l)) &&
    /^(\p{L}+|xn--[a-z0-9-]+)$/u.test(tld)
  );
}

/** The lowercase domain of an address, or undefined when it has none. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  const domain =
    at < 0
      ? ''
      : email
          .slice(at + 1)
          .trim()
          .toLowerCase();
  return domain === '' ? undefined : domain;
}

/** The domain a customer is recognised by: the one given, else its email's, unless that is a public webmail. */
export function companyDomain(keys: CustomerKeys): string | undefined {
  const given = keys.domain?.trim().toLowerCase();
  if (given) return given;
  const derived = emailDomain(keys.email ?? '');
  return derived && !PUBLIC_MAIL_DOMAINS.has(derived) ? derived : undefined;
}

/**
 * The customer these keys designate, in the order email (exact, any case), domain (given or taken from a company
 * email, on either side), tenant ID. The first match in `customers` order wins within a key.
 */
export function findCustomerMatch<C extends CustomerKeys>(
  customers: Iterable<C>,
  keys: CustomerKeys,
): { customer: C; by: CustomerMatchBy } | undefined {
  const list = [...customers];
  const email = keys.email?.trim().toLowerCase();
  const domain = companyDomain(keys);
  const tenant = keys.tenantId?.trim().toLowerCase();
  const tests: [CustomerMatchBy, string | undefined, (c: C) => string | undefined][] = [
    ['email', email, (c) => c.email?.trim().toLowerCase()],
    ['domain', domain, (c) => companyDomain(c)],
    ['tenantId', tenant, (c) => c.tenantId?.trim().toLowerCase()],
  ];
  for (const [by, wanted, key] of tests) {
    if (!wanted) continue;
    const customer = list.find((c) => key(c) === wanted);
    if (customer) return { customer, by };
  }
  return undefined;
}

/**
 * The longest value each text field takes, on every path in (form, backup, CSV, sync): long enough for any real
 * company, person or note, short enough that one record cannot fill the sync quota (100 KB for everything).
 */
export const CUSTOMER_LIMITS = {
  companyName: 200,
  contactName: 200,
  /** RFC 5321, section 4.5.3.1.3: a path is at most 256 octets, so an address at most 254. */
  email: 254,
  /** RFC 1035, section 2.3.4 (253 in text form). */
  domain: 253,
  /** A GUID is 36; a little room for spaces pasted around it, trimmed on save. */
  tenantId: 64,
  notes: 2000,
} as const;

export interface CustomerInput extends CustomerKeys {
  companyName: string;
  contactName?: string;
  notes?: string;
}

const FIELD_LABEL: Readonly<Record<keyof typeof CUSTOMER_LIMITS, string>> = {
  companyName: 'The company name',
  contactName: 'The contact name',
  email: 'The email address',
  domain: 'The domain',
  tenantId: 'The tenant ID',
  notes: 'The notes',
};

/** One problem per field longer than its limit, saying by how much. */
export function checkLengths(input: Partial<Record<keyof typeof CUSTOMER_LIMITS, unknown>>): Problem[] {
  const findings: Problem[] = [];
  for (const field of Object.keys(CUSTOMER_LIMITS) as (keyof typeof CUSTOMER_LIMITS)[]) {
    const value = input[field];
    const max = CUSTOMER_LIMITS[field];
    if (typeof value === 'string' && value.trim().length > max) {
      const message = `${FIELD_LABEL[field]} is ${value.trim().length} characters long; the most is ${max}.`;
      findings.push({ field, code: 'too-long', message });
    }
  }
  return findings;
}

/** Everything wrong with a customer's fields; empty optional fields are fine. */
export function checkCustomer(input: CustomerInput): Problem[] {
  // A record read from an older version or another browser may hold anything: not text is said, never thrown.
  const notText = (Object.keys(FIELD_LABEL) as (keyof typeof FIELD_LABEL)[])
    .filter((f) => input[f] !== undefined && typeof input[f] !== 'string')
    .map((field): Problem => ({ field, code: 'not-text', message: `${FIELD_LABEL[field]} is not text.` }));
  if (notText.length > 0) return notText;
  const findings: Problem[] = checkLengths(input);
  if (findings.length > 0) return findings;
  if (typeof input.companyName !== 'string' || !input.companyName.trim()) {
    findings.push({ field: 'companyName', code: 'required', message: 'Enter the customer company.' });
  }
  findings.push(...checkEmail(input.email ?? ''));
  const domain = input.domain?.trim() ?? '';
  if (domain && !isDomain(domain)) {
    const message = `"${domain}" is not a domain name: enter it like contoso.com, without https:// or @.`;
    findings.push({ field: 'domain', code: 'invalid-domain', message });
  }
  const tenant = input.tenantId?.trim() ?? '';
  if (tenant && !isGuid(tenant)) {
    const message =
      "The customer's tenant ID is a GUID (8-4-4-4-12 hex digits): Partner Center shows it as Microsoft ID " +
      'in Customers, and the customer sees it in Entra admin center > Overview > Tenant ID.';
    findings.push({ field: 'tenantId', code: 'not-a-guid', message });
  }
  return findings;
}

/** Lowercase, no accents: what search and name matching compare. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search or of a field: letters and digits only, so `alex@contoso.com` is three words. */
export function searchTokens(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words a customer is found by (company, contact, email, domain), for a multi-entry prefix index. */
export function customerWords(
  c: Pick<Customer, 'companyName' | 'contactName' | 'email' | 'domain'>,
): string[] {
  return [...new Set(searchTokens(`${c.companyName} ${c.contactName} ${c.email} ${c.domain}`))];
}

/** Every word of the search starts some word of the customer: "ale cont" finds Alex at Contoso. */
export function matchesSearch(words: readonly string[], tokens: readonly string[]): boolean {
  return tokens.every((t) => words.some((w) => w.startsWith(t)));
}
