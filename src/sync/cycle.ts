/**
 * One sync (docs/sync.md, "One sync": a flush and a receive are the same thing here): read the whole area, merge
 * it into the local store, collect what may be collected, plan, and make at most one write call. Reads are free
 * (docs/sync.md, "Budgets and quotas"); a write happens only when the area lacks something this device has, which is also the anti-entropy step
 * that re-asserts an edit that lost a race at the server.
 */
import { maxHlc } from '../core/sync-clock';
import { isEmptyPlan, planDedupe } from '../core/sync-dedupe';
import { lastClock, type SyncRecord, tableIdKey } from '../core/sync-merge';
import { emptyStatus, type SyncStatus } from '../core/sync-status';
import { type CloudView, readCloud } from './cloud-view';
import { ownHighWater, updateAcks } from './device';
import { collectible, collectRefs, nextGcBefore, rejoinReview } from './gc';
import { type HeldRecord, heldData, heldItems, sortIncoming } from './hold';
import type { LocalStore, SyncMeta } from './local-store';
import { type Plan, planWrite } from './plan';
import { CHROME_LIMITS } from './quota';
import { buildStatus } from './report';
import { type Outcome, type WriteDeps, write } from './write';

export interface CycleDeps extends WriteDeps {
  store: LocalStore;
  now: () => number;
  version: string;
}

export interface CycleResult {
  status: SyncStatus;
  /** What this cycle wrote or removed (diagnostics; the engine learns it earlier, through `willWrite`). */
  written: Record<string, unknown>;
  removed: string[];
  /** Run again at this time: the budget was spent, a rate window must pass, or a second call is due. */
  runAt?: number;
}

interface Prepared {
  acks: Record<string, string>;
  gcBefore: string;
  review: string[];
  local: SyncRecord[];
  syncable: SyncRecord[];
}

/** Acks, tombstone collection and the rejoin review after the merge (docs/sync.md, "Device keys, acks and the outbox", docs/sync.md, "Tombstones and their collection"). */
async function prepare(store: LocalStore, meta: SyncMeta, view: CloudView, now: number): Promise<Prepared> {
  const me = meta.deviceId;
  const acks = updateAcks(meta.acks, view.devices, me);
  let local = await store.readAll();
  const published = view.manifest?.gc ?? '';
  const review = new Set(meta.review);
  if (published > meta.gcBefore) for (const key of rejoinReview(local, view, published)) review.add(key);
  const hw = ownHighWater(local, me);
  const gcBefore = nextGcBefore(view, { id: me, acks, hw, gcBefore: meta.gcBefore }, local, now);
  const refs = collectRefs(local, gcBefore);
  if (refs.length > 0) {
    await store.purge(refs);
    const gone = new Set(refs.map(tableIdKey));
    local = local.filter((r) => !gone.has(tableIdKey(r)));
  }
  const byKey = new Map(local.map((r) => [tableIdKey(r), r]));
  const kept = [...review].filter((key) => {
    const r = byKey.get(key);
    return r !== undefined && lastClock(r) <= gcBefore;
  });
  const held = new Set(kept);
  return {
    acks,
    gcBefore,
    review: kept.sort(),
    local,
    syncable: local.filter((r) => !held.has(tableIdKey(r))),
  };
}

/**
 * Merges what may be applied. Should the store throw on the batch (a record no check foresaw), each record is tried
 * on its own and those that still throw are held as unreadable: one record never stops the rest, nor the upload.
 */
async function applyAll(
  store: LocalStore,
  records: SyncRecord[],
  now: number,
): Promise<{ failed: HeldRecord[] }> {
  try {
    await store.applyRemote(records, now);
    return { failed: [] };
  } catch {
    const failed: HeldRecord[] = [];
    for (const r of records) {
      try {
        await store.applyRemote([r], now);
      } catch (error) {
        const message = `This browser could not store it: ${error instanceof Error ? error.message : String(error)}`;
        failed.push({
          key: tableIdKey(r),
          record: r,
          reason: 'unreadable',
          deviceId: '',
          source: 'storage.sync',
          problems: [{ code: 'apply-failed', message: message.slice(0, 300) }],
          since: now,
        });
      }
    }
    return { failed };
  }
}

export async function syncOnce(deps: CycleDeps): Promise<CycleResult> {
  const meta = await deps.store.readMeta();
  let raw: Record<string, unknown>;
  try {
    raw = await deps.area.get(null);
  } catch (error) {
    return unavailable(deps, meta, error);
  }
  const now = deps.now();
  const view = readCloud(raw, now);
  const known = maxHlc(meta.gcBefore, view.manifest?.gc);
  const sorting = sortIncoming({ view, local: await deps.store.readAll(), previous: meta.held ?? [], now });
  const { failed } = await applyAll(
    deps.store,
    sorting.apply.filter((r) => !collectible(r, known)),
    now,
  );
  const held = [...sorting.held, ...failed];
  // Customers two browsers created separately become one once they meet here (core/sync-dedupe.ts).
  const dedupe = planDedupe(await deps.store.readAll());
  if (!isEmptyPlan(dedupe)) await deps.store.dedupe(dedupe, now);
  const prepared = await prepare(deps.store, meta, view, now);
  const plan = planWrite({
    ...prepared,
    records: prepared.syncable,
    held: heldData(held),
    view,
    me: meta.deviceId,
    version: deps.version,
    now,
  });
  const outcome = await write(deps, plan, meta, raw, now);
  const status = await record(deps, { meta, prepared, view, plan, outcome, now, held });
  const result: CycleResult = { status, written: outcome.written, removed: outcome.removed };
  if (outcome.runAt !== undefined) result.runAt = outcome.runAt;
  return result;
}

interface Done {
  held: HeldRecord[];
  meta: SyncMeta;
  prepared: Prepared;
  view: CloudView;
  plan: Plan;
  outcome: Outcome;
  now: number;
}

/** The status for the user and the bookkeeping for the next sync, stored together. */
async function record(
  deps: CycleDeps,
  { meta, prepared, view, plan, outcome, now, held }: Done,
): Promise<SyncStatus> {
  const lastSyncedAt = outcome.synced ? now : meta.status?.lastSyncedAt;
  const status = buildStatus({
    local: prepared.local,
    view,
    plan,
    me: meta.deviceId,
    version: deps.version,
    now,
    area: outcome.area,
    review: prepared.review,
    held: heldItems(held, now),
    ...(lastSyncedAt !== undefined ? { lastSyncedAt } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
  });
  await deps.store.writeMeta({
    acks: prepared.acks,
    gcBefore: prepared.gcBefore,
    review: prepared.review,
    writeLog: outcome.log,
    retryAt: outcome.retryAt ?? (meta.retryAt > now ? meta.retryAt : 0),
    refusedPlan: outcome.synced ? '' : (outcome.refusedPlan ?? meta.refusedPlan),
    deviceDue: outcome.deviceDue ?? 0,
    quarantine: Object.fromEntries([...view.problems.keys()].map((k) => [k, view.raw[k]])),
    held,
    status,
  });
  return status;
}

async function unavailable(deps: CycleDeps, meta: SyncMeta, error: unknown): Promise<CycleResult> {
  const reason = error instanceof Error ? error.message : String(error);
  const previous = meta.status ?? emptyStatus(CHROME_LIMITS.QUOTA_BYTES);
  const status: SyncStatus = {
    ...previous,
    state: 'unavailable',
    warnings: [{ code: 'unavailable', reason }],
  };
  await deps.store.writeMeta({ status });
  return { status, written: {}, removed: [] };
}
