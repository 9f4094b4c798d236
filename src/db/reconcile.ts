/**
 * Partner Center reconcile against the database: plan from the export's rows (candidates read by index, never the
 * whole table), then apply the reviewed plan in chunks, each one transaction, reporting progress between them.
 * A chunk either applies whole or not at all; an interrupted apply can be re-run, since accepted invitations are
 * no longer pending and added customers now match by tenant ID.
 */
import {
  type ExportRow,
  normaliseCompanyName,
  type PlanEntry,
  planReconcile,
  type ReconcilePlan,
} from '../core/reconcile';
import { type Action, type Invitation, type InvitationEvent, transition } from '../core/status';
import type { Language, LinkType } from '../core/types';
import { now } from './clock';
import { fromRow, newCustomer, toRow } from './customers';
import { type CustomerRow, newId, type ResellerDb } from './db';
import { addEvents } from './events';

const unique = (xs: string[]): string[] => [...new Set(xs.filter((x) => x !== ''))];

/** The review list for these rows; only customers sharing a tenant ID, domain or name key with a row are read. */
export async function planFromExport(db: ResellerDb, rows: readonly ExportRow[]): Promise<ReconcilePlan> {
  return db.transaction('r', db.customers, db.invitations, async () => {
    const found = await Promise.all([
      db.customers
        .where('tenantId')
        .anyOf(unique(rows.map((r) => r.tenantId)))
        .toArray(),
      db.customers
        .where('domain')
        .anyOf(unique(rows.map((r) => r.domain)))
        .toArray(),
      db.customers
        .where('nameKey')
        .anyOf(unique(rows.map((r) => normaliseCompanyName(r.companyName))))
        .toArray(),
    ]);
    // Oldest first, so when two local customers share a key the older (usually the real one) claims the row.
    const customers = [...new Map(found.flat().map((c) => [c.id, c])).values()].sort(
      (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
    );
    const keys = customers.map((c) => [c.id, 'reseller']);
    const invitations = await db.invitations.where('[customerId+type]').anyOf(keys).toArray();
    return planReconcile({ rows, customers, invitations });
  });
}

export interface ApplyOptions {
  /** Language of customers added from the export, which does not say. */
  language?: Language;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyResult {
  accepted: number;
  created: number;
  added: number;
  filled: number;
  skipped: { rowIndex: number; reason: string; message: string }[];
}

type Work = { kind: 'match'; entry: PlanEntry } | { kind: 'add'; rowIndex: number };

/** Applies the entries and additions marked `apply`; the rest of the plan is left as it was. */
export async function applyReconcile(db: ResellerDb, plan: ReconcilePlan, options: ApplyOptions = {}) {
  const work: Work[] = [
    ...plan.matches.filter((e) => e.apply).map((entry) => ({ kind: 'match' as const, entry })),
    ...plan.additions.filter((a) => a.apply).map((a) => ({ kind: 'add' as const, rowIndex: a.rowIndex })),
  ];
  const size = Math.max(1, options.chunkSize ?? 500);
  const result: ApplyResult = { accepted: 0, created: 0, added: 0, filled: 0, skipped: [] };
  const at = now();
  for (let i = 0; i < work.length; i += size) {
    await applyChunk(db, plan, work.slice(i, i + size), { at, language: options.language ?? 'en', result });
    options.onProgress?.(Math.min(i + size, work.length), work.length);
  }
  return result;
}

interface Ctx {
  at: number;
  language: Language;
  result: ApplyResult;
}

interface Writes {
  customers: CustomerRow[];
  invitations: Invitation[];
  events: Omit<InvitationEvent, 'id'>[];
}

const linkTypeOf = (row: ExportRow): LinkType =>
  /indirect/i.test(row.relationship) ? 'indirect-reseller' : 'reseller';

async function applyChunk(db: ResellerDb, plan: ReconcilePlan, chunk: Work[], ctx: Ctx): Promise<void> {
  await db.transaction('rw', [db.customers, db.invitations, db.events], async () => {
    const matches = chunk.flatMap((w) => (w.kind === 'match' ? [w.entry] : []));
    const customers = await db.customers.bulkGet(matches.map((e) => e.customerId));
    const invitations = await db.invitations.bulkGet(matches.map((e) => e.invitationId ?? ''));
    const writes: Writes = { customers: [], invitations: [], events: [] };
    matches.forEach((entry, i) => {
      applyMatch(plan, entry, customers[i], invitations[i], writes, ctx);
    });
    for (const w of chunk) if (w.kind === 'add') applyAddition(plan, w.rowIndex, writes, ctx);
    await db.customers.bulkPut(writes.customers);
    await db.invitations.bulkPut(writes.invitations);
    await addEvents(db, writes.events);
  });
}

function record(action: Action, inv: Invitation | undefined, rowIndex: number, writes: Writes, ctx: Ctx) {
  const r = transition(inv, action, ctx.at);
  if (!r.ok) {
    ctx.result.skipped.push({ rowIndex, reason: r.reason, message: r.message });
    return false;
  }
  writes.invitations.push(r.invitation);
  writes.events.push(r.event);
  return true;
}

function applyMatch(
  plan: ReconcilePlan,
  entry: PlanEntry,
  customer: CustomerRow | undefined,
  inv: Invitation | undefined,
  writes: Writes,
  ctx: Ctx,
): void {
  const row = plan.rows[entry.rowIndex];
  if (!customer || !row) {
    const message = 'The customer was deleted since the review.';
    ctx.result.skipped.push({ rowIndex: entry.rowIndex, reason: 'not-found', message });
    return;
  }
  if (Object.keys(entry.fill).length > 0) {
    writes.customers.push(toRow({ ...fromRow(customer), ...entry.fill, updatedAt: ctx.at }));
    ctx.result.filled++;
  }
  const by = entry.by;
  if (
    entry.action === 'accept' &&
    record({ kind: 'accept', source: 'export', by }, inv, entry.rowIndex, writes, ctx)
  ) {
    ctx.result.accepted++;
  } else if (entry.action === 'create') {
    const create = {
      id: newId(),
      customerId: customer.id,
      linkType: linkTypeOf(row),
      language: customer.language,
    };
    if (record({ kind: 'accept', source: 'export', by, create }, undefined, entry.rowIndex, writes, ctx)) {
      ctx.result.created++;
    }
  }
}

function applyAddition(plan: ReconcilePlan, rowIndex: number, writes: Writes, ctx: Ctx): void {
  const row = plan.rows[rowIndex];
  if (!row) return;
  const fields = {
    companyName: row.companyName,
    domain: row.domain,
    tenantId: row.tenantId,
    language: ctx.language,
  };
  const customer = newCustomer(fields, ctx.at);
  const create = { id: newId(), customerId: customer.id, linkType: linkTypeOf(row), language: ctx.language };
  if (record({ kind: 'accept', source: 'export', create }, undefined, rowIndex, writes, ctx)) {
    writes.customers.push(customer);
    ctx.result.added++;
  }
}
