import { useEffect, useState } from 'preact/hooks';
import type { HeldDecision } from '../../../core/sync-status';
import { type SyncReport, send } from '../../../messages';

const POLL_MS = 2_000;

/**
 * The worker's sync report, refreshed while the page is open: the engine's status lives in the worker (a page
 * cannot see storage.sync traffic), so the page asks rather than reads Dexie.
 */
export interface SyncActions {
  toggle: (enabled: boolean) => void;
  /** The partner's decision about held records; resolves once the worker has taken it into account. */
  decide: (keys: string[], decision: HeldDecision) => Promise<void>;
}

export function useSyncReport(): [SyncReport | undefined, SyncActions] {
  const [report, setReport] = useState<SyncReport | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const ask = () =>
      send({ type: 'sync.status' }).then(
        (r) => live && setReport(r),
        () => undefined,
      );
    void ask();
    const timer = setInterval(ask, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  const toggle = (enabled: boolean) => void send({ type: 'sync.enable', enabled }).then(setReport);
  const decide = (keys: string[], decision: HeldDecision) =>
    send({ type: 'sync.decide', keys, decision }).then(setReport);
  return [report, { toggle, decide }];
}
