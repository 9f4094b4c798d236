/**
 * The status shown to the user after a sync (docs/sync.md, "Degradation states"): usage, customers synced
 * X of Y, devices seen, and the warnings — a device's clock far off, full, over quota, unavailable.
 */
import { parseHlc, SKEW_WARN_MS } from '../core/sync-clock';
import { isAlive, type SyncRecord, tableIdKey } from '../core/sync-merge';
import type { DeviceSeen, HeldItem, SyncState, SyncStatus, SyncWarning } from '../core/sync-status';
import type { CloudView } from './cloud-view';
import { shardKey } from './codec';
import type { Plan } from './plan';
import { CHROME_LIMITS, NEAR_FULL_RATIO, totalBytes } from './quota';

export interface ReportInput {
  local: readonly SyncRecord[];
  view: CloudView;
  plan: Plan;
  me: string;
  version: string;
  now: number;
  /** The area after this sync's writes (or as read, when nothing was written). */
  area: Record<string, unknown>;
  review: readonly string[];
  held?: HeldItem[];
  lastSyncedAt?: number;
  error?: SyncWarning;
}

/** docs/sync.md, "Clocks": a device whose own clock (at its last write, or in its latest edit) is more than an hour ahead of ours. */
export function skewWarnings(view: CloudView, me: string, now: number): SyncWarning[] {
  const warnings: SyncWarning[] = [];
  for (const [deviceId, doc] of view.devices) {
    if (deviceId === me) continue;
    const ahead = Math.max(doc.at, parseHlc(doc.hw)?.pt ?? 0) - now;
    if (ahead > SKEW_WARN_MS) warnings.push({ code: 'clock-skew', deviceId, aheadMs: ahead });
  }
  return warnings;
}

function devicesSeen(input: ReportInput): DeviceSeen[] {
  const seen: DeviceSeen[] = [...input.view.devices.entries()]
    .filter(([id]) => id !== input.me)
    .map(([deviceId, d]) => ({ deviceId, lastSeenAt: d.at, version: d.ver, self: false }));
  return [{ deviceId: input.me, lastSeenAt: input.now, version: input.version, self: true }, ...seen];
}

/** Live customers that storage.sync does not carry: left out by the full subset, in a quarantined shard, or under review. */
function notSynced(input: ReportInput): string[] {
  const { layout } = input.plan.choice;
  const blocked = new Set<string>();
  layout.records.forEach((records, i) => {
    if (input.view.problems.has(shardKey(i)) || input.plan.readOnly)
      for (const r of records) blocked.add(tableIdKey(r));
  });
  for (const r of input.plan.choice.excluded) blocked.add(tableIdKey(r));
  for (const key of input.review) blocked.add(key);
  return input.local
    .filter((r) => r.table === 'customers' && isAlive(r) && blocked.has(tableIdKey(r)))
    .map((r) => r.id)
    .sort();
}

function stateOf(input: ReportInput, bytesUsed: number): SyncState {
  if (input.error?.code === 'unavailable' || input.plan.readOnly) return 'unavailable';
  if (bytesUsed > CHROME_LIMITS.QUOTA_BYTES || input.plan.blocked || input.error?.code === 'over-quota') {
    return 'over-quota';
  }
  if (input.plan.choice.full) return 'full';
  return bytesUsed >= NEAR_FULL_RATIO * CHROME_LIMITS.QUOTA_BYTES ? 'near-full' : 'ok';
}

function warningsOf(input: ReportInput, state: SyncState, missing: number, bytesUsed: number): SyncWarning[] {
  const warnings = skewWarnings(input.view, input.me, input.now);
  if (state === 'full') warnings.push({ code: 'full', notSynced: missing });
  if (state === 'over-quota') warnings.push({ code: 'over-quota', bytesUsed });
  const quarantined = [...input.view.problems.entries()].filter(([, p]) => p === 'corrupt').map(([k]) => k);
  if (quarantined.length) warnings.push({ code: 'quarantined', keys: quarantined.sort() });
  if (input.plan.readOnly) warnings.push({ code: 'newer-version' });
  if (input.review.length) warnings.push({ code: 'review', count: input.review.length });
  if (input.held?.length) warnings.push({ code: 'held', count: input.held.length });
  const error = input.error;
  if (error && !warnings.some((w) => w.code === error.code)) warnings.push(error);
  return warnings;
}

export function buildStatus(input: ReportInput): SyncStatus {
  const bytesUsed = totalBytes(input.area);
  const missing = notSynced(input);
  const total = input.local.filter((r) => r.table === 'customers' && isAlive(r)).length;
  const state = stateOf(input, bytesUsed);
  const status: SyncStatus = {
    state,
    bytesUsed,
    quotaBytes: CHROME_LIMITS.QUOTA_BYTES,
    customersSynced: total - missing.length,
    customersTotal: total,
    notSynced: missing,
    devices: devicesSeen(input),
    warnings: warningsOf(input, state, missing.length, bytesUsed),
    held: input.held ?? [],
  };
  if (input.lastSyncedAt !== undefined) status.lastSyncedAt = input.lastSyncedAt;
  return status;
}
