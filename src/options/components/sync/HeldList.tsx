import { useState } from 'preact/hooks';
import type { HeldDecision, HeldItem, HeldReason } from '../../../core/sync-status';
import { t } from '../../../platform';
import { findingText } from '../../../ui/findings';
import { countText } from '../../format';

const DAY = 86_400_000;
const SHOWN = 50;

/**
 * What sync held aside (docs/sync.md, "Held aside"), grouped by why: what it is, from which browser, why, and the
 * partner's way out. Deletions held for review offer a backup first; nothing here is lost by waiting.
 */
export function HeldList({
  items,
  decide,
}: {
  items: HeldItem[];
  decide: (keys: string[], decision: HeldDecision) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const act = (group: HeldItem[], decision: HeldDecision) => {
    setBusy(true);
    void decide(
      group.map((i) => i.key),
      decision,
    ).finally(() => setBusy(false));
  };
  const groups = (['mass-delete', 'clock-ahead', 'unreadable'] as HeldReason[])
    .map((reason) => [reason, items.filter((i) => i.reason === reason)] as const)
    .filter(([, group]) => group.length > 0);
  return (
    <div class="sync-held" data-testid="sync-held">
      <h3>{t('syncHeldTitle')}</h3>
      {groups.map(([reason, group]) => (
        <section key={reason} data-reason={reason} aria-label={heading(reason, group.length)}>
          <p class="warning">{heading(reason, group.length)}</p>
          <ul class="plain held-items">
            {group.slice(0, SHOWN).map((item) => (
              <li key={`${item.reason}|${item.key}`}>
                <HeldLine item={item} />
              </li>
            ))}
            {group.length > SHOWN && <li class="muted">{t('syncHeldMore', String(group.length - SHOWN))}</li>}
          </ul>
          <p class="actions">
            {reason === 'mass-delete' && (
              <>
                <a href="#backup" target="_self">
                  {t('syncHeldExportFirst')}
                </a>{' '}
                <button type="button" disabled={busy} onClick={() => act(group, 'keep')}>
                  {t('syncHeldKeep')}
                </button>{' '}
                <button type="button" disabled={busy} onClick={() => act(group, 'apply')}>
                  {t('syncHeldApplyDeletes')}
                </button>
              </>
            )}
            {reason === 'clock-ahead' && (
              <button type="button" disabled={busy} onClick={() => act(group, 'apply')}>
                {t('syncHeldApplyNow')}
              </button>
            )}
            {reason === 'unreadable' && (
              <button type="button" disabled={busy} onClick={() => act(group, 'dismiss')}>
                {t('syncHeldDismiss')}
              </button>
            )}
          </p>
        </section>
      ))}
    </div>
  );
}

function heading(reason: HeldReason, count: number): string {
  if (reason === 'mass-delete') return countText('syncHeldMassDelete', count);
  if (reason === 'clock-ahead') return countText('syncHeldAhead', count);
  return countText('syncHeldUnreadable', count);
}

function HeldLine({ item }: { item: HeldItem }) {
  const what = item.label ? `${item.label} (${item.table}/${item.id})` : `${item.table}/${item.id}`;
  const from = item.deviceId ? t('syncHeldFrom', item.deviceId) : t('syncHeldFromUnknown');
  const why =
    item.reason === 'clock-ahead' && item.aheadMs !== undefined
      ? countText('syncHeldAheadBy', Math.ceil(item.aheadMs / DAY))
      : item.problems.map((p) => findingText(p)).join(' ');
  return (
    <>
      <strong>{what}</strong> · {from} · {new Date(item.since).toLocaleString()}
      {why && <span class="held-why"> · {why}</span>}
    </>
  );
}
