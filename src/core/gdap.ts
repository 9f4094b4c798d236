/**
 * GDAP relationships from Graph (`GET /tenantRelationships/delegatedAdminRelationships`), read into our types and
 * mapped onto our own invitation states (docs/connect.md, "GDAP states"). Pure. The shape is Microsoft's sample on
 * https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships: `{ value: [{ id,
 * customer: { tenantId, displayName }, status, activatedDateTime, endDateTime }], '@odata.nextLink' }`.
 */
import type { Action, Invitation } from './invitation';
import type { Parsed, Problem } from './problem';
import { isPlainObject, kindOf } from './shape';

/** Graph's limit for this list ("$top supports up to 300 objects", same page). */
export const GDAP_PAGE_SIZE = 300;
export const GDAP_PAGES_MAX = 400;

export const GDAP_STATUSES = [
  'created',
  'approvalPending',
  'approved',
  'activating',
  'active',
  'expiring',
  'expired',
  'terminationRequested',
  'terminating',
  'terminated',
] as const;
export type GdapStatus = (typeof GDAP_STATUSES)[number];

export interface GdapRelationship {
  id: string;
  status: GdapStatus;
  customerTenantId?: string;
  customerName?: string;
  activatedAt?: number;
  endsAt?: number;
}

export interface GdapPage {
  relationships: GdapRelationship[];
  /** The next page's URL, checked to stay on the same list of the same host. */
  next?: string;
}

const ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i;

function time(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  // Graph writes "0001-01-01T00:00:00Z" for a date not reached yet.
  return Number.isFinite(t) && t > 0 ? t : undefined;
}

function readRelationship(item: unknown, i: number): GdapRelationship | Problem {
  const field = `value[${i}]`;
  if (!isPlainObject(item))
    return { field, code: 'bad-relationship', message: `GDAP relationship ${i + 1} is ${kindOf(item)}.` };
  if (typeof item.id !== 'string' || !ID.test(item.id)) {
    return {
      field: `${field}.id`,
      code: 'bad-id',
      message: `GDAP relationship ${i + 1} has no relationship id.`,
    };
  }
  const status = item.status;
  if (typeof status !== 'string' || !(GDAP_STATUSES as readonly string[]).includes(status)) {
    const shown = typeof status === 'string' ? `"${status.slice(0, 40)}"` : kindOf(status);
    const message = `GDAP relationship ${i + 1} has the status ${shown}, which we do not know.`;
    return { field: `${field}.status`, code: 'unknown-status', message };
  }
  const rel: GdapRelationship = { id: item.id.toLowerCase(), status: status as GdapStatus };
  const customer = isPlainObject(item.customer) ? item.customer : {};
  if (typeof customer.tenantId === 'string') rel.customerTenantId = customer.tenantId.toLowerCase();
  if (typeof customer.displayName === 'string') rel.customerName = customer.displayName.slice(0, 200);
  const activatedAt = time(item.activatedDateTime);
  const endsAt = time(item.endDateTime);
  if (activatedAt !== undefined) rel.activatedAt = activatedAt;
  if (endsAt !== undefined) rel.endsAt = endsAt;
  return rel;
}

/** Only the same list on the same host: a next link elsewhere would send the partner's token there. */
function checkNext(next: unknown, listUrl: string): string | undefined | Problem {
  if (next === undefined || next === null) return undefined;
  const fail: Problem = {
    field: '@odata.nextLink',
    code: 'bad-next-link',
    message: 'Graph announced a next page at an address other than its GDAP list.',
  };
  if (typeof next !== 'string') return fail;
  try {
    const url = new URL(next);
    const list = new URL(listUrl);
    return url.origin === list.origin && url.pathname === list.pathname ? url.href : fail;
  } catch {
    return fail;
  }
}

/** One page of the GDAP list, or why it is refused. `listUrl` is the list's own address (for the next link). */
export function parseRelationshipPage(body: unknown, listUrl: string): Parsed<GdapPage> {
  if (!isPlainObject(body) || !Array.isArray(body.value)) {
    const message = `Graph's GDAP list is ${kindOf(body)} without a value list.`;
    return { ok: false, problems: [{ field: 'value', code: 'bad-shape', message }] };
  }
  const relationships: GdapRelationship[] = [];
  const problems: Problem[] = [];
  body.value.forEach((item, i) => {
    const r = readRelationship(item, i);
    if ('code' in r) problems.push(r);
    else relationships.push(r);
  });
  const next = checkNext(body['@odata.nextLink'], listUrl);
  if (typeof next === 'object') problems.push(next);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: typeof next === 'string' ? { relationships, next } : { relationships } };
}

