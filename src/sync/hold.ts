/**
 * What a sync applies and what it holds aside (docs/sync.md, "Held aside"). Sync never halts on another browser's
 * data and never loses it: a record that does not parse is refused and listed; a record whose clock is more than
 * 7 days ahead is kept and listed until its clock is within the bound or the partner applies it; a change deleting
 * more than 10 records and more than 20% of them waits for the partner's review, unless it carries the partner's
 * confirmation (an Erase or Replace confirmed on another browser). Everything else applies as before.
 *
 * Held records stay in this device's sync bookkeeping, so they survive storage.sync being rewritten. A shard that
 * differs from this device's data only by records it holds is not news (plan.ts), so a browser that wrote them (a
 * device whose clock is far ahead, one that deleted many records) and one that holds them never rewrite a shard
 * back and forth. Each copy is weighed on its own: a copy that deletes is held, the other copies of the same record
 * (other browsers' edits) still apply.
 */

import type { Problem } from '../core/problem';
import { beyondBound, hlcNode, parseHlc } from '../core/sync-clock';
import {
  isAlive,
  isConfirmedDelete,
  lastClock,
  mergedInto,
  mergeRecords,
  type SyncRecord,
  tableIdKey,
} from '../core/sync-merge';
import type { HeldDecision, HeldItem, HeldReason } from '../core/sync-status';
import type { CloudView } from './cloud-view';

export interface HeldRecord {
  key: string;
  record: SyncRecord;
  reason: HeldReason;
  deviceId: string;
  source: string;
  problems: Problem[];
  since: number;
  /** The partner said apply it anyway: the next sync does. */
  release?: boolean;
  /** A refused copy the partner took off the list: it stays off while the same copy keeps arriving. */
  dismissed?: string;
}

/** What tells one refused copy from the next one of the same record: its latest clock and where it came from. */
function fingerprint(record: SyncRecord, source: string): string {
  return `${source}@${lastClock(record)}`;
}

/** A change deletes "many" when it deletes more than `count` records and more than `share` of the live ones. */
export const MASS_DELETE = { count: 10, share: 0.2 };
/** Refused copies kept for the partner to see; beyond it the oldest go (they are another browser's garbage). */
export const MAX_REFUSED = 500;

export interface Sorting {
  /** Records to merge now, one per record. */
  apply: SyncRecord[];
  /** The held list after this snapshot. */
  held: HeldRecord[];
}

const entryId = (reason: HeldReason, key: string) => `${reason}|${key}`;

function mergeAll(records: readonly SyncRecord[]): SyncRecord | undefined {
  return records.reduce<SyncRecord | undefined>((a, r) => (a ? mergeRecords(a, r) : r), undefined);
}

function mergeByKey(records: Iterable<SyncRecord>): SyncRecord[] {
  const out = new Map<string, SyncRecord>();
  for (const r of records) {
    const key = tableIdKey(r);
    const other = out.get(key);
    out.set(key, other ? mergeRecords(other, r) : r);
  }
  return [...out.values()];
}

/** Whether merging `remote` would delete a record that is alive here, without the partner's confirmation. */
function deletes(mine: SyncRecord | undefined, remote: SyncRecord): boolean {
  // Only a later tombstone can kill a live record: most records skip the merge.
  if (!mine || !remote.deleted || (mine.deleted !== undefined && remote.deleted <= mine.deleted))
    return false;
  return isAlive(mine) && !isConfirmedDelete(remote) && !isAlive(mergeRecords(mine, remote));
}

interface Input {
  view: Pick<CloudView, 'records' | 'refused' | 'ahead' | 'good'>;
  local: readonly SyncRecord[];
  previous: readonly HeldRecord[];
  now: number;
}

