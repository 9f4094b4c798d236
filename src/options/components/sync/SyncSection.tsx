import type { SyncStatus, SyncWarning } from '../../../core/sync-status';
import { t } from '../../../platform';
import { countText } from '../../format';
import { HeldList } from './HeldList';
import { KeptAside } from './KeptAside';
import { type SyncActions, useSyncReport } from './useSyncReport';

const KB = 1024;

/** Sync on/off, how full the browser's sync storage is, what syncs, the devices seen, and what needs attention. */
export function SyncSection() {
  const [report, actions] = useSyncReport();
  const enabled = report?.enabled ?? true;
  const status = report?.status;
  return (
    <section id="sync" aria-labelledby="sync-title" class="section card narrow">
      <h2 id="sync-title">{t('syncTitle')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={enabled}
          disabled={!report}
          onChange={(e) => actions.toggle(e.currentTarget.checked)}
        />
        {t('syncToggle')}
      </label>
      <p class="hint">{t('syncVendorNote')}</p>
      {(actions.error || report?.failure) && (
        <p role="alert" class="problem" data-testid="sync-failure">
          {actions.error || t('syncFailed', report?.failure ?? '')}
        </p>
      )}
      {enabled && status && <SyncFigures status={status} decide={actions.decide} />}
      {enabled && status === null && <p class="hint">{t('syncNotYet')}</p>}
      {report && !enabled && <p class="hint">{t('syncOff')}</p>}
      <KeptAside />
    </section>
  );
}

function SyncFigures({ status, decide }: { status: SyncStatus; decide: SyncActions['decide'] }) {
  const percent = status.quotaBytes > 0 ? Math.round((status.bytesUsed / status.quotaBytes) * 100) : 0;
  return (
    <div class="sync-figures" data-testid="sync-status" data-state={status.state}>
      <p class={`sync-state sync-${status.state}`}>{t(`syncState_${status.state.replace('-', '_')}`)}</p>
      <dl class="facts">
        <dt>{t('syncLastSynced')}</dt>
        <dd>{status.lastSyncedAt ? new Date(status.lastSyncedAt).toLocaleString() : t('syncNever')}</dd>
        <dt>{t('syncQuota')}</dt>
        <dd>
          <meter
            min={0}
            max={status.quotaBytes}
            low={status.quotaBytes * 0.7}
            high={status.quotaBytes * 0.9}
            value={status.bytesUsed}
          />{' '}
          {t('syncQuotaValue', [
            String(percent),
            (status.bytesUsed / KB).toFixed(1),
            (status.quotaBytes / KB).toFixed(0),
          ])}
        </dd>
        <dt>{t('syncCustomers')}</dt>
        <dd data-testid="sync-customers">
          {t('syncCustomersValue', [String(status.customersSynced), String(status.customersTotal)])}
        </dd>
        <dt>{t('syncDevices')}</dt>
        <dd>
          <ul class="plain">
            {status.devices.map((d) => (
              <li key={d.deviceId}>
                {d.self ? t('syncThisBrowser') : d.deviceId} · {new Date(d.lastSeenAt).toLocaleString()} · v
                {d.version}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {status.warnings.length > 0 && (
        <ul class="sync-warnings" aria-label={t('syncWarnings')}>
          {status.warnings.map((w) => (
            <li key={w.code} class="warning" data-code={w.code}>
              {warningText(w)}
              {w.code === 'full' && (
                <>
                  {' '}
                  <a href="#backup" target="_self">
                    {t('syncExportOffer')}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {(status.held?.length ?? 0) > 0 && <HeldList items={status.held ?? []} decide={decide} />}
    </div>
  );
}

function warningText(w: SyncWarning): string {
  switch (w.code) {
    case 'clock-skew':
      return t('syncWarnClock', [w.deviceId, String(Math.round(w.aheadMs / 3_600_000))]);
    case 'full':
      return countText('syncWarnFull', w.notSynced);
    case 'over-quota':
      return t('syncWarnOverQuota', (w.bytesUsed / KB).toFixed(1));
    case 'unavailable':
      return t('syncWarnUnavailable', w.reason);
    case 'quarantined':
      return t('syncWarnQuarantined', String(w.keys.length));
    case 'newer-version':
      return t('syncWarnNewer');
    case 'review':
      return countText('syncWarnReview', w.count);
    case 'rate-limited':
      return t('syncWarnRate', new Date(w.until).toLocaleTimeString());
    case 'held':
      return countText('syncWarnHeld', w.count);
  }
}
