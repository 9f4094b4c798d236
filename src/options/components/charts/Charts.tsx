import { useMemo } from 'preact/hooks';
import { funnel, timeToAccept } from '../../../core/charts';
import type { Invitation, InvitationType } from '../../../core/status';
import type { CustomerTableRow } from '../../../db/customer-table';
import { t } from '../../../platform';
import { AcceptChart } from './AcceptChart';
import { FunnelChart } from './FunnelChart';

/** The two charts over the invitations of the table's type filter (both types when it shows all). */
export function Charts({
  table,
  type,
}: {
  table: readonly CustomerTableRow[];
  type: InvitationType | 'all';
}) {
  const data = useMemo(() => {
    const invitations: Invitation[] = [];
    for (const r of table) {
      if (r.reseller && type !== 'gdap') invitations.push(r.reseller);
      if (r.gdap && type !== 'reseller') invitations.push(r.gdap);
    }
    return { funnel: funnel(invitations), accept: timeToAccept(invitations) };
  }, [table, type]);
  const scope = type === 'all' ? t('chartsScopeAll') : t(type === 'gdap' ? 'typeGdap' : 'typeReseller');
  return (
    <div class="charts">
      <div class="chart-card">
        <h3>
          {t('funnelTitle')} <span class="muted">· {scope}</span>
        </h3>
        <FunnelChart counts={data.funnel} />
      </div>
      <div class="chart-card">
        <h3>
          {t('acceptTitle')} <span class="muted">· {scope}</span>
        </h3>
        <AcceptChart data={data.accept} />
      </div>
    </div>
  );
}
