import { t } from '../../../platform';
import { formatDate, formatNumber } from '../../format';
import type { TableRow } from '../../table-rows';
import { StatusPill, typeLabel } from './StatusPill';

interface RowProps {
  row: TableRow;
  index: number;
  checked: boolean;
  open: boolean;
  onSelect: (keys: string[], on: boolean, range?: boolean, index?: number) => void;
  onOpen: (customerId: string) => void;
}

/** One invitation's row: select box, company (opens the panel), type, status, days waiting, last send. */
export function CustomerRowView({ row, index, checked, open, onSelect, onOpen }: RowProps) {
  const c = row.customer;
  const inv = row.invitation;
  const who = [c.contactName, c.email || c.domain].filter(Boolean).join(' · ');
  return (
    <tr
      class={`trow${checked ? ' selected' : ''}${open ? ' open' : ''}`}
      data-index={index}
      aria-rowindex={index + 2}
    >
      <td class="cell-check">
        <input
          type="checkbox"
          data-col="select"
          aria-label={t('selectRow', [c.companyName, typeLabel(inv?.linkType)])}
          checked={checked}
          onClick={(e) => onSelect([row.key], e.currentTarget.checked, e.shiftKey, index)}
        />
      </td>
      <td>
        <div class="cell-company">
          <button
            type="button"
            class="row-open"
            data-col="open"
            data-customer={c.id}
            aria-expanded={open}
            aria-controls="customer-panel"
            onClick={() => onOpen(c.id)}
          >
            {c.companyName}
          </button>
          <span class="muted ellipsis">
            {who}
            {c.servedByAnotherPartner && <span class="flag">{t('flagOtherPartner')}</span>}
            {inv?.adminAccessRemoved && <span class="flag">{t('flagAdminRemoved')}</span>}
          </span>
        </div>
      </td>
      <td>{typeLabel(inv?.linkType)}</td>
      <td>
        <StatusPill status={row.status} overdue={row.overdue} />
      </td>
      <td class="num">
        {row.daysWaiting !== undefined ? formatNumber(row.daysWaiting) : '—'}
        {row.gdapDaysLeft !== undefined && (
          <span class="muted"> {t('gdapDaysLeftShort', formatNumber(row.gdapDaysLeft))}</span>
        )}
      </td>
      <td>{inv?.lastSentAt ? formatDate(inv.lastSentAt) : '—'}</td>
    </tr>
  );
}
