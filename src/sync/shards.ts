/**
 * Which records go in which shard (docs/sync.md, "Shards", docs/sync.md, "Degradation states"). Everything here is a function of the merged records
 * and a byte budget only, so every device that holds the same data computes the same shards, the same count and,
 * when full, the same subset: converged devices agree and stop writing.
 */
import { maxHlc } from '../core/sync-clock';
import { isAlive, lastClock, recordFingerprint, type SyncRecord } from '../core/sync-merge';
import { encodeShard, MAX_SHARDS, shardKey } from './codec';
import { itemBytes, OUR_LIMITS } from './quota';

/** FNV-1a 32-bit: tiny and stable across versions (a changed hash would move every record). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** An invitation lives beside its customer, so deflate finds the repeated customer id (and they travel together). */
export function partitionKey(r: SyncRecord): string {
  const customerId = r.fields.customerId;
  return r.table === 'invitations' && typeof customerId === 'string'
    ? `customers/${customerId}`
    : `${r.table}/${r.id}`;
}

export function shardOf(r: SyncRecord, count: number): number {
  return fnv1a32(partitionKey(r)) % count;
}

export interface Layout {
  count: number;
  /** Encoded value per shard index (`s0`…). */
  values: string[];
  records: SyncRecord[][];
  bytes: number;
  largest: number;
}

export function buildLayout(records: readonly SyncRecord[], count: number): Layout {
  const groups: SyncRecord[][] = Array.from({ length: count }, () => []);
  for (const r of records) groups[shardOf(r, count)]?.push(r);
  const values = groups.map((g) => encodeShard(g));
  const sizes = values.map((v, i) => itemBytes(shardKey(i), v));
  return {
    count,
    values,
    records: groups,
    bytes: sizes.reduce((a, b) => a + b, 0),
    largest: Math.max(0, ...sizes),
  };
}

function fits(layout: Layout, budget: number, shardBytes: number): boolean {
  return layout.largest <= shardBytes && layout.bytes <= budget;
}

/** Smallest power of two at or above `n`, within 1…MAX_SHARDS. */
function powerOfTwo(n: number): number {
  let s = 1;
  while (s < n && s < MAX_SHARDS) s *= 2;
  return s;
}

/** The smallest power-of-two shard count whose shards all fit, starting from an estimate (one shard, compressed). */
export function smallestLayout(records: readonly SyncRecord[], budget: number, shardBytes: number): Layout {
  const whole = buildLayout(records, 1);
  if (fits(whole, budget, shardBytes)) return whole;
  let count = powerOfTwo(Math.ceil(whole.bytes / shardBytes));
  let layout = buildLayout(records, Math.max(2, count));
  while (!fits(layout, budget, shardBytes) && layout.count < MAX_SHARDS) {
    count = layout.count * 2;
    layout = buildLayout(records, count);
  }
  return layout;
}

/** Records that sync first when not everything fits: settings, then tombstones (deletes must spread), then the
 * most recently edited customers, each with its invitations (docs/sync.md, "Shards"). */
function priorityUnits(records: readonly SyncRecord[]): SyncRecord[][] {
  const units = new Map<string, SyncRecord[]>();
  for (const r of records) {
    const key = partitionKey(r);
    units.set(key, [...(units.get(key) ?? []), r]);
  }
  const rank = (u: SyncRecord[]) => (u[0]?.table === 'settings' ? 0 : u.some(isAlive) ? 2 : 1);
  const latest = (u: SyncRecord[]) => u.reduce((m, r) => maxHlc(m, lastClock(r)), '');
  return [...units.entries()]
    .map(([key, unit]) => ({ key, unit, rank: rank(unit), latest: latest(unit) }))
    .sort(
      (a, b) =>
        a.rank - b.rank || (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : a.key < b.key ? -1 : 1),
    )
    .map((x) => x.unit);
}

export interface Choice {
  layout: Layout;
  /** Records left out because browser sync is full (empty unless `full`). */
  excluded: SyncRecord[];
  full: boolean;
}

/** Recent choices by exact input: a sync with nothing new (most of them) does not deflate everything again. */
const recent = new Map<string, Choice>();

/**
 * The layout to write: all records in the fewest shards that fit, or, past the budget, the longest prefix of the
 * priority order that fits in MAX_SHARDS shards (binary search; monotonic up to deflate's noise, and deterministic).
 */
export function chooseLayout(
  records: readonly SyncRecord[],
  budget: number,
  shardBytes: number = OUR_LIMITS.shardBytes,
): Choice {
  const key = `${budget}|${shardBytes}|${records.map(recordFingerprint).sort().join('\n')}`;
  const known = recent.get(key);
  if (known) return known;
  const choice = computeLayout(records, budget, shardBytes);
  if (recent.size >= 8) recent.delete(recent.keys().next().value ?? '');
  recent.set(key, choice);
  return choice;
}

function computeLayout(records: readonly SyncRecord[], budget: number, shardBytes: number): Choice {
  const all = smallestLayout(records, budget, shardBytes);
  if (fits(all, budget, shardBytes)) return { layout: all, excluded: [], full: false };
  const units = priorityUnits(records);
  let lo = 0;
  let hi = units.length;
  let best = buildLayout([], MAX_SHARDS);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const layout = buildLayout(units.slice(0, mid).flat(), MAX_SHARDS);
    if (fits(layout, budget, shardBytes)) [lo, best] = [mid, layout];
    else hi = mid;
  }
  return { layout: best, excluded: units.slice(lo).flat(), full: true };
}