export function sortIncoming({ view, local, previous, now }: Input): Sorting {
  const mine = new Map(local.map((r) => [tableIdKey(r), r]));
  const held = new Map(previous.map((h) => [entryId(h.reason, h.key), { ...h }]));
  const hold = (record: SyncRecord, reason: HeldReason, source: string, problems: Problem[]) => {
    const key = tableIdKey(record);
    const id = entryId(reason, key);
    const before = held.get(id);
    // A refused copy is not merged with anything (it may not even merge); valid copies of one record merge.
    const merged = before && reason !== 'unreadable' ? mergeRecords(before.record, record) : record;
    const deviceId = hlcNode(lastClock(merged));
    const entry: HeldRecord = {
      key,
      record: merged,
      reason,
      deviceId,
      source,
      problems,
      since: before?.since ?? now,
    };
    if (before?.release) entry.release = true;
    if (before?.dismissed && before.dismissed === fingerprint(record, source))
      entry.dismissed = before.dismissed;
    held.set(id, entry);
  };
  for (const c of view.refused) hold(c.record, 'unreadable', c.source, c.problems);
  for (const c of view.ahead) hold(c.record, 'clock-ahead', c.source, []);

  // The copies alive on their own, per record: what a held deletion leaves to apply (others' edits go on).
  const alive = new Map<string, SyncRecord[]>();
  for (const c of view.good) {
    if (!isAlive(c.record)) continue;
    const key = tableIdKey(c.record);
    alive.set(key, [...(alive.get(key) ?? []), c.record]);
  }
  const pool: SyncRecord[] = [...view.records];
  const apply: SyncRecord[] = [];
  for (const [id, h] of held) {
    if (h.reason === 'clock-ahead' && (h.release || !beyondBound(lastClock(h.record), now))) {
      held.delete(id);
      (h.release ? apply : pool).push(h.record);
    }
  }
  // A record this device does not hold yet counts as alive here when a copy of it is: a browser that has not yet
  // received a customer must not take its deletion from the one copy that deletes it.
  const base = (key: string) => mine.get(key) ?? mergeAll(alive.get(key) ?? []);
  const keep = (key: string) => {
    const parts = mine.has(key) ? undefined : mergeAll(alive.get(key) ?? []);
    if (parts) apply.push(parts);
  };
  // A customer merged into another (same customer from two browsers) is not a loss: its data lives in the survivor.
  const mergedHere = (r: SyncRecord) => {
    const into = mergedInto(r);
    const survivor = into === undefined ? undefined : base(tableIdKey({ table: r.table, id: into }));
    return survivor !== undefined && isAlive(survivor);
  };
  const fresh: SyncRecord[] = [];
  for (const r of pool) {
    const key = tableIdKey(r);
    const waiting = held.get(entryId('mass-delete', key));
    if (waiting) {
      waiting.record = mergeRecords(waiting.record, r);
      keep(key);
    } else if (deletes(base(key), r) && !mergedHere(r)) fresh.push(r);
    else apply.push(r);
  }
  const live = local.filter(isAlive).length;
  if (fresh.length > MASS_DELETE.count && fresh.length > MASS_DELETE.share * live) {
    for (const r of fresh) {
      hold(r, 'mass-delete', 'storage.sync', []);
      keep(tableIdKey(r));
    }
  } else apply.push(...fresh);
  for (const [id, h] of held) {
    if (h.reason !== 'mass-delete') continue;
    if (h.release || !deletes(base(h.key), h.record)) {
      held.delete(id);
      apply.push(h.record);
    }
  }
  const list = [...held.values()];
  const refused = list.filter((h) => h.reason === 'unreadable').sort((a, b) => b.since - a.since);
  const dropped = new Set(refused.slice(MAX_REFUSED));
  return { apply: mergeByKey(apply), held: list.filter((h) => !dropped.has(h)) };
}

/** The held records that are valid data (not refused), one per record: what a shard may carry without news. */
export function heldData(held: readonly HeldRecord[]): SyncRecord[] {
  return mergeByKey(held.filter((h) => h.reason !== 'unreadable').map((h) => h.record));
}

function labelOf(r: SyncRecord): string {
  const pick = (...names: string[]) => {
    for (const n of names) {
      const v = r.fields[n];
      if (typeof v === 'string' && v.trim() !== '') return v.slice(0, 80);
    }
    return '';
  };
  if (r.table === 'customers') return pick('companyName', 'email', 'name');
  if (r.table === 'invitations') return pick('type');
  return typeof r.id === 'string' ? r.id.slice(0, 80) : '';
}

/** The held list as the partner sees it, newest first. */
export function heldItems(held: readonly HeldRecord[], now: number): HeldItem[] {
  return held
    .filter((h) => h.dismissed === undefined)
    .sort((a, b) => b.since - a.since || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((h) => {
      const item: HeldItem = {
        key: h.key,
        table: String(h.record.table),
        id: String(h.record.id).slice(0, 80),
        label: labelOf(h.record),
        reason: h.reason,
        deviceId: h.deviceId,
        source: h.source,
        problems: h.problems,
        since: h.since,
      };
      const pt = parseHlc(lastClock(h.record))?.pt;
      if (h.reason === 'clock-ahead' && pt !== undefined) item.aheadMs = Math.max(0, pt - now);
      return item;
    });
}

/**
 * The held list after a decision: `apply` marks clock-ahead and mass-delete entries for the next sync; `keep` and
 * `dismiss` take entries off the list (`keep`: the engine first re-asserts the local records, see engine.ts; a
 * dismissed copy is remembered so that it stays off the list while storage.sync still carries it).
 */
export function decide(
  held: readonly HeldRecord[],
  keys: ReadonlySet<string>,
  decision: HeldDecision,
): HeldRecord[] {
  return held.flatMap((h) => {
    if (!keys.has(h.key)) return [h];
    if (decision === 'apply') return h.reason === 'unreadable' ? [h] : [{ ...h, release: true }];
    if (decision === 'keep') return h.reason === 'mass-delete' ? [] : [h];
    return h.reason === 'unreadable' ? [{ ...h, dismissed: fingerprint(h.record, h.source) }] : [h];
  });
}
