import { t } from '../../platform';
import type { Glance } from '../glance';

/** Three numbers; a dash until the first read, so the frame paints before the data. */
export function GlanceTiles({ glance }: { glance: Glance | undefined }) {
  const tile = (id: string, label: string, value: number | undefined, title?: string) => (
    <div class={`tile tile-${id}`} data-alert={id === 'overdue' && (value ?? 0) > 0} title={title}>
      <dt>{label}</dt>
      <dd data-testid={`count-${id}`}>{value ?? '–'}</dd>
    </div>
  );
  const days = String(glance?.followUpDays ?? '…');
  return (
    <dl class="glance" aria-label={t('glanceLabel')}>
      {tile('pending', t('countPending'), glance?.pending)}
      {tile('overdue', t('countOverdue'), glance?.overdue, t('countOverdueHint', days))}
      {tile('accepted', t('countAccepted'), glance?.acceptedRecently)}
    </dl>
  );
}
