import { useEffect, useState } from 'preact/hooks';
import type { HeldDecision } from '../../../core/sync-status';
import { type SyncReport, send } from '../../../messages';
import { errorText } from '../../../ui/findings';

const POLL_MS = 2_000;

/**
 * The worker's sync report, refreshed while the page is open: the engine's status lives in the worker (a page
 * cannot see storage.sync traffic), so the page asks rather than reads Dexie.
 */
export interface SyncActions {
  toggle: (enabled: boolean) => void;
  /** The partner's decision about held records; resolves once the worker has taken it into account. */
  decide: (keys: string[], decision: HeldDecision) => Promise<void>;
  /** Why the last toggle or decision did not reach the worker; '' when it did. */
  error: string;
}

export function useSyncReport(): [SyncReport | undefined, SyncActions] {
  const [report, setReport] = useState<SyncReport | undefined>(undefined);
  const [error, setError] = useState('');
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
  // Each action settles: its answer replaces the report, its failure is said beside the switch.
  const answered = (r: SyncReport) => {
    setReport(r);
    setError('');
  };
  const refused = (e: unknown) => setError(errorText(e));
  const toggle = (enabled: boolean) => void send({ type: 'sync.enable', enabled }).then(answered, refused);
  const decide = (keys: string[], decision: HeldDecision) =>
    send({ type: 'sync.decide', keys, decision }).then(answered, refused);
  return [report, { toggle, decide, error }];
}
