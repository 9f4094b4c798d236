/**
 * The worker's sync switch: a start or a sync that fails is logged and shown to the partner (the report's
 * `failure`, which Options > Sync says), never an unhandled rejection; the next sync that finishes clears it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createSync, type Engine, type SyncDeps } from '../../src/background/sync';
import { emptyStatus, type SyncStatus } from '../../src/core/sync-status';

// The module also wires the real engine over the browser; these tests give it their own.
vi.mock('../../src/platform', () => ({ syncArea: {}, manifestVersion: () => '0.0.0' }));

const OK = emptyStatus(102_400);

/** An engine that starts as told and lets the test fire its hooks. */
function fakeEngine(start: () => Promise<void>) {
  const hooks = {} as Parameters<SyncDeps['engine']>[0];
  let status: SyncStatus | undefined;
  const engine: Engine = {
    start,
    stop: () => undefined,
    notifyLocalChange: () => undefined,
    reconcile: async () => undefined,
    decide: async () => undefined,
    get status() {
      return status;
    },
  };
  return {
    hooks,
    make: (h: typeof hooks) => {
      Object.assign(hooks, h);
      return engine;
    },
    finish: (s: SyncStatus) => {
      status = s;
      hooks.onStatus(s);
    },
  };
}

function deps(over: Partial<SyncDeps>, engine = fakeEngine(async () => undefined)) {
  const logged: string[] = [];
  const d: SyncDeps = {
    enabled: async () => true,
    setEnabled: async () => undefined,
    engine: engine.make,
    storedStatus: async () => undefined,
    log: (what) => logged.push(what),
    ...over,
  };
  return { d, logged, engine };
}

describe('starting sync', () => {
  it('a flag that cannot be read is logged and reported, not left as an unhandled rejection', async () => {
    const { d, logged } = deps({ enabled: () => Promise.reject(new Error('IndexedDB is closed')) });
    const sync = createSync(d);
    await expect(sync.startSync()).resolves.toBeUndefined();
    expect(logged).toEqual(['Sync start failed']);
    expect(await sync.syncReport()).toEqual({ enabled: false, status: null, failure: 'IndexedDB is closed' });
  });

  it('an engine that fails to start is reported with its error', async () => {
    const { d, logged } = deps(
      {},
      fakeEngine(() => Promise.reject(new Error('storage.sync is disabled'))),
    );
    const sync = createSync(d);
    await sync.startSync();
    await vi.waitFor(() => expect(logged).toEqual(['Sync start failed']));
    expect(await sync.syncReport()).toMatchObject({ enabled: true, failure: 'storage.sync is disabled' });
  });

  it('a failed sync is reported until the next one finishes', async () => {
    const { d, logged, engine } = deps({});
    const sync = createSync(d);
    await sync.startSync();
    engine.hooks.onError(new Error('QuotaExceededError'));
    expect(logged).toEqual(['Sync failed; retrying in a minute']);
    expect((await sync.syncReport()).failure).toBe('QuotaExceededError');
    engine.finish(OK);
    expect(await sync.syncReport()).toEqual({ enabled: true, status: OK });
  });

  it('a stored status that cannot be read is reported, not thrown at the page', async () => {
    const { d } = deps({
      enabled: async () => false,
      storedStatus: () => Promise.reject(new Error('database blocked')),
    });
    const sync = createSync(d);
    await sync.startSync();
    expect(await sync.syncReport()).toEqual({ enabled: false, status: null, failure: 'database blocked' });
  });

  it('sync off: no engine, and turning it on starts one', async () => {
    const { d } = deps({ enabled: async () => false });
    const sync = createSync(d);
    await sync.startSync();
    expect((await sync.syncReport()).enabled).toBe(false);
    expect((await sync.enableSync(true)).enabled).toBe(true);
  });
});
