/**
 * One simulated browser profile (docs/testing.md, "The fake cloud"): its local `storage.sync` replica, the limits it
 * enforces on writes (fake-limits.ts), `onChanged` for every extension context, and contexts that can die at any
 * await like an MV3 worker. Propagation to other browsers is the cloud's job (fake-cloud.ts).
 */
import type { ChangeListener, StorageChange, SyncArea } from '../../src/sync/area';
import { totalBytes } from '../../src/sync/quota';
import { ChromeRateLimiter, type Mode, type Spelling, sizeError, UNAVAILABLE_MESSAGE } from './fake-limits';
import type { VirtualTime } from './virtual-time';

export interface CallRecord {
  at: number;
  op: 'set' | 'remove' | 'clear';
  keys: string[];
  error?: string;
}

export interface BrowserHooks {
  /** A local write happened: the cloud schedules its commit. */
  wrote(browser: FakeBrowser, keys: string[]): void;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A `SyncArea` for one extension context; `kill()` makes every pending and future call hang, as a dead worker. */
export class FakeContext implements SyncArea {
  dead = false;
  private readonly unsubscribers: (() => void)[] = [];

  constructor(private readonly browser: FakeBrowser) {}

  private later<T>(fn: () => T): Promise<T> {
    if (this.dead) return new Promise<T>(() => {});
    let result: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      result = { ok: true, value: fn() };
    } catch (error) {
      result = { ok: false, error };
    }
    return new Promise<T>((resolve, reject) => {
      this.browser.time.schedule(() => {
        if (this.dead) return;
        if (result.ok) resolve(result.value);
        else reject(result.error);
      }, this.browser.latencyMs);
    });
  }

  get(keys: string[] | null): Promise<Record<string, unknown>> {
    return this.later(() => this.browser.read(keys));
  }

  set(items: Record<string, unknown>): Promise<void> {
    return this.later(() => this.browser.write('set', items, []));
  }

  remove(keys: string[]): Promise<void> {
    return this.later(() => this.browser.write('remove', {}, keys));
  }

  getBytesInUse(keys: string[] | null): Promise<number> {
    return this.later(() => totalBytes(this.browser.read(keys)));
  }

  onChanged(listener: ChangeListener): () => void {
    const off = this.browser.listen(listener);
    this.unsubscribers.push(off);
    return off;
  }

  kill(): void {
    this.dead = true;
    for (const off of this.unsubscribers) off();
  }
}

export class FakeBrowser {
  readonly replica = new Map<string, unknown>();
  readonly calls: CallRecord[] = [];
  /** Keys this browser's writes got to the server, and when (the cloud fills it in). */
  readonly commits: { at: number; keys: string[] }[] = [];
  /** Keys whose local writes have not reached the server, with the value written (Chrome mode). */
  readonly pendingCommit = new Map<string, unknown>();
  readonly knownVersion = new Map<string, number>();
  /** Firefox mode: the state at the last sync (the three-way merge's parent). */
  parent: Map<string, unknown> | undefined;
  signedIn = true;
  online = true;
  installed = true;
  unavailable = false;
  /** This browser's wall clock minus the true time (clock skew: docs/testing.md, "Sync fault scenarios"). */
  clockOffset = 0;
  latencyMs = 1;
  /** Errors the next write calls get instead of running (fault injection), e.g. a quota message. */
  readonly failures: string[] = [];
  /** Called on every storage call, after a write is applied and before anything resolves (worker-death tests). */
  onCall: ((op: 'get' | 'set' | 'remove' | 'clear') => void) | undefined;
  private readonly rate = new ChromeRateLimiter();
  private readonly listeners = new Set<ChangeListener>();

  constructor(
    readonly id: string,
    readonly mode: Mode,
    readonly spelling: Spelling,
    readonly time: VirtualTime,
    private readonly hooks: BrowserHooks,
  ) {}

  context(): FakeContext {
    return new FakeContext(this);
  }

  snapshot(): Record<string, unknown> {
    return structuredClone(Object.fromEntries(this.replica));
  }

  read(keys: string[] | null): Record<string, unknown> {
    if (this.unavailable) throw new Error(UNAVAILABLE_MESSAGE);
    this.onCall?.('get');
    const all = this.snapshot();
    return keys === null ? all : Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k]]));
  }

  /**
   * A write call from the extension: rate (Chrome), then size, all or nothing (docs/testing.md, "What storage.sync
   * does").
   */
  write(op: 'set' | 'remove' | 'clear', items: Record<string, unknown>, keys: string[]): void {
    const record: CallRecord = { at: this.time.now, op, keys: op === 'set' ? Object.keys(items) : keys };
    this.calls.push(record);
    if (this.unavailable) record.error = UNAVAILABLE_MESSAGE;
    else if (this.mode === 'chrome') record.error = this.rate.check(this.time.now);
    if (!record.error && this.failures.length > 0) record.error = this.failures.shift();
    if (!record.error && op === 'set')
      record.error = sizeError(this.mode, this.spelling, this.snapshot(), items);
    if (record.error) throw new Error(record.error);
    const changes: Record<string, unknown> = structuredClone(items);
    if (op !== 'set')
      for (const key of op === 'clear' ? [...this.replica.keys()] : keys) changes[key] = undefined;
    const touched = this.applyLocal(changes);
    if (touched.length > 0) this.hooks.wrote(this, touched);
    this.onCall?.(op);
  }

  private applyLocal(changes: Record<string, unknown>): string[] {
    const fired: Record<string, StorageChange> = {};
    for (const [key, value] of Object.entries(changes)) {
      const old = this.replica.get(key);
      if (value === undefined) this.replica.delete(key);
      else this.replica.set(key, value);
      this.pendingCommit.set(key, value);
      if (!same(old, value)) fired[key] = { oldValue: old, newValue: value };
    }
    this.fire(fired);
    return Object.keys(changes);
  }

  /**
   * Data arriving from sync: applied with the quota ignored (Chrome `IGNORE_QUOTA`, Firefox's merge: docs/testing.md,
   * "What storage.sync does"). Chrome reports only real changes; Firefox may report unchanged keys too: `spurious`.
   */
  applyIncoming(changes: Record<string, unknown>, spurious = false): void {
    const fired: Record<string, StorageChange> = {};
    for (const [key, value] of Object.entries(changes)) {
      const old = this.replica.get(key);
      if (value === undefined) this.replica.delete(key);
      else this.replica.set(key, structuredClone(value));
      if (spurious || !same(old, value)) fired[key] = { oldValue: old, newValue: value };
    }
    this.fire(fired);
  }

  listen(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private fire(changes: Record<string, StorageChange>): void {
    if (Object.keys(changes).length === 0) return;
    for (const listener of [...this.listeners]) listener(structuredClone(changes));
  }

  /** Our own write calls (set/remove/clear), by true time: for the budget property. */
  writeTimes(): number[] {
    return this.calls.map((c) => c.at);
  }

  /** Drops every listener: the extension was uninstalled or the profile closed. */
  forgetListeners(): void {
    this.listeners.clear();
  }
}
