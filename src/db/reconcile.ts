/**
 * Partner Center reconcile against the database: plan from the export's rows, then apply the reviewed plan in
 * chunks, each one transaction, reporting progress between them. A chunk either applies whole or not at all;
 * an interrupted apply can be re-run, since accepted invitations are no longer pending and added customers
 * now match by tenant ID.
 *
 * Reads cost by request more than by record (IndexedDB in Chromium at 10,000 customers: a keyed lookup
 * 60–140 µs, an anyOf cursor step 200–500 µs, a record of a getAll 15–30 µs). So an export small against the
 * tables is planned by one index lookup per key, and a large one by reading the two tables once and
 * matching in memory; likewise a large apply reads each chunk's customers and their invitations as one key
 * range (chunks go by customer id, so the ranges never overlap and the whole apply reads each table at most
 * once), a small one by key.
 */
import Dexie, { type Table } from 'dexie';
import type { Problem } from '../core/problem';
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
import type { CustomerRow, ResellerDb } from './db';
import { addEvents } from './events';
import { newId } from './ids';

/**
 * A table is read whole (in an apply, by key ranges) once its rows number at most this many times the keyed
 * lookups it would otherwise take: a lookup costs about four records of a full read (see above).
 */
const LOOKUP_COST = 4;

type KeyIndex = 'tenantId' | 'domain' | 'nameKey';
type Keys = [KeyIndex, Set<string>][];
type Candidates = [CustomerRow[], Invitation[]];

const keySet = (xs: string[]): Set<string> => new Set(xs.filter((x) => x !== ''));

/** The review list; only customers sharing a tenant ID, domain or name key with a row take part. */
export async function planFromExport(db: ResellerDb, rows: readonly ExportRow[]): Promise<ReconcilePlan> {
  const keys: Keys = [
    ['tenantId', keySet(rows.map((r) => r.tenantId))],
    ['domain', keySet(rows.map((r) => r.domain))],
    ['nameKey', keySet(rows.map((r) => normaliseCompanyName(r.companyName)))],
  ];
  const lookups = keys.reduce((n, [, values]) => n + values.size, 0);
  return db.transaction('r', db.customers, db.invitations, async () => {
    let found: Candidates = [[], []];
    if (lookups > 0) {
      const scan = lookups * LOOKUP_COST >= (await db.customers.count());
      found = scan ? await scanTables(db, keys) : await lookUp(db, keys);
    }
    const [customers, invitations] = found;
    return planReconcile({ rows, customers, invitations });
  });
}

