/**
 * The worker's one sync engine (docs/decisions.md, "One writer to storage.sync: the worker": the background is the only writer to storage.sync) over the
 * extension's Dexie database and the real `storage.sync`. Started at every worker start (`start()` registers the
 * onChanged listener, then runs a full reconcile), unless the partner turned sync off on this device.
 */

import { HELD_DECISIONS, type HeldDecision } from '../core/sync-status';
import { db } from '../db/db';
import { getSyncEnabled, setSyncEnabled } from '../db/sync-meta';
import type { SyncReport } from '../messages';
import { manifestVersion, syncArea } from '../platform';
import { DexieLocalStore } from '../sync/dexie-store';
import { SyncEngine } from '../sync/engine';

const store = new DexieLocalStore(db);

function newEngine(): SyncEngine {
  return new SyncEngine({
    area: syncArea,
    store,
    version: manifestVersion(),
    onError: (error) => console.error('Sync failed; retrying in a minute', error),
  });
}

/** The running engine; undefined while sync is off on this device. */
let engine: SyncEngine | undefined;

function run(): void {
  engine = newEngine();
  void engine.start().catch((error: unknown) => console.error('Sync start failed', error));
}

export function startSync(): void {
  // The flag is read first, so a device with sync off never writes. A change that woke the worker before the
  // listener exists is not lost: start() begins with a full reconcile (docs/sync.md, "One sync").
  void getSyncEnabled(db).then((on) => {
    if (on && !engine) run();
  });
}

function stop(): void {
  engine?.stop();
  engine = undefined;
}

export function notifyLocalChange(): void {
  engine?.notifyLocalChange();
}

export function reconcile(): Promise<void> {
  return engine?.reconcile() ?? Promise.resolve();
}

/** The engine's latest status, else the one the last worker stored, else null (never synced on this device). */
export async function syncReport(): Promise<SyncReport> {
  const enabled = engine !== undefined;
  return { enabled, status: engine?.status ?? (await store.readMeta()).status ?? null };
}

/**
 * The partner's decision about records held aside (Options > Sync). The page's request is checked like any input;
 * with sync off there is no engine, and the held list waits for the next start.
 */
export async function decideHeld(keys: unknown, decision: unknown): Promise<SyncReport> {
  const valid =
    Array.isArray(keys) &&
    keys.length <= 10_000 &&
    keys.every((k) => typeof k === 'string' && k.length <= 200) &&
    (HELD_DECISIONS as readonly unknown[]).includes(decision);
  if (valid) await engine?.decide(keys as string[], decision as HeldDecision);
  return syncReport();
}

/** Turning sync off keeps storage.sync as it is (other browsers still use it); turning it on merges right away. */
export async function enableSync(enabled: boolean): Promise<SyncReport> {
  await setSyncEnabled(db, enabled);
  if (enabled && !engine) run();
  if (!enabled) stop();
  return syncReport();
}
