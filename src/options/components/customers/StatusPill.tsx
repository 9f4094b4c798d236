import { t } from '../../../platform';
import type { RowStatus } from '../../table-rows';

/** A status in words and colour (the colour is never the only signal). */
export function StatusPill({ status, overdue }: { status: RowStatus; overdue?: boolean }) {
  if (status === 'none') return <span class="muted">{t('statusNone')}</span>;
  return (
    <span class="status-cell">
      <span class={`pill pill-${status}`}>{t(`status_${status}`)}</span>
      {overdue && <span class="pill pill-overdue">{t('overdue')}</span>}
    </span>
  );
}

/** "Reseller", "Indirect reseller" or "GDAP": the link type, labelled everywhere (docs/partner-center.md, "Link formats"). */
export function typeLabel(linkType: string | undefined): string {
  if (linkType === 'gdap') return t('typeGdap');
  if (linkType === 'indirect-reseller') return t('typeIndirectReseller');
  return linkType ? t('typeReseller') : '—';
}
