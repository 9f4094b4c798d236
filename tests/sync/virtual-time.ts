/**
 * A virtual clock and event queue for the sync tests (docs/testing.md, "The fake cloud"): no real timer ever waits.
 * Each browser sees the same virtual time plus its own clock offset (clock skew); timer durations are not skewed.
 */
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { Timers } from '../../src/sync/area';

interface Task {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** 1 Nov 2026, so clocks look like real ones. */
export const T0 = Date.UTC(2026, 10, 1);

export class VirtualTime {
  now = T0;
  private seq = 0;
  private queue: Task[] = [];

  schedule(fn: () => void, delayMs: number): Task {
    const task = { at: this.now + Math.max(0, delayMs), seq: this.seq++, fn, cancelled: false };
    const i = this.queue.findIndex((t) => t.at > task.at);
    if (i < 0) this.queue.push(task);
    else this.queue.splice(i, 0, task);
    return task;
  }

  cancel(task: unknown): void {
    if (task && typeof task === 'object' && 'cancelled' in task) (task as Task).cancelled = true;
  }

  /** Timers for one browser whose wall clock is `offset()` ms off. */
  timers(offset: () => number = () => 0): Timers {
    return {
      now: () => this.now + offset(),
      setTimeout: (fn, ms) => this.schedule(fn, ms),
      clearTimeout: (handle) => this.cancel(handle),
    };
  }

  /** Lets every promise chain started so far run to its next wait on virtual time. */
  async settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await nextMacrotask();
  }

  pending(): number {
    return this.queue.filter((t) => !t.cancelled).length;
  }

  /** Time of the next live task, or undefined. */
  nextAt(): number | undefined {
    return this.queue.find((t) => !t.cancelled)?.at;
  }

  /** Advances time a millisecond at a time until `promise` settles (a fake storage call takes 1 ms). */
  async resolve<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => {
      settled = true;
    });
    watched.catch(() => {});
    for (let i = 0; i < 1_000 && !settled; i++) await this.advance(1);
    return watched;
  }

  /** Runs every task due within `ms`, in order, settling promises after each; then sets the clock to the end. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    await this.settle();
    for (;;) {
      const task = this.queue[0];
      if (!task || task.at > end) break;
      this.queue.shift();
      if (task.cancelled) continue;
      this.now = Math.max(this.now, task.at);
      task.fn();
      await this.settle();
    }
    this.now = end;
  }
}
