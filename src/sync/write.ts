/**
 * The write step of a sync (docs/sync.md, "One sync", step 5): at most one call, within our budget, never the same
 * refused plan twice, and a classified answer to every error (docs/sync.md, "Budgets and quotas").
 */

import type { SyncWarning } from '../core/sync-status';
import type { SyncArea } from './area';
import { type BudgetLimits, nextWriteAt, recordWrite } from './budget';
import { deviceKey, parseKey } from './codec';
import type { SyncMeta } from './local-store';
import type { Plan } from './plan';
import { classifySyncError, isQuotaError, totalBytes } from './quota';
import { fnv1a32 } from './shards';

export interface WriteDeps {
  area: SyncArea;
  budget: BudgetLimits;
  /** Told what is about to be written, before the call: the browser fires `onChanged` for it during the call. */
  willWrite?: (set: Record<string, unknown>, removed: string[]) => void;
}

export interface Outcome {
  log: number[];
  area: Record<string, unknown>;
  written: Record<string, unknown>;
  removed: string[];
  synced: boolean;
  runAt?: number;
  retryAt?: number;
  refusedPlan?: string;
  /** When a deferred device-key-only write is due (0: none pending). */
  deviceDue?: number;
  error?: SyncWarning;
}

/** What a plan would write, for "refused before": our device key's content (its time, acks) does not count. */
function fingerprint(set: Record<string, unknown>): string {
  const keys = Object.keys(set).sort();
  const values = keys.map((k) => (parseKey(k)?.kind === 'device' ? '' : set[k]));
  return keys.length ? `${keys.join(',')}#${fnv1a32(JSON.stringify(values))}` : '';
}

function failure(error: unknown, now: number, base: Outcome, plan: string): Outcome {
  const kind = classifySyncError(error);
  if (kind === 'rate-minute' || kind === 'rate-hour' || kind === 'unknown') {
    const until = now + (kind === 'rate-hour' ? 3_600_000 : 60_000);
    return { ...base, retryAt: until, runAt: until, error: { code: 'rate-limited', until } };
  }
  if (isQuotaError(kind)) {
    return { ...base, refusedPlan: plan, error: { code: 'over-quota', bytesUsed: totalBytes(base.area) } };
  }
  return {
    ...base,
    error: { code: 'unavailable', reason: error instanceof Error ? error.message : String(error) },
  };
}

/** Acks and a shrinking outbox are not urgent (docs/sync.md, "Device keys, acks and the outbox"). A write of nothing but our device key waits this long, so
 * that an ack does not make the editing device write again at once (which would defeat its debounce). */
export const DEVICE_ONLY_DELAY_MS = 5 * 60_000;

/** Why this cycle writes nothing now (an outcome), or undefined when it may write. */
function gate(
  deps: WriteDeps,
  plan: Plan,
  meta: SyncMeta,
  base: Outcome,
  removing: string[],
  now: number,
): Outcome | undefined {
  const keys = Object.keys(plan.set);
  if (removing.length === 0 && (keys.length === 0 || plan.blocked))
    return { ...base, synced: keys.length === 0 };
  const print = removing.length ? '' : fingerprint(plan.set);
  if (print && print === meta.refusedPlan) {
    // Refused for size before: not sent again until something changes (docs/sync.md, "Budgets and quotas").
    const error: SyncWarning = { code: 'over-quota', bytesUsed: totalBytes(base.area) };
    return { ...base, refusedPlan: print, error };
  }
  if (
    removing.length === 0 &&
    keys.length === 1 &&
    keys[0] === deviceKey(meta.deviceId) &&
    !plan.deviceUrgent
  ) {
    const due = meta.deviceDue || now + DEVICE_ONLY_DELAY_MS;
    if (due > now) return { ...base, synced: true, deviceDue: due, runAt: due };
  }
  const at = Math.max(nextWriteAt(meta.writeLog, now, deps.budget), meta.retryAt);
  return at > now ? { ...base, runAt: at, deviceDue: meta.deviceDue } : undefined;
}

/** At most one write call: the planned `set()`, or the surplus `remove()` when the set is done or cannot fit yet. */
export async function write(
  deps: WriteDeps,
  plan: Plan,
  meta: SyncMeta,
  raw: Record<string, unknown>,
  now: number,
): Promise<Outcome> {
  const removing = plan.removeFirst || plan.blocked || Object.keys(plan.set).length === 0 ? plan.surplus : [];
  const base: Outcome = { log: meta.writeLog, area: raw, written: {}, removed: [], synced: false };
  const wait = gate(deps, plan, meta, base, removing, now);
  if (wait) return wait;
  const log = recordWrite(meta.writeLog, now);
  try {
    if (removing.length > 0) {
      deps.willWrite?.({}, removing);
      await deps.area.remove(removing);
      const area = { ...raw };
      for (const key of removing) delete area[key];
      return { ...base, log, area, removed: removing, runAt: now };
    }
    deps.willWrite?.(plan.set, []);
    await deps.area.set(plan.set);
    const again = plan.surplus.length > 0 ? now : undefined;
    return { ...base, log, area: { ...raw, ...plan.set }, written: plan.set, synced: true, runAt: again };
  } catch (error) {
    return failure(error, now, { ...base, log }, removing.length ? '' : fingerprint(plan.set));
  }
}
