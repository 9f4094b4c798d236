/**
 * Graph's GDAP relationships, every page (docs/connect.md, "What is called"): `$top=300`, then each
 * `@odata.nextLink` as given, once checked to stay on the same list
 * (https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships).
 */
import {
  GDAP_PAGE_SIZE,
  GDAP_PAGES_MAX,
  type GdapRelationship,
  parseRelationshipPage,
} from '../../core/gdap';
import type { Parsed } from '../../core/problem';
import { getJson } from './api';
import type { Net } from './net';

export const gdapListUrl = (origin: string): string =>
  `${origin}/v1.0/tenantRelationships/delegatedAdminRelationships`;

export async function readRelationships(
  net: Net,
  origin: string,
  token: string,
): Promise<Parsed<GdapRelationship[]>> {
  const list = gdapListUrl(origin);
  const relationships: GdapRelationship[] = [];
  let url: string | undefined = `${list}?$top=${GDAP_PAGE_SIZE}`;
  for (let page = 0; page < GDAP_PAGES_MAX && url; page++) {
    const got = await getJson(net, 'graph', url, token);
    if (!got.ok) return { ok: false, problems: [got.problem] };
    const parsed = parseRelationshipPage(got.body, list);
    if (!parsed.ok) return parsed;
    relationships.push(...parsed.value.relationships);
    url = parsed.value.next;
  }
  if (url) {
    const message = `Graph kept paging past ${GDAP_PAGES_MAX} pages; nothing was changed.`;
    return { ok: false, problems: [{ field: 'graph', code: 'too-many-pages', message }] };
  }
  return { ok: true, value: relationships };
}
