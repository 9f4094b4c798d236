/**
 * What the options page and the popup show about sync (issue 5 "UI"; spec/sync.md §3.11 degradation ladder). Plain
 * data, stored in `SyncMeta.status` so any extension page can read it live from Dexie.
 */

/** §3.11: ok; near full (banner with usage); full (a deterministic subset syncs); over quota after incoming data;
 * unavailable (sync off, unsupported, or data only a newer version can write). */
export type SyncState = 'ok' | 'near-full' | 'full' | 'over-quota' | 'unavailable';

export type SyncWarning =
  /** "A synced device's clock is N h ahead" (§3.3): its edits win ties they should not. */
  | { code: 'clock-skew'; deviceId: string; aheadMs: number }
  /** Browser sync is full: `notSynced` customers stay on this device only ("not synced", export offered). */
  | { code: 'full'; notSynced: number }
  | { code: 'over-quota'; bytesUsed: number }
  | { code: 'unavailable'; reason: string }
  /** Keys this version could not read; kept as they are, never overwritten (§3.10). */
  | { code: 'quarantined'; keys: string[] }
  /** Another browser runs a newer version of the extension: update this one. */
  | { code: 'newer-version' }
  /** Records older than a tombstone collection this device missed: keep or discard them (§3.11 rejoin). */
  | { code: 'review'; count: number }
  /** storage.sync refused a write for its rate; the next try is at `until`. */
  | { code: 'rate-limited'; until: number };

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
  };
}

/** Whether the popup should show its small indicator. */
export function needsAttention(status: SyncStatus): boolean {
  return status.state !== 'ok' || status.warnings.some((w) => w.code !== 'rate-limited');
}