/** Our reading of a relationship's status (docs/connect.md, "GDAP states"). */
export type GdapOutcome = 'pending' | 'accepted' | 'expired-unanswered' | 'access-removed';

export function gdapOutcome(rel: GdapRelationship): GdapOutcome {
  switch (rel.status) {
    case 'created':
    case 'approvalPending':
    case 'approved':
    case 'activating':
      return 'pending';
    // Termination asked but not done: the customer's access is still granted until `terminated`.
    case 'active':
    case 'expiring':
    case 'terminationRequested':
    case 'terminating':
      return 'accepted';
    case 'expired':
      return rel.activatedAt === undefined ? 'expired-unanswered' : 'access-removed';
    case 'terminated':
      return 'access-removed';
  }
}

const LINK_ID = /granularAdminRelationships\/([0-9a-f-]{36,73})/i;

/** The relationship id a stored GDAP link names (docs/connect.md, "Matching"); undefined for another link. */
export function relationshipIdOf(link: string | undefined): string | undefined {
  const id = LINK_ID.exec(link ?? '')?.[1]?.toLowerCase();
  return id && ID.test(id) ? id : undefined;
}

export type GdapInvitation = Pick<
  Invitation,
  'id' | 'customerId' | 'type' | 'status' | 'gdapLink' | 'adminAccessRemoved'
>;

/** One change to make: `action` on invitation `invitationId`, for the relationship `relationshipId`. */
export interface GdapStep {
  invitationId: string;
  relationshipId: string;
  action: Action;
}

/** What the GDAP list says that changes nothing stored but that the partner should see. */
export interface GdapNote {
  customerId: string;
  relationshipId: string;
  outcome: 'expired-unanswered' | 'expiring';
  at?: number;
}

export interface GdapPlan {
  steps: GdapStep[];
  notes: GdapNote[];
}

/**
 * Changes for our invitations from the relationships. A GDAP invitation is matched by the relationship id in its
 * stored link, nothing else; `reseller` holds the customers' reseller invitations, for the admin access note.
 */
export function planGdap(
  relationships: readonly GdapRelationship[],
  gdap: readonly GdapInvitation[],
  reseller: readonly GdapInvitation[],
): GdapPlan {
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const resellerOf = new Map(reseller.filter((i) => i.type === 'reseller').map((i) => [i.customerId, i]));
  const plan: GdapPlan = { steps: [], notes: [] };
  const noted = new Set<string>();
  for (const inv of gdap) {
    const relationshipId = relationshipIdOf(inv.gdapLink);
    const rel = relationshipId === undefined ? undefined : byId.get(relationshipId);
    if (inv.type !== 'gdap' || !rel || relationshipId === undefined) continue;
    const outcome = gdapOutcome(rel);
    const step = (invitationId: string, action: Action) =>
      plan.steps.push({ invitationId, relationshipId, action });
    if (outcome === 'accepted' && inv.status === 'pending') {
      const action: Action = { kind: 'accept', source: 'partner-center' };
      if (rel.status === 'expiring' && rel.endsAt !== undefined) action.endsAt = rel.endsAt;
      step(inv.id, action);
    }
    if (rel.status === 'expiring' && rel.endsAt !== undefined) {
      plan.notes.push({ customerId: inv.customerId, relationshipId, outcome: 'expiring', at: rel.endsAt });
    }
    if (outcome === 'expired-unanswered' && inv.status === 'pending') {
      const note: GdapNote = { customerId: inv.customerId, relationshipId, outcome };
      if (rel.endsAt !== undefined) note.at = rel.endsAt;
      plan.notes.push(note);
    }
    if (outcome === 'access-removed') {
      if (inv.status === 'accepted') step(inv.id, { kind: 'end' });
      const own = resellerOf.get(inv.customerId);
      if (own?.status === 'accepted' && !own.adminAccessRemoved && !noted.has(own.id)) {
        noted.add(own.id);
        step(own.id, { kind: 'admin-access', removed: true });
      }
    }
  }
  return plan;
}
