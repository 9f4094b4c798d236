/**
 * The sync engine (docs/sync.md, "One sync"; docs/decisions.md, "One writer to storage.sync: the worker"): lives in the background, the only writer to storage.sync.
 * It runs one sync (`syncOnce`) when
 *   - a page tells it about a local edit: debounced 3 s after the last one, at most 15 s after the first (docs/sync.md, "One sync");
 *   - storage.sync changes (`onChanged`, coalesced for a second: Chrome delivers a multi-key set key by key);
 *   - it starts, and on `reconcile()` (the background's alarm), and every `reconcileMs` while it lives (docs/sync.md, "One sync");
 *   - a previous sync asked to run again (write budget, rate window, a second call).
 * Syncs never overlap. Time comes from injected timers, so tests drive it on a virtual clock.
 */

import { definedOnly } from '../core/defined-only';
import type { HeldDecision, SyncStatus } from '../core/sync-status';
import { realTimers, type StorageChange, type SyncArea, type Timers } from './area';
import { type BudgetLimits, DEFAULT_BUDGET } from './budget';
import { parseKey } from './codec';
import { type CycleResult, syncOnce } from './cycle';
import { decide } from './hold';
import type { LocalStore } from './local-store';

export interface EngineOptions {
  area: SyncArea;
  store: LocalStore;
  timers?: Timers;
  /** The extension's version, published in the device key (devices seen). */
  version?: string;
  debounceMs?: number;
  maxDelayMs?: number;
  receiveDelayMs?: number;
  /** 0 turns the engine's own periodic reconcile off (the background alarm still calls `reconcile()`). */
  reconcileMs?: number;
  budget?: BudgetLimits;
  onStatus?: (status: SyncStatus) => void;
  /** A sync that threw (a store error): reported, then retried a minute later. */
  onError?: (error: unknown) => void;
}

const RETRY_AFTER_ERROR_MS = 60_000;

export class SyncEngine {
  private readonly timers: Timers;
  private readonly options: Required<Omit<EngineOptions, 'onStatus' | 'onError' | 'timers'>> &
    Pick<EngineOptions, 'onStatus' | 'onError'>;
  private debounce: { handle: unknown; first: number } | undefined;
  private wake: { handle: unknown; at: number } | undefined;
  private periodic: unknown;
  private running: Promise<void> | undefined;
  private rerun = false;
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  /** What our last writes put in each key: their `onChanged` echo is not news. */
  private readonly echo = new Map<string, string>();
  private last: SyncStatus | undefined;
  /** The partner's decisions about held records, taken between two syncs so that no sync overwrites them. */
  private decisions: { keys: string[]; decision: HeldDecision }[] = [];

  constructor(options: EngineOptions) {
    this.timers = options.timers ?? realTimers;
    this.options = {
      version: '0',
      debounceMs: 3_000,
      maxDelayMs: 15_000,
      receiveDelayMs: 1_000,
      reconcileMs: 30 * 60_000,
      budget: DEFAULT_BUDGET,
      ...definedOnly(options),
      area: options.area,
      store: options.store,
    };
  }

  /** Registers the change listener (call at the top level of the worker, docs/sync.md, "One sync") and runs a full reconcile. */
  async start(): Promise<void> {
    this.unsubscribe = this.options.area.onChanged((changes) => this.handleChanges(changes));
    this.schedulePeriodic();
    await this.reconcile();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.debounce) this.timers.clearTimeout(this.debounce.handle);
    if (this.wake) this.timers.clearTimeout(this.wake.handle);
    if (this.periodic !== undefined) this.timers.clearTimeout(this.periodic);
    this.debounce = this.wake = this.periodic = undefined;
  }

  /** The latest status, also stored in `SyncMeta.status` for pages. */
  get status(): SyncStatus | undefined {
    return this.last;
  }

  /** A page wrote Dexie: flush soon (debounced). */
  notifyLocalChange(): void {
    if (this.stopped) return;
    const now = this.timers.now();
    const first = this.debounce?.first ?? now;
    if (this.debounce) this.timers.clearTimeout(this.debounce.handle);
    const at = Math.min(now + this.options.debounceMs, first + this.options.maxDelayMs);
    this.debounce = { first, handle: this.timers.setTimeout(() => void this.run(), Math.max(0, at - now)) };
  }

  /**
   * The partner's decision about held records (Options > Sync; docs/sync.md, "Held aside"): `apply` them now,
   * `keep` the local records a held deletion would remove, or `dismiss` refused copies. Resolves once a sync has
   * taken it into account.
   */
  async decide(keys: string[], decision: HeldDecision): Promise<void> {
    this.decisions.push({ keys, decision });
    await this.run();
    if (this.decisions.length > 0) await this.run();
  }

  private async takeDecisions(): Promise<void> {
    const { store } = this.options;
    while (this.decisions.length > 0) {
      const { keys, decision } = this.decisions.shift() as { keys: string[]; decision: HeldDecision };
      const meta = await store.readMeta();
      const chosen = new Set(keys);
      if (decision === 'keep') {
        const over = meta.held.filter((h) => chosen.has(h.key) && h.reason === 'mass-delete');
        await store.restamp(
          over.map((h) => h.record),
          this.timers.now(),
        );
      }
      await store.writeMeta({ held: decide(meta.held, chosen, decision) });
    }
  }

  /** Full reconcile now (startup, alarm, "sync now"). Resolves when that sync is done. */
  async reconcile(): Promise<void> {
    await this.run();
  }

  private handleChanges(changes: Record<string, StorageChange>): void {
    if (this.stopped) return;
    const ours = Object.entries(changes).filter(([key]) => parseKey(key) !== undefined);
    const news = ours.some(([key, change]) => this.echo.get(key) !== fingerprint(change.newValue));
    if (news) this.scheduleWake(this.timers.now() + this.options.receiveDelayMs);
  }

  private scheduleWake(at: number): void {
    if (this.stopped || (this.wake && this.wake.at <= at)) return;
    if (this.wake) this.timers.clearTimeout(this.wake.handle);
    const delay = Math.max(0, at - this.timers.now());
    this.wake = { at, handle: this.timers.setTimeout(() => this.onWake(), delay) };
  }

  private onWake(): void {
    this.wake = undefined;
    void this.run();
  }

  private schedulePeriodic(): void {
    if (this.options.reconcileMs <= 0 || this.stopped) return;
    this.periodic = this.timers.setTimeout(() => {
      this.schedulePeriodic();
      void this.run();
    }, this.options.reconcileMs);
  }

  private run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.rerun = false;
      if (this.debounce) this.timers.clearTimeout(this.debounce.handle);
      this.debounce = undefined;
      try {
        await this.takeDecisions();
        const now = () => this.timers.now();
        this.afterSync(
          await syncOnce({ ...this.options, now, willWrite: (set, removed) => this.expect(set, removed) }),
        );
      } catch (error) {
        this.options.onError?.(error);
        this.scheduleWake(this.timers.now() + RETRY_AFTER_ERROR_MS);
      }
    } while (this.rerun && !this.stopped);
  }

  private expect(set: Record<string, unknown>, removed: string[]): void {
    for (const [key, value] of Object.entries(set)) this.echo.set(key, fingerprint(value));
    for (const key of removed) this.echo.set(key, fingerprint(undefined));
  }

  private afterSync(result: CycleResult): void {
    if (this.stopped) return;
    this.last = result.status;
    this.options.onStatus?.(result.status);
    if (result.runAt !== undefined) this.scheduleWake(result.runAt);
  }
}

function fingerprint(value: unknown): string {
  return value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value);
}
