/**
 * The worker's one sync engine (docs/decisions.md, "One writer to storage.sync: the worker": the background is the only writer to storage.sync) over the
 * extension's Dexie database and the real `storage.sync`. Started at every worker start (`start()` registers the
 * onChanged listener, then runs a full reconcile), unless the partner turned sync off on this device. A start or a
 * sync that fails is logged and kept as the report's `failure`, which Options > Sync shows until a sync succeeds.
 */

import type { HeldDecision, SyncStatus } from '../core/sync-status';
import { db } from '../db/db';
import { getSyncEnabled, setSyncEnabled } from '../db/sync-meta';
import type { SyncReport } from '../messages';
import { manifestVersion, syncArea } from '../platform';
import { DexieLocalStore } from '../sync/dexie-store';
import { SyncEngine } from '../sync/engine';

/** What the worker needs of an engine. */
export type Engine = Pick<
  SyncEngine,
  'start' | 'stop' | 'notifyLocalChange' | 'reconcile' | 'decide' | 'status'
>;

export interface SyncDeps {
  /** Whether sync is on on this device (the partner's switch in Options > Sync). */
  enabled(): Promise<boolean>;
  setEnabled(on: boolean): Promise<void>;
  /** A new engine that tells each failed sync to `onError` and each finished one to `onStatus`. */
  engine(hooks: { onError: (error: unknown) => void; onStatus: (status: SyncStatus) => void }): Engine;
  /** The status the last worker stored, if any. */
  storedStatus(): Promise<SyncStatus | undefined>;
  log(what: string, error: unknown): void;
}

const text = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The worker's sync over its dependencies; `syncWorker` below is the one the worker runs. */
export function createSync(deps: SyncDeps) {
  /** The running engine; undefined while sync is off on this device. */
  let engine: Engine | undefined;
  /** Why the last start or sync failed; cleared by the next sync that finishes. */
  let failure: string | undefined;

  const failed = (what: string) => (error: unknown) => {
    failure = text(error);
    deps.log(what, error);
  };

  function run(): void {
    const started = deps.engine({
      onError: failed('Sync failed; retrying in a minute'),
      onStatus: () => {
        failure = undefined;
      },
    });
    engine = started;
    started.start().catch(failed('Sync start failed'));
  }

  function stop(): void {
    engine?.stop();
    engine = undefined;
  }

  /** The engine's latest status, else the one the last worker stored, else null (never synced on this device). */
  async function syncReport(): Promise<SyncReport> {
    const stored = engine?.status
      ? undefined
      : await deps.storedStatus().catch(failed('Reading sync status failed'));
    const status = engine?.status ?? stored ?? null;
    return { enabled: engine !== undefined, status, ...(failure === undefined ? {} : { failure }) };
  }

  return {
    /**
     * Every worker start. The flag is read first, so a device with sync off never writes. A change that woke the
     * worker before the listener exists is not lost: start() begins with a full reconcile (docs/sync.md, "One sync").
     */
    startSync(): Promise<void> {
      return deps.enabled().then((on) => {
        if (on && !engine) run();
      }, failed('Sync start failed'));
    },
    notifyLocalChange(): void {
      engine?.notifyLocalChange();
    },
    reconcile(): Promise<void> {
      return engine?.reconcile() ?? Promise.resolve();
    },
    syncReport,
    /**
     * The partner's decision about records held aside (Options > Sync). The request's types were read with it
     * (requests.ts); a list longer than any held list is ignored. With sync off there is no engine, and the held
     * list waits for the next start.
     */
    async decideHeld(keys: string[], decision: HeldDecision): Promise<SyncReport> {
      if (keys.length <= 10_000 && keys.every((k) => k.length <= 200)) await engine?.decide(keys, decision);
      return syncReport();
    },
    /** Turning sync off keeps storage.sync as it is (other browsers still use it); turning it on merges right away. */
    async enableSync(enabled: boolean): Promise<SyncReport> {
      await deps.setEnabled(enabled);
      if (enabled && !engine) run();
      if (!enabled) {
        stop();
        failure = undefined;
      }
      return syncReport();
    },
  };
}

const store = new DexieLocalStore(db);

export const { startSync, notifyLocalChange, reconcile, syncReport, decideHeld, enableSync } = createSync({
  enabled: () => getSyncEnabled(db),
  setEnabled: (on) => setSyncEnabled(db, on),
  engine: (hooks) => new SyncEngine({ area: syncArea, store, version: manifestVersion(), ...hooks }),
  storedStatus: async () => (await store.readMeta()).status,
  log: (what, error) => console.error(what, error),
});
