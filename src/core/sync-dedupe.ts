/**
 * One customer, however many browsers created it (docs/sync.md, "One customer"). Two browsers that invite the same
 * customer before they sync each make a record; once both records meet, they become one. Pure: a function of the
 * records alone, so every browser that holds the same records picks the same survivor and makes the same changes,
 * and a merged state has nothing left to merge (no ping-pong).
 *
 * - Same customer: the same tenant ID; or the same email when at least one of them has no tenant ID (two tenant IDs
 *   that differ are two customers, whatever their email). An email shared with customers of two different tenants
 *   links nothing: it cannot say which one it is.
 * - Survivor: the smallest id of the group. It keeps its values and takes, for each field it has empty, the first
 *   non-empty value of the others (by id); notes are joined, so nothing typed is lost.
 * - Invitations of the same type become one: the kept one (the survivor's, else the smallest id) takes the transition
 *   of the highest status (status order, then epoch), the highest epoch and every send time.
 * - The merged-away records are deleted with `MERGED_FIELD` naming their survivor: a browser applying that delete
 *   moves their history (events, which stay on each browser) to the survivor instead of dropping it.
 */

import { statusRank } from './invitation';
import {
  isAlive,
  MERGED_FIELD,
  mergedInto,
  type SyncRecord,
  type SyncTable,
  stableStringify,
  TRANSITION_FIELDS,
  unionSet,
} from './sync-merge';

export interface DedupeEdit {
  table: SyncTable;
  id: string;
  values: Record<string, unknown>;
}

export interface DedupeRemove {
  table: SyncTable;
  id: string;
  into: string;
}

export interface DedupePlan {
  edits: DedupeEdit[];
  removes: DedupeRemove[];
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : '');
const empty = (v: unknown) => v === undefined || v === null || v === '';
const byId = (a: SyncRecord, b: SyncRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Fields the survivor never takes from a duplicate: its identity, and what the merge computes itself. */
const OWN = new Set(['id', 'notes', 'createdAt', 'updatedAt', MERGED_FIELD]);

class Groups {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const [x, y] = [this.find(a), this.find(b)];
    if (x === y) return;
    const [low, high] = x < y ? [x, y] : [y, x];
    this.parent.set(high, low);
  }
}

function customerGroups(customers: SyncRecord[]): SyncRecord[][] {
  const groups = new Groups();
  const byTenant = new Map<string, string[]>();
  const byEmail = new Map<string, SyncRecord[]>();
  for (const c of customers) {
    const tenant = text(c.fields.tenantId);
    const email = text(c.fields.email);
    if (tenant) byTenant.set(tenant, [...(byTenant.get(tenant) ?? []), c.id]);
    if (email) byEmail.set(email, [...(byEmail.get(email) ?? []), c]);
  }
  for (const ids of byTenant.values()) for (const id of ids) groups.union(ids[0] as string, id);
  for (const list of byEmail.values()) {
    const tenants = new Set(list.map((c) => text(c.fields.tenantId)).filter(Boolean));
    const withoutTenant = list.some((c) => !text(c.fields.tenantId));
    if (tenants.size > 1 || !withoutTenant) continue;
    for (const c of list) groups.union((list[0] as SyncRecord).id, c.id);
  }
  const out = new Map<string, SyncRecord[]>();
  for (const c of customers) {
    const root = groups.find(c.id);
    out.set(root, [...(out.get(root) ?? []), c]);
  }
  return [...out.values()].filter((g) => g.length > 1).map((g) => g.sort(byId));
}

/** Tenants a group would hold once merged: more than one means an email linked two companies (left alone). */
function tenantsOf(group: SyncRecord[]): number {
  return new Set(group.map((c) => text(c.fields.tenantId)).filter(Boolean)).size;
}

function same(a: unknown, b: unknown): boolean {
  return stableStringify(a ?? null) === stableStringify(b ?? null);
}

/** What the survivor takes from the others (alive duplicates, and records merged into it before). */
function survivorValues(survivor: SyncRecord, others: SyncRecord[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const other of others) {
    for (const [name, value] of Object.entries(other.fields)) {
      if (OWN.has(name) || empty(value)) continue;
      if (empty(survivor.fields[name]) && values[name] === undefined) values[name] = value;
    }
  }
  // Notes are joined, each once: a note typed on any browser survives the merge.
  let notes = typeof survivor.fields.notes === 'string' ? survivor.fields.notes : '';
  for (const other of others) {
    const n = other.fields.notes;
    if (typeof n === 'string' && n.trim() && !notes.includes(n)) notes = notes ? `${notes}\n${n}` : n;
  }
  if (notes !== (survivor.fields.notes ?? '') && notes !== '') values.notes = notes;
  const created = [survivor, ...others]
    .map((c) => c.fields.createdAt)
    .filter((t): t is number => typeof t === 'number' && t > 0);
  const first = Math.min(...created);
  if (created.length > 0 && first !== survivor.fields.createdAt) values.createdAt = first;
  return values;
}

