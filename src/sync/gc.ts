/**
 * Tombstone collection (docs/sync.md, "Tombstones and their collection"). A tombstone may go once every active device has acked it and it is
 * more than 30 days old. The watermark `gc` (the clock of the newest tombstone collected so far) is published in
 * the manifest and only grows, and only when something is collected; every device drops the same tombstones, those
 * at or before it, so collection cannot make devices disagree.
 *
 * The acks are a best effort (an ack is taken from one snapshot, whose shards may be a moment stale), which is why
 * the 30-day age also applies: by then every shard has been rewritten by anti-entropy many times over.
 */
import { hlcAt, maxHlc } from '../core/sync-clock';
import { isAlive, lastClock, type SyncRecord, tableIdKey } from '../core/sync-merge';
import type { CloudView } from './cloud-view';
import { type DeviceDoc, isActive } from './device';
import type { RecordRef } from './local-store';
import { shardOf } from './shards';

export const TOMBSTONE_AGE_MS = 30 * 86_400_000;

export function collectible(r: SyncRecord, gcBefore: string): boolean {
  return gcBefore !== '' && r.deleted !== undefined && r.deleted <= gcBefore && !isAlive(r);
}

/**
 * The highest watermark the acks allow: for each active device D and each other known device O, D must have acked
 * O's latest own edit, or the watermark stays at or below what D did ack of O.
 */
export function gcWatermark(
  devices: ReadonlyMap<string, DeviceDoc>,
  me: { id: string; acks: Record<string, string>; hw: string },
  now: number,
): string {
  const registry = new Map(devices);
  registry.set(me.id, { at: now, ver: '', hw: me.hw, seen: me.acks, pend: [] });
  let watermark = hlcAt(now - TOMBSTONE_AGE_MS);
  for (const [d, doc] of registry) {
    if (!isActive(doc, now)) continue;
    for (const [o, origin] of registry) {
      if (o === d) continue;
      const seen = doc.seen[o] ?? '';
      if (seen < origin.hw && seen < watermark) watermark = seen;
    }
  }
  return watermark;
}

/** The watermark after this snapshot: the local or published one, raised to the newest tombstone the acks let go. */
export function nextGcBefore(
  view: CloudView,
  me: { id: string; acks: Record<string, string>; hw: string; gcBefore: string },
  local: readonly SyncRecord[],
  now: number,
): string {
  const allowed = gcWatermark(view.devices, me, now);
  let gc = maxHlc(me.gcBefore, view.manifest?.gc);
  for (const r of local) {
    if (r.deleted && r.deleted < allowed && r.deleted > gc && !isAlive(r)) gc = r.deleted;
  }
  return gc;
}

/**
 * A device that missed a collection (its own watermark is behind the published one) may hold records whose
 * tombstone is gone. Those absent from storage.sync and older than the watermark are neither pushed nor deleted:
 * the user reviews them (docs/sync.md, "Tombstones and their collection"). Only records whose shard is present count as absent, so a shard still on
 * its way does not flag everything in it.
 */
export function rejoinReview(local: readonly SyncRecord[], view: CloudView, published: string): string[] {
  const count = view.manifest?.S ?? 0;
  if (!published || count === 0) return [];
  const remote = new Set(view.records.map(tableIdKey));
  return local
    .filter(
      (r) => lastClock(r) <= published && !remote.has(tableIdKey(r)) && view.shards.has(shardOf(r, count)),
    )
    .map(tableIdKey);
}

export function collectRefs(local: readonly SyncRecord[], gcBefore: string): RecordRef[] {
  return local.filter((r) => collectible(r, gcBefore)).map((r) => ({ table: r.table, id: r.id }));
}
