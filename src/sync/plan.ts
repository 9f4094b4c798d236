/**
 * What one flush writes (docs/sync.md, "One sync", docs/sync.md, "Degradation states"): the shards, manifest and device key this device
 * wants storage.sync to hold, minus what it already holds. A key is written only when its content differs in
 * meaning from the cloud's (not merely in bytes: another version may encode differently), so converged devices
 * write nothing and pushes stop after the last edit (docs/sync.md, "What is guaranteed, and what is not").
 */
import { mergeRecords, type SyncRecord, sameRecord, tableIdKey } from '../core/sync-merge';
import type { CloudView, Manifest } from './cloud-view';
import { forgottenDevices, hasNewer } from './cloud-view';
import { deviceKey, FORMAT, MANIFEST_KEY, parseKey, shardKey, WIRE_VERSION } from './codec';
import { ackedByAll, type DeviceDoc, encodeDevice, ownHighWater, sameDevice, selectPending } from './device';
import { CHROME_LIMITS, firefoxTotalBytes, itemBytes, OUR_LIMITS, totalBytes } from './quota';
import { type Choice, chooseLayout } from './shards';

export interface PlanInput {
  /** Local records that may sync (collected tombstones and records under review already left out). */
  records: readonly SyncRecord[];
  /**
   * Records held aside that are valid data (hold.ts `heldData`): a shard that differs from ours only by them is not
   * rewritten, so the browser that wrote them and this one do not take turns rewriting it.
   */
  held?: readonly SyncRecord[];
  view: CloudView;
  me: string;
  acks: Record<string, string>;
  gcBefore: string;
  version: string;
  now: number;
}

export interface Plan {
  set: Record<string, unknown>;
  /** Our keys that nothing needs any more: stale shards past the count, devices forgotten after 180 days. */
  surplus: string[];
  /** Over quota after incoming data: the `set()` only fits once the surplus is gone, so remove it first (docs/sync.md, "Degradation states"). */
  removeFirst: boolean;
  /** The `set()` cannot fit even then: write nothing. */
  blocked: boolean;
  choice: Choice;
  /** Bytes of the whole area once the plan is applied. */
  projected: number;
  readOnly: boolean;
  /** Our device key carries own edits the cloud's copy lacks: it goes now, never deferred (docs/sync.md, "Device keys, acks and the outbox"). */
  deviceUrgent: boolean;
}

const MANIFEST_BYTES = 80;

/** Bytes the shards may use: 90% of the quota less the manifest and a fixed allowance per device key. Fixed
 * allowances keep the budget (and so the "full" subset) the same on every device. */
export function shardBudget(deviceCount: number): number {
  return OUR_LIMITS.totalBytes - MANIFEST_BYTES - Math.max(1, deviceCount) * OUR_LIMITS.deviceBytes;
}

function sameShard(remote: readonly SyncRecord[] | undefined, wanted: readonly SyncRecord[]): boolean {
  if (!remote || remote.length !== wanted.length) return false;
  const byKey = new Map(remote.map((r) => [tableIdKey(r), r]));
  return wanted.every((r) => {
    const other = byKey.get(tableIdKey(r));
    return other !== undefined && sameRecord(other, r);
  });
}

/** Bytes the area will hold after removing `removed` and writing `set`, by the stricter of Chrome's and Firefox's rules. */
export function projectedBytes(
  raw: Record<string, unknown>,
  set: Record<string, unknown>,
  removed: string[],
): number {
  const next: Record<string, unknown> = { ...raw, ...set };
  for (const key of removed) delete next[key];
  return Math.max(totalBytes(next), firefoxTotalBytes(next));
}

/** The remote shard is ours once the held records it carries are merged into ours (see `PlanInput.held`). */
function sameWithHeld(
  remote: readonly SyncRecord[] | undefined,
  wanted: readonly SyncRecord[],
  held: ReadonlyMap<string, SyncRecord>,
): boolean {
  if (!remote || held.size === 0) return false;
  const out = new Map(wanted.map((r) => [tableIdKey(r), r]));
  for (const r of remote) {
    const h = held.get(tableIdKey(r));
    const w = out.get(tableIdKey(r));
    if (h) out.set(tableIdKey(r), w ? mergeRecords(w, h) : h);
  }
  return sameShard(remote, [...out.values()]);
}

