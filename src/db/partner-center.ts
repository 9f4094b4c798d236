/**
 * What a Partner Center check changes in the database (docs/connect.md, "Matching"): reconcile's own plan over the
 * customers Partner Center lists, of which only tenant-ID and domain matches of pending reseller invitations are
 * applied; the rest is offered. GDAP invitations follow their relationship's status. Every change goes through the
 * status machine, with its event.
 */
import type { CheckSummary, ExpiryNote, Proposal } from '../core/connect-state';
import { type GdapInvitation, type GdapRelationship, planGdap } from '../core/gdap';
import type { ExportRow } from '../core/partner-center-export';
import type { ReconcilePlan } from '../core/reconcile';
import { type Invitation, type InvitationEvent, transition } from '../core/status';
import type { Language } from '../core/types';
import { now } from './clock';
import type { ResellerDb } from './db';
import { addEvents } from './events';
import { type ApplyResult, applyReconcile, planFromExport } from './reconcile';

export interface CheckResult {
  summary: CheckSummary;
  proposals?: Proposal[];
  notes: ExpiryNote[];
}

/** The matches and customers of a plan that wait for the partner. */
function offered(plan: ReconcilePlan): Proposal[] {
  const out: Proposal[] = [];
  for (const e of plan.matches) {
    const row = plan.rows[e.rowIndex] as ExportRow;
    if (e.action === 'accept' && !e.apply) out.push({ kind: 'name', row, customerId: e.customerId });
    else if (e.action === 'create') out.push({ kind: 'uninvited', row, customerId: e.customerId });
  }
  for (const a of plan.additions) {
    if (a.apply) out.push({ kind: 'new', row: plan.rows[a.rowIndex] as ExportRow });
  }
  return out;
}

/**
 * What a check applies of reconcile's plan without the partner: tenant-ID and domain matches of a pending
 * invitation only (reconcile marks exactly those of them to apply), and no new customer.
 */
export function unattended(plan: ReconcilePlan): ReconcilePlan {
  return {
    rows: plan.rows,
    matches: plan.matches.map((e) => ({ ...e, apply: e.apply && e.action === 'accept' })),
    additions: plan.additions.map((a) => ({ ...a, apply: false })),
  };
}

/**
 * Applies what Partner Center and Graph say; `rows` are reseller customers only (core/partner-center.ts). A list
 * that did not read is undefined and changes nothing: `proposals` is then undefined too (the last ones stand).
 */
export async function applyCheck(
  db: ResellerDb,
  rows: readonly ExportRow[] | undefined,
  relationships: readonly GdapRelationship[] | undefined,
): Promise<CheckResult> {
  let accepted = 0;
  let proposals: Proposal[] | undefined;
  if (rows) {
    const plan = await planFromExport(db, rows);
    accepted = (await applyReconcile(db, unattended(plan), { source: 'partner-center' })).accepted;
    proposals = offered(plan);
  }
  const gdap = relationships ? await applyGdap(db, relationships) : { changed: 0, notes: [] };
  const summary: CheckSummary = {
    accepted,
    gdap: gdap.changed,
    offered: proposals?.length ?? 0,
    customers: rows?.length ?? 0,
  };
  return proposals ? { summary, proposals, notes: gdap.notes } : { summary, notes: gdap.notes };
}

async function applyGdap(db: ResellerDb, relationships: readonly GdapRelationship[]) {
  if (relationships.length === 0) return { changed: 0, notes: [] };
  const gdap: GdapInvitation[] = await db.invitations
    .filter((i) => i.type === 'gdap' && !!i.gdapLink)
    .toArray();
  const customerIds = [...new Set(gdap.map((i) => i.customerId))];
  const reseller =
    customerIds.length === 0
      ? []
      : await db.invitations
          .where('[customerId+type]')
          .anyOf(customerIds.map((id) => [id, 'reseller']))
          .toArray();
  const plan = planGdap(relationships, gdap, reseller);
  let changed = 0;
  if (plan.steps.length > 0) {
    const at = now();
    await db.transaction('rw', [db.invitations, db.events], async () => {
      const current = await db.invitations.bulkGet(plan.steps.map((s) => s.invitationId));
      const invitations: Invitation[] = [];
      const events: Omit<InvitationEvent, 'id'>[] = [];
      plan.steps.forEach((step, i) => {
        // Re-read inside the transaction: a page may have changed it since; a refused step is simply not taken.
        const r = transition(current[i], step.action, at);
        if (!r.ok || r.remove) return;
        invitations.push(r.invitation);
        events.push(r.event);
      });
      await db.invitations.bulkPut(invitations);
      await addEvents(db, events);
      changed = invitations.length;
    });
  }
  const notes: ExpiryNote[] = plan.notes.map(({ relationshipId: _r, ...n }) => n);
  return { changed, notes };
}

/**
 * Applies proposals the partner chose in Options > Partner Center, re-planned against the database as it is now (a
 * customer may have changed since the check): a chosen match accepts, a chosen new customer is added accepted.
 */
export async function applyProposals(
  db: ResellerDb,
  chosen: readonly Proposal[],
  language: Language,
): Promise<ApplyResult> {
  const plan = await planFromExport(
    db,
    chosen.map((p) => p.row),
  );
  const wanted = (rowIndex: number) => chosen[rowIndex];
  const fresh: ReconcilePlan = {
    rows: plan.rows,
    matches: plan.matches.map((e) => ({
      ...e,
      apply: wanted(e.rowIndex)?.customerId === e.customerId && e.action !== 'none',
    })),
    additions: plan.additions.map((a) => ({ ...a, apply: wanted(a.rowIndex)?.kind === 'new' })),
  };
  return applyReconcile(db, fresh, { source: 'partner-center', language });
}
