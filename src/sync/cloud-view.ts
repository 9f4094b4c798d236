/**
 * One read of storage.sync, decoded (docs/sync.md, "Shards", docs/sync.md, "One sync"). Readers take every shard key they find whatever the
 * current shard count, plus every device's outbox, so a reshard, a partial arrival or a mix of layouts never hides
 * a record: duplicates merge away. Keys this version cannot read are reported, never dropped or rewritten.
 */

import type { Problem } from '../core/problem';
import { beyondBound, isHlc } from '../core/sync-clock';
import { lastClock, mergeRecords, type SyncRecord, tableIdKey } from '../core/sync-merge';
import { checkRecord } from './check-record';
import { decodeShard, parseKey, WIRE_VERSION } from './codec';
import { type DeviceDoc, decodeDevice, FORGET_MS, isActive } from './device';

export interface Manifest {
  v: number;
  fmt: string;
  /** Shard count the writer used (informational: readers union all shard keys). */
  S: number;
  /** Tombstone collection watermark (docs/sync.md, "Tombstones and their collection"). */
  gc: string;
}

/** One copy of a record as read, with the key it came from. */
export interface Copy {
  record: SyncRecord;
  source: string;
  problems: Problem[];
}

export interface CloudView {
  raw: Record<string, unknown>;
  /**
   * Every record found in shards and in the outboxes of active devices that passed its check and whose clocks are
   * within the bound, copies merged (one per record).
   */
  records: SyncRecord[];
  /** Copies that do not parse (check-record.ts): never merged (docs/sync.md, "Held aside"). */
  refused: Copy[];
  /** The copies merged into `records`, as read (hold.ts weighs a deleting copy against the others). */
  good: Copy[];
  /** Copies with a clock beyond the bound (sync-clock.ts `MAX_AHEAD_MS`): held, never merged into `records`. */
  ahead: Copy[];
  /** Decoded shards by index. */
  shards: Map<number, SyncRecord[]>;
  devices: Map<string, DeviceDoc>;
  manifest?: Manifest;
  /** Our keys this version cannot read: `newer` (a later format) or `corrupt`. */
  problems: Map<string, 'corrupt' | 'newer'>;
}

function decodeManifest(value: unknown): Manifest | 'corrupt' | 'newer' {
  if (typeof value !== 'object' || value === null) return 'corrupt';
  const m = value as Partial<Manifest>;
  if (typeof m.v !== 'number') return 'corrupt';
  if (m.v > WIRE_VERSION) return 'newer';
  if (typeof m.S !== 'number' || typeof m.fmt !== 'string') return 'corrupt';
  // The collection bound decides which tombstones every browser removes: a bound that is no clock is no bound.
  if (m.gc !== '' && !isHlc(m.gc)) return 'corrupt';
  return { v: m.v, fmt: m.fmt, S: m.S, gc: m.gc };
}

/**
 * Decodes a snapshot (`get(null)`). The outbox of a device silent for longer than the active window is not merged:
 * its peers merged it long ago, and after a tombstone collection it could only bring back what was collected.
 */
export function readCloud(raw: Record<string, unknown>, now: number): CloudView {
  const { view, copies } = decodeAll(raw, now);
  const merged = new Map<string, SyncRecord>();
  // Each copy is checked on its own, before any merge: a bad copy from one browser must not take down the good
  // copy of the same record that another browser wrote.
  for (const [record, source] of copies) {
    const problems = checkRecord(record);
    if (problems.length > 0) view.refused.push({ record, source, problems });
    else if (beyondBound(lastClock(record), now)) view.ahead.push({ record, source, problems });
    else {
      view.good.push({ record, source, problems });
      const key = tableIdKey(record);
      const other = merged.get(key);
      merged.set(key, other ? mergeRecords(other, record) : record);
    }
  }
  view.records = [...merged.values()];
  return view;
}

function decodeAll(raw: Record<string, unknown>, now: number) {
  const view: CloudView = {
    raw,
    records: [],
    refused: [],
    good: [],
    ahead: [],
    shards: new Map(),
    devices: new Map(),
    problems: new Map(),
  };
  const copies: [SyncRecord, string][] = [];
  for (const [key, value] of Object.entries(raw)) {
    const kind = parseKey(key);
    if (!kind) continue;
    if (kind.kind === 'manifest') {
      const m = decodeManifest(value);
      if (typeof m === 'string') view.problems.set(key, m);
      else view.manifest = m;
    } else if (kind.kind === 'shard') {
      const shard = decodeShard(value);
      if (!shard.ok) view.problems.set(key, shard.problem);
      else {
        view.shards.set(kind.index, shard.value);
        for (const r of shard.value) copies.push([r, key]);
      }
    } else {
      const doc = decodeDevice(value);
      if (!doc.ok) view.problems.set(key, doc.problem);
      else {
        view.devices.set(kind.deviceId, doc.value);
        if (isActive(doc.value, now)) for (const r of doc.value.pend) copies.push([r, key]);
      }
    }
  }
  return { view, copies };
}

/** Device keys of devices silent for longer than 180 days (docs/sync.md, "Device keys, acks and the outbox"): ours to remove when space is short. */
export function forgottenDevices(view: CloudView, now: number): string[] {
  return [...view.devices.entries()].filter(([, d]) => d.at < now - FORGET_MS).map(([id]) => `d:${id}`);
}

/** The newer-version marker: any key in a later format makes this version read-only for shards. */
export function hasNewer(view: CloudView): boolean {
  return [...view.problems.values()].includes('newer');
}
