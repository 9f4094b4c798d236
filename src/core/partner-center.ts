/**
 * Partner Center's customer list (`GET /v1/customers`), read into our own rows. Pure. The shape is Microsoft's sample
 * on https://learn.microsoft.com/partner-center/developer/get-a-list-of-customers: `{ totalCount, items: [{ id,
 * companyProfile: { tenantId, domain, companyName }, relationshipToPartner }], links: { next: { headers:
 * [{ key: 'MS-ContinuationToken', value }] } } }`. Every page is checked whole: one customer without a tenant ID
 * refuses the page (and so the whole read), since a list we cannot trust must not accept anything.
 */

import { CUSTOMER_LIMITS } from './customer';
import { isGuid } from './link';
import type { ExportRow } from './partner-center-export';
import type { Parsed, Problem } from './problem';
import { isPlainObject, kindOf } from './shape';

/** Customers asked per page; the sample pages by 40, and a larger page means fewer requests against the quota. */
export const CUSTOMER_PAGE_SIZE = 500;
/** More pages than any partner has customers for: a server that never stops paging is cut off, not followed. */
export const CUSTOMER_PAGES_MAX = 400;
const TOKEN_MAX = 4096;

export interface CustomerPage {
  /** Every customer on the page, reseller or not (the caller keeps resellers: `resellerRows`). */
  customers: ExportRow[];
  /** The `MS-ContinuationToken` of the next page; absent on the last one. */
  continuation?: string;
}

const bad = (code: string, message: string, field?: string): Parsed<never> => ({
  ok: false,
  problems: [field === undefined ? { code, message } : { field, code, message }],
});

function readCustomer(item: unknown, i: number): ExportRow | Problem {
  const field = `items[${i}]`;
  const profile = isPlainObject(item) ? item.companyProfile : undefined;
  if (!isPlainObject(item) || !isPlainObject(profile)) {
    return {
      field,
      code: 'bad-customer',
      message: `Partner Center's customer ${i + 1} has no company profile.`,
    };
  }
  const tenant = typeof profile.tenantId === 'string' ? profile.tenantId.trim().toLowerCase() : '';
  if (!isGuid(tenant)) {
    const message = `Partner Center's customer ${i + 1} has a tenant ID that is ${kindOf(profile.tenantId)}, not a GUID.`;
    return { field: `${field}.companyProfile.tenantId`, code: 'bad-tenant', message };
  }
  if (typeof item.relationshipToPartner !== 'string') {
    const message = `Partner Center's customer ${i + 1} does not say its relationship to the partner.`;
    return { field: `${field}.relationshipToPartner`, code: 'missing-relationship', message };
  }
  const name = typeof profile.companyName === 'string' ? profile.companyName.trim() : '';
  const domain = typeof profile.domain === 'string' ? profile.domain.trim().toLowerCase() : '';
  if (name.length > CUSTOMER_LIMITS.companyName || domain.length > CUSTOMER_LIMITS.domain) {
    const message = `Partner Center's customer ${i + 1} has a company name or domain longer than we keep.`;
    return { field, code: 'too-long', message };
  }
  return { tenantId: tenant, companyName: name, domain, relationship: item.relationshipToPartner };
}

function continuationOf(links: unknown): string | undefined | Problem {
  const next = isPlainObject(links) ? links.next : undefined;
  if (next === undefined || next === null) return undefined;
  const headers = isPlainObject(next) && Array.isArray(next.headers) ? next.headers : [];
  const header = headers.find(
    (h) => isPlainObject(h) && typeof h.key === 'string' && h.key.toLowerCase() === 'ms-continuationtoken',
  ) as { value?: unknown } | undefined;
  const value = header?.value;
  if (typeof value !== 'string' || value === '' || value.length > TOKEN_MAX) {
    const message = 'Partner Center announced a next page without a usable continuation token.';
    return { field: 'links.next', code: 'bad-continuation', message };
  }
  return value;
}

/** One page of `GET /v1/customers`, or why it is refused. */
export function parseCustomerPage(body: unknown): Parsed<CustomerPage> {
  if (!isPlainObject(body) || !Array.isArray(body.items)) {
    return bad(
      'bad-shape',
      `Partner Center's customer list is ${kindOf(body)} without an items list.`,
      'items',
    );
  }
  const customers: ExportRow[] = [];
  const problems: Problem[] = [];
  body.items.forEach((item, i) => {
    const c = readCustomer(item, i);
    if ('code' in c) problems.push(c);
    else customers.push(c);
  });
  const continuation = continuationOf(body.links);
  if (typeof continuation === 'object') problems.push(continuation);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: typeof continuation === 'string' ? { customers, continuation } : { customers } };
}

/**
 * Reseller relationships only (`reseller`, and `indirectReseller` as an indirect provider sees them); an advisor
 * relationship is no acceptance of our invitation. One row per tenant: the first wins, as in the CSV reconcile.
 */
export function resellerRows(customers: readonly ExportRow[]): ExportRow[] {
  const seen = new Set<string>();
  return customers.filter((c) => {
    if (!/reseller/i.test(c.relationship) || seen.has(c.tenantId)) return false;
    seen.add(c.tenantId);
    return true;
  });
}