function epochOf(r: SyncRecord): number {
  return typeof r.fields.epoch === 'number' && Number.isFinite(r.fields.epoch) ? r.fields.epoch : 0;
}

/** The invitations of one type for one customer, as one; `merged`: invitations merged into them before. */
function mergeInvitations(
  list: SyncRecord[],
  merged: SyncRecord[],
  survivor: string,
  plan: DedupePlan,
): void {
  const sorted = [...list].sort(byId);
  const keep = sorted.find((i) => i.fields.customerId === survivor) ?? (sorted[0] as SyncRecord);
  const all = [...sorted, ...merged];
  const values: Record<string, unknown> = {};
  if (keep.fields.customerId !== survivor) values.customerId = survivor;
  const winner = [...all].sort(
    (a, b) =>
      statusRank(b.fields.status) - statusRank(a.fields.status) || epochOf(b) - epochOf(a) || byId(a, b),
  )[0] as SyncRecord;
  if (statusRank(winner.fields.status) > statusRank(keep.fields.status)) {
    for (const name of Object.keys(winner.fields)) {
      const group = TRANSITION_FIELDS.includes(name) || name.startsWith('status');
      if (group && name !== 'epoch' && !same(winner.fields[name], keep.fields[name]))
        values[name] = winner.fields[name];
    }
  }
  const epoch = Math.max(...all.map(epochOf));
  if (epoch !== epochOf(keep)) values.epoch = epoch;
  const times = all.flatMap((i) => (Array.isArray(i.fields.sentAt) ? i.fields.sentAt : []));
  const sent = unionSet(times, []).filter((t) => typeof t === 'number');
  if (!same(sent, keep.fields.sentAt ?? [])) values.sentAt = sent;
  for (const other of sorted)
    if (other !== keep) plan.removes.push({ table: 'invitations', id: other.id, into: keep.id });
  if (Object.keys(values).length > 0) plan.edits.push({ table: 'invitations', id: keep.id, values });
}

/** Dead records merged into another, by the live record they now live in (following merges of merges). */
function mergedByTarget(records: readonly SyncRecord[], table: SyncTable): Map<string, SyncRecord[]> {
  const byId = new Map(records.filter((r) => r.table === table).map((r) => [r.id, r]));
  const out = new Map<string, SyncRecord[]>();
  for (const r of byId.values()) {
    let into = mergedInto(r);
    for (let hop = 0; into !== undefined && hop < 16; hop++) {
      const target = byId.get(into);
      if (!target || isAlive(target)) break;
      into = mergedInto(target);
    }
    if (into === undefined || !byId.get(into) || !isAlive(byId.get(into) as SyncRecord)) continue;
    out.set(into, [...(out.get(into) ?? []), r]);
  }
  return out;
}

export function planDedupe(records: readonly SyncRecord[]): DedupePlan {
  const plan: DedupePlan = { edits: [], removes: [] };
  const alive = records.filter(isAlive);
  const customers = alive.filter((r) => r.table === 'customers');
  const groups = customerGroups(customers).filter((g) => tenantsOf(g) <= 1);
  const mergedCustomers = mergedByTarget(records, 'customers');
  const mergedInvitations = mergedByTarget(records, 'invitations');
  const grouped = new Set(groups.flat().map((c) => c.id));
  for (const c of customers) if (!grouped.has(c.id) && mergedCustomers.has(c.id)) groups.push([c]);
  const invitations = alive.filter((r) => r.table === 'invitations');
  for (const group of groups) {
    const [survivor, ...rest] = group as [SyncRecord, ...SyncRecord[]];
    const earlier = group.flatMap((c) => mergedCustomers.get(c.id) ?? []).sort(byId);
    const values = survivorValues(survivor, [...rest, ...earlier]);
    if (Object.keys(values).length > 0) plan.edits.push({ table: 'customers', id: survivor.id, values });
    for (const c of rest) plan.removes.push({ table: 'customers', id: c.id, into: survivor.id });
    const ids = new Set(group.map((c) => c.id));
    const byType = new Map<string, SyncRecord[]>();
    for (const inv of invitations) {
      if (!ids.has(String(inv.fields.customerId))) continue;
      const type = typeof inv.fields.type === 'string' ? inv.fields.type : 'reseller';
      byType.set(type, [...(byType.get(type) ?? []), inv]);
    }
    for (const list of byType.values()) {
      const merged = list.flatMap((i) => mergedInvitations.get(i.id) ?? []);
      if (list.length > 1 || merged.length > 0 || rest.length > 0)
        mergeInvitations(list, merged, survivor.id, plan);
    }
  }
  const order = (a: { table: string; id: string }, b: { table: string; id: string }) =>
    a.table < b.table ? -1 : a.table > b.table ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  plan.edits.sort(order);
  plan.removes.sort(order);
  return plan;
}

export function isEmptyPlan(plan: DedupePlan): boolean {
  return plan.edits.length === 0 && plan.removes.length === 0;
}