function shardWrites(input: PlanInput, choice: Choice): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  const held = new Map((input.held ?? []).map((r) => [tableIdKey(r), r]));
  choice.layout.values.forEach((value, i) => {
    const key = shardKey(i);
    if (input.view.problems.has(key)) return; // quarantined: never overwritten
    const [remote, wanted] = [input.view.shards.get(i), choice.layout.records[i] ?? []];
    if (!sameShard(remote, wanted) && !sameWithHeld(remote, wanted, held)) set[key] = value;
  });
  const manifest: Manifest = { v: WIRE_VERSION, fmt: FORMAT, S: choice.layout.count, gc: input.gcBefore };
  const m = input.view.manifest;
  if (
    !input.view.problems.has(MANIFEST_KEY) &&
    (m?.S !== manifest.S || m.gc !== manifest.gc || m.fmt !== FORMAT)
  ) {
    set[MANIFEST_KEY] = manifest;
  }
  return set;
}

function deviceDoc(input: PlanInput): DeviceDoc {
  const peers = new Set(input.view.devices.keys());
  const seen = Object.fromEntries(Object.entries(input.acks).filter(([id]) => peers.has(id)));
  const acked = ackedByAll(input.view.devices, input.me, input.now);
  return {
    at: input.now,
    ver: input.version,
    hw: ownHighWater(input.records, input.me),
    seen,
    pend: selectPending(input.records, input.me, acked),
  };
}

function surplusKeys(view: CloudView, count: number, now: number): string[] {
  const stale = Object.keys(view.raw).filter((key) => {
    const kind = parseKey(key);
    return kind?.kind === 'shard' && kind.index >= count && !view.problems.has(key);
  });
  return [...stale, ...forgottenDevices(view, now)];
}

/**
 * Room left by keys this device will not rewrite (other devices' keys, quarantined keys, keys not ours): normally
 * more than the fixed budget; less only when the area is crowded, and then the area decides.
 */
function roomLeft(view: CloudView, me: string): number {
  let others = 0;
  for (const [key, value] of Object.entries(view.raw)) {
    const kind = parseKey(key);
    const rewritten = kind?.kind === 'shard' || kind?.kind === 'manifest' || key === deviceKey(me);
    if (!rewritten || view.problems.has(key)) others += itemBytes(key, value);
  }
  return CHROME_LIMITS.QUOTA_BYTES - others - OUR_LIMITS.deviceBytes - MANIFEST_BYTES;
}

export function planWrite(input: PlanInput): Plan {
  const { view } = input;
  const deviceCount = new Set([...view.devices.keys(), input.me]).size;
  const readOnly = hasNewer(view);
  const budget = Math.min(shardBudget(deviceCount), roomLeft(view, input.me));
  const choice = chooseLayout(input.records, budget);
  const set = readOnly ? {} : shardWrites(input, choice);
  const doc = deviceDoc(input);
  const meKey = deviceKey(input.me);
  if (
    !view.problems.has(meKey) &&
    (Object.keys(set).length > 0 || !sameDevice(view.devices.get(input.me), doc, input.now))
  ) {
    set[meKey] = encodeDevice(doc);
  }
  const surplus = readOnly ? [] : surplusKeys(view, choice.layout.count, input.now);
  const afterSet = projectedBytes(view.raw, set, []);
  const afterBoth = projectedBytes(view.raw, set, surplus);
  const removeFirst = afterSet > CHROME_LIMITS.QUOTA_BYTES && surplus.length > 0;
  const projected = removeFirst ? afterBoth : afterSet;
  const blocked = Object.keys(set).length > 0 && projected > CHROME_LIMITS.QUOTA_BYTES;
  const deviceUrgent = doc.hw !== (view.devices.get(input.me)?.hw ?? '');
  return { set, surplus, removeFirst, blocked, choice, projected, readOnly, deviceUrgent };
}
