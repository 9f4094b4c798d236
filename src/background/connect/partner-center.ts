/**
 * Partner Center's customer list, every page (docs/connect.md, "What is called"): `GET /v1/customers?size=…`, then
 * the same address with `seekOperation=Next` and the `MS-ContinuationToken` header the previous page gave
 * (https://learn.microsoft.com/partner-center/developer/get-a-list-of-customers). Nothing is kept unless every
 * page reads.
 */

import { CUSTOMER_PAGE_SIZE, CUSTOMER_PAGES_MAX, parseCustomerPage } from '../../core/partner-center';
import type { ExportRow } from '../../core/partner-center-export';
import type { Parsed } from '../../core/problem';
import { getJson } from './api';
import type { Net } from './net';

export async function readCustomers(net: Net, origin: string, token: string): Promise<Parsed<ExportRow[]>> {
  const customers: ExportRow[] = [];
  let continuation: string | undefined;
  for (let page = 0; page < CUSTOMER_PAGES_MAX; page++) {
    const url = `${origin}/v1/customers?size=${CUSTOMER_PAGE_SIZE}${continuation ? '&seekOperation=Next' : ''}`;
    const headers: Record<string, string> = { 'MS-CorrelationId': crypto.randomUUID() };
    if (continuation) headers['MS-ContinuationToken'] = continuation;
    const got = await getJson(net, 'partner-center', url, token, headers);
    if (!got.ok) return { ok: false, problems: [got.problem] };
    const parsed = parseCustomerPage(got.body);
    if (!parsed.ok) return parsed;
    customers.push(...parsed.value.customers);
    continuation = parsed.value.continuation;
    if (!continuation) return { ok: true, value: customers };
  }
  const message = `Partner Center kept paging past ${CUSTOMER_PAGES_MAX} pages; nothing was changed.`;
  return { ok: false, problems: [{ field: 'partner-center', code: 'too-many-pages', message }] };
}