/** Oldest first, so when two local customers share a key the older (usually the real one) claims the row. */
const oldestFirst = (found: CustomerRow[]): CustomerRow[] =>
  [...new Map(found.map((c) => [c.id, c])).values()].sort(
    (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );

/** Both tables read whole (side by side, in pages), keeping what the index lookups would have found. */
async function scanTables(db: ResellerDb, keys: Keys): Promise<Candidates> {
  // The index test: string keys compare exactly, and an empty key is never looked up.
  const shares = (c: CustomerRow) => keys.some(([index, values]) => values.has(c[index]));
  const [found, reseller] = await Promise.all([
    scan(db.customers, shares),
    scan(db.invitations, (i) => i.type === 'reseller'),
  ]);
  const customers = oldestFirst(found);
  const ids = new Set(customers.map((c) => c.id));
  // Primary key order: within one customer, the order of its [customerId+type] index entries.
  return [customers, reseller.filter((i) => ids.has(i.customerId))];
}

/** Records read per request of a scan: memory holds one page and what is kept, not the whole table. */
const SCAN_PAGE = 5000;

/** A table's records that `keep` accepts, in primary key order, read page by page. */
async function scan<T extends { id: string }>(table: Table<T, string, unknown>, keep: (x: T) => boolean) {
  const kept: T[] = [];
  let page = await table.limit(SCAN_PAGE).toArray();
  for (;;) {
    for (const x of page) if (keep(x)) kept.push(x);
    const last = page[page.length - 1];
    if (page.length < SCAN_PAGE || !last) return kept;
    page = await table.where(':id').above(last.id).limit(SCAN_PAGE).toArray();
  }
}

/** One index lookup per key, all at once: much cheaper than anyOf, which steps a cursor from key to key. */
async function lookUp(db: ResellerDb, keys: Keys): Promise<Candidates> {
  const found = await Promise.all(
    keys.flatMap(([index, values]) => [...values].map((v) => db.customers.where(index).equals(v).toArray())),
  );
  const customers = oldestFirst(found.flat());
  const theirs = await Promise.all(
    customers.map((c) => db.invitations.where('[customerId+type]').equals([c.id, 'reseller']).toArray()),
  );
  return [customers, theirs.flat()];
}

export interface ApplyOptions {
  /** Where the rows come from: the CSV export (default) or Partner Center read live (docs/connect.md). */
  source?: 'export' | 'partner-center';
  /** Language of customers added from the export, which does not say. */
  language?: Language;
  /** Items per chunk (one transaction each); by default a quarter of the work, within 500–5,000 items. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyResult {
  accepted: number;
  created: number;
  added: number;
  filled: number;
  skipped: ({ rowIndex: number } & Problem)[];
}

/**
 * Progress in about four steps, each chunk at least 500 and at most 5,000 items. A chunk is one transaction,
 * and in Chromium each transaction after a chunk's commit waited 250–300 ms for the backend, whatever the
 * chunk's size and durability (10,000-row bench: 20 chunks of 500 lost ~5 s that way, 4 chunks under 1 s):
 * few large chunks win.
 */
const defaultChunkSize = (total: number): number => Math.min(5000, Math.max(500, Math.ceil(total / 4)));

/** `order` is the item's place in the plan (matches, then additions), which the skipped list keeps. */
type Match = { kind: 'match'; entry: PlanEntry; order: number };
type Addition = { kind: 'add'; rowIndex: number; order: number };
type Work = Match | Addition;

/** Code-unit order, as IndexedDB compares strings. */
const byCustomerId = (a: Match, b: Match): number =>
  a.entry.customerId < b.entry.customerId ? -1 : a.entry.customerId > b.entry.customerId ? 1 : 0;

/** Applies the entries and additions marked `apply`; the rest of the plan is left as it was. */
export async function applyReconcile(db: ResellerDb, plan: ReconcilePlan, options: ApplyOptions = {}) {
  const matches: Match[] = plan.matches
    .filter((e) => e.apply)
    .map((entry, order) => ({ kind: 'match', entry, order }));
  const additions: Addition[] = plan.additions
    .filter((a) => a.apply)
    .map((a, i) => ({ kind: 'add', rowIndex: a.rowIndex, order: matches.length + i }));
  // Matches by customer id, so that a chunk's customers lie in one key range; additions read nothing.
  const work: Work[] = [...matches.sort(byCustomerId), ...additions];
  const size = Math.max(1, options.chunkSize ?? defaultChunkSize(work.length));
  const byRange = matches.length > 0 && matches.length * LOOKUP_COST >= (await db.customers.count());
  const result: ApplyResult = { accepted: 0, created: 0, added: 0, filled: 0, skipped: [] };
  const source = options.source ?? 'export';
  const ctx: Ctx = { at: now(), language: options.language ?? 'en', source, byRange, result, skipped: [] };
  for (let i = 0; i < work.length; i += size) {
    await applyChunk(db, plan, work.slice(i, i + size), ctx);
    options.onProgress?.(Math.min(i + size, work.length), work.length);
  }
  result.skipped = ctx.skipped.sort((a, b) => a.order - b.order).map(({ order: _o, ...s }) => s);
  return result;
}

interface Ctx {
  at: number;
  language: Language;
  source: 'export' | 'partner-center';
  /** Read each chunk's records as one key range rather than key by key. */
  byRange: boolean;
  result: ApplyResult;
  /** Skipped items with their place in the plan, listed in plan order once all chunks are done. */
  skipped: (ApplyResult['skipped'][number] & { order: number })[];
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
    const entries = chunk.flatMap((w) => (w.kind === 'match' ? [w.entry] : []));
    const current = await readCurrent(db, entries, ctx.byRange);
    const writes: Writes = { customers: [], invitations: [], events: [] };
    for (const w of chunk) {
      if (w.kind === 'add') {
        applyAddition(plan, w, writes, ctx);
        continue;
      }
      const inv =
        w.entry.invitationId === undefined ? undefined : current.invitations.get(w.entry.invitationId);
      applyMatch(plan, w, current.customers.get(w.entry.customerId), inv, writes, ctx);
    }
    await Promise.all([
      db.customers.bulkPut(writes.customers),
      db.invitations.bulkPut(writes.invitations),
      addEvents(db, writes.events),
    ]);
  });
}

