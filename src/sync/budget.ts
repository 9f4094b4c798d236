/**
 * Our own write budget (docs/sync.md, "Budgets and quotas"): at most 20 `set()`/`remove()` calls in any 60 s and 600 in any hour,
 * about a third of Chrome's 120/1,800 (docs/sync.md, "Budgets and quotas"). Sliding windows are stricter than Chrome's fixed ones, so a call we
 * allow can never be the one Chrome refuses for rate, whatever its window boundaries.
 */
import { OUR_LIMITS } from './quota';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface BudgetLimits {
  perMinute: number;
  perHour: number;
}

export const DEFAULT_BUDGET: BudgetLimits = {
  perMinute: OUR_LIMITS.writesPerMinute,
  perHour: OUR_LIMITS.writesPerHour,
};

/**
 * The log as of `now`: entries older than an hour dropped, entries in the future (the wall clock jumped back)
 * brought to `now`, so a clock change can neither free the budget nor block it for long.
 */
export function trimLog(log: readonly number[], now: number): number[] {
  return log
    .filter((t) => t > now - HOUR)
    .map((t) => Math.min(t, now))
    .sort((a, b) => a - b);
}

/** The earliest time a write may happen (`now` when the budget allows one now). */
export function nextWriteAt(
  log: readonly number[],
  now: number,
  limits: BudgetLimits = DEFAULT_BUDGET,
): number {
  const recent = trimLog(log, now);
  let at = now;
  const inMinute = recent.filter((t) => t > now - MINUTE);
  if (inMinute.length >= limits.perMinute) {
    at = Math.max(at, (inMinute[inMinute.length - limits.perMinute] ?? now) + MINUTE);
  }
  if (recent.length >= limits.perHour) {
    at = Math.max(at, (recent[recent.length - limits.perHour] ?? now) + HOUR);
  }
  return at;
}

export function recordWrite(log: readonly number[], now: number): number[] {
  return [...trimLog(log, now), now];
}
