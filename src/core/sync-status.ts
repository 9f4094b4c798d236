/**
 * What the options page and the popup show about sync (docs/sync.md, "Degradation states"). Plain
 * data, stored in `SyncMeta.status` so any extension page can read it live from Dexie.
 */

import type { Problem } from './problem';
import { valuesOf } from './shape';

/** docs/sync.md, "Degradation states": ok; near full (banner with usage); full (a deterministic subset syncs); over quota after incoming data;
 * unavailable (sync off, unsupported, or data only a newer version can write). */
export type SyncState = 'ok' | 'near-full' | 'full' | 'over-quota' | 'unavailable';
export const SYNC_STATES = valuesOf<SyncState>({
  ok: true,
  'near-full': true,
  full: true,
  'over-quota': true,
  unavailable: true,
});

export type SyncWarning =
  /** "A synced device's clock is N h ahead" (docs/sync.md, "Clocks"): its edits win ties they should not. */
  | { code: 'clock-skew'; deviceId: string; aheadMs: number }
  /** Browser sync is full: `notSynced` customers stay on this device only ("not synced", export offered). */
  | { code: 'full'; notSynced: number }
  | { code: 'over-quota'; bytesUsed: number }
  | { code: 'unavailable'; reason: string }
  /** Keys this version could not read; kept as they are, never overwritten (docs/sync.md, "Wire format"). */
  | { code: 'quarantined'; keys: string[] }
  /** Another browser runs a newer version of the extension: update this one. */
  | { code: 'newer-version' }
  /** Records older than a tombstone collection this device missed: keep or discard them (docs/sync.md, "Tombstones and their collection"). */
  | { code: 'review'; count: number }
  /** storage.sync refused a write for its rate; the next try is at `until`. */
  | { code: 'rate-limited'; until: number }
  /** Records from another browser held aside, not applied (docs/sync.md, "Held aside"): listed in `held`. */
  | { code: 'held'; count: number };

/**
 * Why a record from another browser is held aside (docs/sync.md, "Held aside"):
 * - unreadable: it does not parse (a wrong type, an over-long value, a prototype key): refused, never merged;
 * - clock-ahead: its clock is more than 7 days ahead of this device's: applied once it is within, or when the
 *   partner says so;
 * - mass-delete: one change deleting more than 10 records and more than 20% of them, not confirmed as an Erase or
 *   Replace: waits for the partner's review.
 */
export type HeldReason = 'unreadable' | 'clock-ahead' | 'mass-delete';
export const HELD_REASONS = valuesOf<HeldReason>({
  unreadable: true,
  'clock-ahead': true,
  'mass-delete': true,
});

/**
 * What the partner decides about held records: `apply` them now (clock ahead, mass delete), `keep` the records a
 * held deletion would remove, `dismiss` refused copies from the list.
 */
export type HeldDecision = 'apply' | 'keep' | 'dismiss';
export const HELD_DECISIONS: readonly HeldDecision[] = ['apply', 'keep', 'dismiss'];

/** One held record as the partner sees it: what, from which device, why. */
export interface HeldItem {
  /** `table/id`: what the partner's decisions name. */
  key: string;
  table: string;
  id: string;
  /** A company name, an email, an invitation type or a setting's name; '' when the record carries none. */
  label: string;
  reason: HeldReason;
  /** The browser whose edit it is (the device id ending its latest clock). */
  deviceId: string;
  /** The storage.sync key it was read from. */
  source: string;
  problems: Problem[];
  /** When this browser first held it (ms). */
  since: number;
  /** clock-ahead: how far its clock is ahead of this device's wall clock (ms). */
  aheadMs?: number;
}

export interface DeviceSeen {
  deviceId: string;
  /** That device's own clock at its last write (ms). */
  lastSeenAt: number;
  version: string;
  self: boolean;
}

export interface SyncStatus {
  state: SyncState;
  /** The last time storage.sync held everything this device should put there. */
  lastSyncedAt?: number;
  bytesUsed: number;
  quotaBytes: number;
  customersSynced: number;
  customersTotal: number;
  /** Customer ids that stay on this device only (state `full`). */
  notSynced: string[];
  devices: DeviceSeen[];
  warnings: SyncWarning[];
  /** Records from other browsers held aside (absent in a status stored by an earlier version). */
  held?: HeldItem[];
}

export function emptyStatus(quotaBytes: number): SyncStatus {
  return {
    state: 'ok',
    bytesUsed: 0,
    quotaBytes,
    customersSynced: 0,
    customersTotal: 0,
    notSynced: [],
    devices: [],
    warnings: [],
    held: [],
  };
}

/** Whether the popup should show its small indicator. */
export function needsAttention(status: SyncStatus): boolean {
  return status.state !== 'ok' || status.warnings.some((w) => w.code !== 'rate-limited');
}
