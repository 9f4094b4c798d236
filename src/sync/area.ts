/**
 * What the engine needs from `storage.sync` and from time. The engine never touches `browser.*` itself: the
 * background passes the real area (through platform.ts), tests pass the fake cloud of docs/sync.md, "What is guaranteed, and what is not".
 */

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export type ChangeListener = (changes: Record<string, StorageChange>) => void;

/** The `StorageArea` shape of `storage.sync`, minus `clear()`, which the engine must never call (docs/sync.md, "Wire format", Tabsets#13). */
export interface SyncArea {
  /** `null` reads every key. Reads are not rate-limited (docs/sync.md, "Budgets and quotas"). */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  /** All-or-nothing; rejects with the browser's error message (docs/sync.md, "Budgets and quotas"). */
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Chrome's ground truth for the bytes in use (docs/sync.md, "Budgets and quotas"); optional because Firefox only has it since 78. */
  getBytesInUse?(keys: string[] | null): Promise<number>;
  /** Registers a listener for changes to this area (local and incoming); returns a function that removes it. */
  onChanged(listener: ChangeListener): () => void;
}

/** Injectable time, so tests run on a virtual clock and never wait on a real `setTimeout`. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
