import type { PlanEntry, ReconcilePlan } from '../../../core/reconcile';
import type { CustomerRow } from '../../../db/db';
import { t } from '../../../platform';
import { changeKey } from '../../reconcile-review';
import { VirtualTable } from '../VirtualTable';

/** Must match `.rrow { height }` in options.css. */
const ROW_HEIGHT = 44;
const MATCH_WIDTHS = ['40px', 'auto', '120px', '26%', '30%'];
const ADDITION_WIDTHS = ['40px', 'auto', '300px', '130px', '24%'];
/** Notes that need the partner's eye (the row is not ticked by default); the others only inform. */
const DOUBTS = new Set(['name-only', 'tenant-conflict', 'not-reseller']);
const doubt = (note: string | undefined) => (note !== undefined && DOUBTS.has(note) ? ' doubt' : '');

const BY_KEY = { tenantId: 'byTenantId', domain: 'byDomain', name: 'byName' } as const;

function noteText(entry: { note?: string }, relationship: string): string | undefined {
  if (!entry.note) return undefined;
  if (entry.note === 'not-reseller') return t('note_not_reseller', relationship || '—');
  return t(`note_${entry.note.replace(/-/g, '_')}`);
}

interface MatchProps {
  plan: ReconcilePlan;
  changes: number[];
  customers: ReadonlyMap<string, CustomerRow>;
  onToggle: (index: number, apply: boolean) => void;
}

/** The matched rows that change something: local customer, export name, how matched, what applying does. */
export function MatchList({ plan, changes, customers, onToggle }: MatchProps) {
  return (
    <VirtualTable
      class="rtable"
      testId="review-matches"
      label={t('reviewMatches')}
      items={changes}
      rowHeight={ROW_HEIGHT}
      widths={MATCH_WIDTHS}
      head={
        <>
          <th class="cell-check">
            <span class="visually-hidden">{t('colApply')}</span>
          </th>
          <th scope="col">{t('colCustomer')}</th>
          <th scope="col">{t('colMatchedBy')}</th>
          <th scope="col">{t('colChange')}</th>
          <th scope="col">{t('colNote')}</th>
        </>
      }
      renderRow={(planIndex, i) => {
        const e = plan.matches[planIndex] as PlanEntry;
        const row = plan.rows[e.rowIndex];
        const local = customers.get(e.customerId)?.companyName ?? '?';
        const note = noteText(e, row?.relationship ?? '');
        const fill = Object.keys(e.fill).length > 0 && e.action !== 'none';
        return (
          <tr class={`rrow${doubt(e.note)}`} key={planIndex} data-index={i} aria-rowindex={i + 2}>
            <td class="cell-check">
              <input
                type="checkbox"
                data-col="apply"
                checked={e.apply}
                aria-label={t('applyFor', local)}
                onChange={(ev) => onToggle(planIndex, ev.currentTarget.checked)}
              />
            </td>
            <td>
              <div class="cell-company">
                <strong class="ellipsis">{local}</strong>
                {row && row.companyName !== local && (
                  <span class="muted ellipsis">{t('exportName', row.companyName)}</span>
                )}
              </div>
            </td>
            <td>
              <span class={`tag small by-${e.by}`}>{t(BY_KEY[e.by])}</span>
            </td>
            <td class="ellipsis">
              {t(changeKey(e))}
              {fill && <span class="muted"> {t('changeFillToo')}</span>}
            </td>
            <td class="note-cell ellipsis" title={note}>
              {note}
            </td>
          </tr>
        );
      }}
    />
  );
}

interface AdditionProps {
  plan: ReconcilePlan;
  onToggle: (index: number, apply: boolean) => void;
}

/** Export rows unknown locally, offered as new accepted customers. */
export function AdditionList({ plan, onToggle }: AdditionProps) {
  return (
    <VirtualTable
      class="rtable"
      testId="review-additions"
      label={t('reviewAdditions')}
      items={plan.additions}
      rowHeight={ROW_HEIGHT}
      widths={ADDITION_WIDTHS}
      head={
        <>
          <th class="cell-check">
            <span class="visually-hidden">{t('colApply')}</span>
          </th>
          <th scope="col">{t('colCustomer')}</th>
          <th scope="col">{t('tenantLabel')}</th>
          <th scope="col">{t('colRelationship')}</th>
          <th scope="col">{t('colNote')}</th>
        </>
      }
      renderRow={(a, i) => {
        const row = plan.rows[a.rowIndex];
        const note = row && noteText(a, row.relationship);
        return (
          <tr class={`rrow${doubt(a.note)}`} key={a.rowIndex} data-index={i} aria-rowindex={i + 2}>
            <td class="cell-check">
              <input
                type="checkbox"
                data-col="apply"
                checked={a.apply}
                aria-label={t('addCustomerFor', row?.companyName ?? '')}
                onChange={(ev) => onToggle(i, ev.currentTarget.checked)}
              />
            </td>
            <td>
              <div class="cell-company">
                <strong class="ellipsis">{row?.companyName}</strong>
                <span class="muted ellipsis">{row?.domain}</span>
              </div>
            </td>
            <td class="mono ellipsis">{row?.tenantId}</td>
            <td class="ellipsis">{row?.relationship}</td>
            <td class="note-cell ellipsis" title={note}>
              {note}
            </td>
          </tr>
        );
      }}
    />
  );
}
