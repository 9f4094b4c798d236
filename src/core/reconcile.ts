/**
 * Partner Center reconcile (docs/partner-center.md, "Reading Partner Center's customer export"): match the export's rows to local customers, and plan what
 * to change for the partner to review. Pure; `src/db` applies the plan. A public API: tests kept outside the
 * repository call parseCustomerExport, matchCustomers and normaliseCompanyName from this module.
 */

import type { InvitationStatus, InvitationType, MatchBy } from './invitation';
import type { ExportRow } from './partner-center-export';

export {
  checkExportSize,
  EXPORT_MAX_BYTES,
  type ExportProblem,
  type ExportRow,
  parseCustomerExport,
} from './partner-center-export';

export interface MatchableCustomer {
  id: string;
  companyName: string;
  domain?: string;
  tenantId?: string;
}

export interface CustomerMatch {
  customerId: string;
  rowIndex: number;
  by: MatchBy;
}

/** Legal forms dropped from the end of a company name before comparing. */
const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(
  (
    'ltd limited inc incorporated llc llp lp plc corp corporation co company gmbh mbh ag kg kgaa ohg ug ' +
    'sa sas sasu sarl eurl sca sci snc spa srl sl slu bv nv bvba sprl ab as asa oy oyj aps pty pte kk ' +
    'lda sagl se cv'
  ).split(' '),
);

/** Company name without case, accents, punctuation or a trailing legal form: "Contoso, S.A." → "contoso". */
export function normaliseCompanyName(s: string): string {
  const words = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

type KeyOf = (x: { tenantId?: string; domain?: string; companyName: string }) => string;
const PASSES: readonly [MatchBy, KeyOf][] = [
  ['tenantId', (x) => x.tenantId?.trim().toLowerCase() ?? ''],
  ['domain', (x) => x.domain?.trim().toLowerCase() ?? ''],
  ['name', (x) => normaliseCompanyName(x.companyName)],
];

/**
 * One-to-one matches: every tenant-ID match first, then domain (any case), then normalised name; a row or a
 * customer once matched is not matched again. Within a pass, customers claim rows in the order given.
 */
export function matchCustomers(
  customers: readonly MatchableCustomer[],
  rows: readonly ExportRow[],
): CustomerMatch[] {
  const matches: CustomerMatch[] = [];
  const takenRows = new Set<number>();
  const takenCustomers = new Set<string>();
  for (const [by, key] of PASSES) {
    const free = new Map<string, number[]>();
    rows.forEach((row, i) => {
      const k = key(row);
      if (k === '' || takenRows.has(i)) return;
      const list = free.get(k);
      if (list) list.push(i);
      else free.set(k, [i]);
    });
    for (const c of customers) {
      const k = key(c);
      const rowIndex = takenCustomers.has(c.id) || k === '' ? undefined : free.get(k)?.shift();
      if (rowIndex === undefined) continue;
      matches.push({ customerId: c.id, rowIndex, by });
      takenRows.add(rowIndex);
      takenCustomers.add(c.id);
    }
  }
  return matches;
}

// ---- The review list ----

export interface PlanInput {
  rows: readonly ExportRow[];
  /** Local customers that may match (the db narrows them by index); extra ones are harmless. */
  customers: readonly MatchableCustomer[];
  /** Their invitations; only reseller ones matter, since the export lists reseller relationships. */
  invitations: readonly { id: string; customerId: string; type: InvitationType; status: InvitationStatus }[];
}

export type PlanNote = 'name-only' | 'tenant-conflict' | 'not-reseller' | InvitationStatus;

/** One matched row. `apply` is the default the review screen shows; the partner may flip it. */
export interface PlanEntry extends CustomerMatch {
  /** accept: mark the pending invitation accepted; create: record an accepted one; none: only `fill`. */
  action: 'accept' | 'create' | 'none';
  invitationId?: string;
  apply: boolean;
  /** Why it needs a look: a name match, the row's tenant differs from the customer's, etc. */
  note?: PlanNote;
  /** Keys the customer lacks and the row knows, stored on apply so the next reconcile matches by tenant ID. */
  fill: { tenantId?: string; domain?: string };
}

export interface ReconcilePlan {
  rows: readonly ExportRow[];
  matches: PlanEntry[];
  /** Rows unknown locally, offered as new accepted customers. */
  additions: { rowIndex: number; apply: boolean; note?: PlanNote }[];
}

/** Relationship text naming a reseller relationship ("Cloud Reseller"); empty when the column is absent. */
export function isResellerRelationship(relationship: string): boolean {
  return relationship.trim() === '' || /resel|revend/i.test(relationship);
}

type PlanInvitation = PlanInput['invitations'][number];
const DOUBTS: ReadonlySet<PlanNote> = new Set(['name-only', 'tenant-conflict', 'not-reseller']);

function planEntry(
  match: CustomerMatch,
  row: ExportRow,
  customer: MatchableCustomer,
  own: PlanInvitation[],
): PlanEntry {
  const invitation = own.find((i) => i.status === 'pending') ?? own[0];
  const tenant = customer.tenantId?.trim().toLowerCase();
  const fill: PlanEntry['fill'] = {};
  if (!tenant) fill.tenantId = row.tenantId;
  if (!customer.domain?.trim() && row.domain) fill.domain = row.domain;
  let note: PlanNote | undefined;
  if (tenant && tenant !== row.tenantId) note = 'tenant-conflict';
  else if (match.by === 'name') note = 'name-only';
  else if (!isResellerRelationship(row.relationship)) note = 'not-reseller';
  else if (invitation && invitation.status !== 'pending') note = invitation.status;
  const action = !invitation ? 'create' : invitation.status === 'pending' ? 'accept' : 'none';
  const doubt = note !== undefined && DOUBTS.has(note);
  const apply = !doubt && (action !== 'none' || Object.keys(fill).length > 0);
  const entry: PlanEntry = { ...match, action, apply, fill };
  if (note) entry.note = note;
  if (invitation && action === 'accept') entry.invitationId = invitation.id;
  return entry;
}

/**
 * The review list: tenant-ID and domain matches of pending invitations are marked to apply; name matches and
 * anything doubtful are only proposed; rows unknown locally are offered as new accepted customers.
 */
export function planReconcile(input: PlanInput): ReconcilePlan {
  const byId = new Map(input.customers.map((c) => [c.id, c]));
  const reseller = new Map<string, PlanInvitation[]>();
  for (const i of input.invitations) {
    if (i.type !== 'reseller') continue;
    const list = reseller.get(i.customerId);
    if (list) list.push(i);
    else reseller.set(i.customerId, [i]);
  }
  const entry = (m: CustomerMatch) =>
    planEntry(
      m,
      input.rows[m.rowIndex] as ExportRow,
      byId.get(m.customerId) as MatchableCustomer,
      reseller.get(m.customerId) ?? [],
    );
  const found = matchCustomers(input.customers, input.rows);
  const matched = new Set(found.map((m) => m.rowIndex));
  const additions: ReconcilePlan['additions'] = [];
  input.rows.forEach((row, rowIndex) => {
    if (matched.has(rowIndex)) return;
    const isReseller = isResellerRelationship(row.relationship);
    additions.push(isReseller ? { rowIndex, apply: true } : { rowIndex, apply: false, note: 'not-reseller' });
  });
  return { rows: input.rows, matches: found.map(entry), additions };
}
