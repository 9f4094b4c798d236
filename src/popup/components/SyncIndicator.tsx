import { useEffect, useState } from 'preact/hooks';
import { needsAttention } from '../../core/sync-status';
import { send } from '../../messages';
import { runtime, t, tabs } from '../../platform';

/**
 * Shown only when sync needs the partner (full, unavailable, a clock far off, a sync that failed…): the details are
 * in Options > Sync.
 */
export function SyncIndicator() {
  const [attention, setAttention] = useState(false);
  useEffect(() => {
    // Asked once the popup is idle: the answer wakes the worker, which would compete with the invite form's start.
    const ask = () =>
      send({ type: 'sync.status' }).then(
        ({ enabled, status, failure }) =>
          setAttention(failure !== undefined || (enabled && status !== null && needsAttention(status))),
        () => undefined,
      );
    const idle = requestIdleCallback(ask, { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, []);
  if (!attention) return null;
  return (
    <button
      type="button"
      class="link-button sync-attention"
      data-testid="sync-attention"
      onClick={() => tabs.create(runtime.url('src/options/index.html#sync'))}
    >
      ⚠ {t('syncAttention')}
    </button>
  );
}