/** The entries' customers and invitations as they are now, inside the chunk's transaction. */
async function readCurrent(db: ResellerDb, entries: PlanEntry[], byRange: boolean) {
  const customers = new Map<string, CustomerRow>();
  const invitations = new Map<string, Invitation>();
  const customerIds = entries.map((e) => e.customerId);
  const invitationIds = entries.flatMap((e) => (e.invitationId === undefined ? [] : [e.invitationId]));
  if (byRange && customerIds.length > 0) {
    let lo = customerIds[0] as string;
    let hi = lo;
    for (const id of customerIds) {
      if (id < lo) lo = id;
      if (id > hi) hi = id;
    }
    const [inRange, theirs] = await Promise.all([
      db.customers.where('id').between(lo, hi, true, true).toArray(),
      db.invitations
        .where('[customerId+type]')
        .between([lo, Dexie.minKey], [hi, Dexie.maxKey], true, true)
        .toArray(),
    ]);
    for (const c of inRange) customers.set(c.id, c);
    for (const i of theirs) invitations.set(i.id, i);
  }
  // By key: everything when the apply is small, else what the ranges did not hold (deleted since the review).
  const otherCustomers = customerIds.filter((id) => !customers.has(id));
  const otherInvitations = invitationIds.filter((id) => !invitations.has(id));
  const [moreCustomers, moreInvitations] = await Promise.all([
    otherCustomers.length > 0 ? db.customers.bulkGet(otherCustomers) : [],
    otherInvitations.length > 0 ? db.invitations.bulkGet(otherInvitations) : [],
  ]);
  for (const c of moreCustomers) if (c) customers.set(c.id, c);
  for (const i of moreInvitations) if (i) invitations.set(i.id, i);
  return { customers, invitations };
}

function skip(w: Work, problem: Problem, ctx: Ctx): void {
  const rowIndex = w.kind === 'match' ? w.entry.rowIndex : w.rowIndex;
  ctx.skipped.push({ order: w.order, rowIndex, ...problem });
}

function record(action: Action, inv: Invitation | undefined, w: Work, writes: Writes, ctx: Ctx) {
  const r = transition(inv, action, ctx.at);
  if (!r.ok) {
    for (const problem of r.problems) skip(w, problem, ctx);
    return false;
  }
  writes.invitations.push(r.invitation);
  writes.events.push(r.event);
  return true;
}

function applyMatch(
  plan: ReconcilePlan,
  w: Match,
  customer: CustomerRow | undefined,
  inv: Invitation | undefined,
  writes: Writes,
  ctx: Ctx,
): void {
  const { entry } = w;
  const row = plan.rows[entry.rowIndex];
  if (!customer || !row) {
    skip(w, { code: 'not-found', message: 'The customer was deleted since the review.' }, ctx);
    return;
  }
  if (Object.keys(entry.fill).length > 0) {
    writes.customers.push(toRow({ ...fromRow(customer), ...entry.fill, updatedAt: ctx.at }));
    ctx.result.filled++;
  }
  const by = entry.by;
  if (entry.action === 'accept' && record({ kind: 'accept', source: ctx.source, by }, inv, w, writes, ctx)) {
    ctx.result.accepted++;
  } else if (entry.action === 'create') {
    const create = {
      id: newId(),
      customerId: customer.id,
      linkType: linkTypeOf(row),
      language: customer.language,
    };
    if (record({ kind: 'accept', source: ctx.source, by, create }, undefined, w, writes, ctx)) {
      ctx.result.created++;
    }
  }
}

function applyAddition(plan: ReconcilePlan, w: Addition, writes: Writes, ctx: Ctx): void {
  const row = plan.rows[w.rowIndex];
  if (!row) return;
  const fields = {
    companyName: row.companyName,
    domain: row.domain,
    tenantId: row.tenantId,
    language: ctx.language,
  };
  const customer = newCustomer(fields, ctx.at);
  const create = { id: newId(), customerId: customer.id, linkType: linkTypeOf(row), language: ctx.language };
  if (record({ kind: 'accept', source: ctx.source, create }, undefined, w, writes, ctx)) {
    writes.customers.push(customer);
    ctx.result.added++;
  }
}
