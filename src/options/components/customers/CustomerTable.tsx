import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../platform';
import { countText } from '../../format';
import { FIRST_DIR, type Sort, type SortKey, type TableRow } from '../../table-rows';
import { VirtualTable } from '../VirtualTable';
import { CustomerRowView } from './CustomerRowView';

/** Must match `.trow { height }` in options.css. */
export const ROW_HEIGHT = 48;

interface Props {
  rows: readonly TableRow[];
  total: number;
  sort: Sort;
  onSort: (sort: Sort) => void;
  selected: ReadonlySet<string>;
  onSelect: (keys: string[], on: boolean, range?: boolean, index?: number) => void;
  openId?: string;
  onOpen: (customerId: string) => void;
}

const COLUMNS: { key: SortKey | undefined; label: string }[] = [
  { key: 'company', label: 'colCompany' },
  { key: undefined, label: 'colType' },
  { key: 'status', label: 'colStatus' },
  { key: 'daysWaiting', label: 'colDaysWaiting' },
  { key: 'lastSent', label: 'colLastSent' },
];

const WIDTHS = ['40px', 'auto', '140px', '190px', '130px', '130px'];

/** The customers table: sortable headers, a select-all box, and a windowed body (only visible rows in the DOM). */
export function CustomerTable({ rows, total, sort, onSort, selected, onSelect, openId, onOpen }: Props) {
  const all = useRef<HTMLInputElement>(null);
  const chosen = rows.reduce((n, r) => n + (selected.has(r.key) ? 1 : 0), 0);
  useEffect(() => {
    if (all.current) all.current.indeterminate = chosen > 0 && chosen < rows.length;
  }, [chosen, rows.length]);
  const head = (
    <>
      <th class="cell-check">
        <input
          ref={all}
          type="checkbox"
          aria-label={countText('selectAllShown', rows.length)}
          checked={rows.length > 0 && chosen === rows.length}
          disabled={rows.length === 0}
          onChange={(e) =>
            onSelect(
              rows.map((r) => r.key),
              e.currentTarget.checked,
            )
          }
        />
      </th>
      {COLUMNS.map((c) => (
        <SortHeader key={c.label} column={c} sort={sort} onSort={onSort} />
      ))}
    </>
  );

  return (
    <>
      <VirtualTable
        class="ctable"
        testId="customer-rows"
        label={t('customersTitle')}
        items={rows}
        rowHeight={ROW_HEIGHT}
        widths={WIDTHS}
        head={head}
        renderRow={(row, index) => (
          <CustomerRowView
            key={row.key}
            row={row}
            index={index}
            checked={selected.has(row.key)}
            open={openId === row.customer.id}
            onSelect={onSelect}
            onOpen={onOpen}
          />
        )}
      />
      {rows.length === 0 && <p class="empty">{total === 0 ? t('noCustomersYet') : t('noRowsMatch')}</p>}
    </>
  );
}

function SortHeader(props: { column: (typeof COLUMNS)[number]; sort: Sort; onSort: (s: Sort) => void }) {
  const { column, sort, onSort } = props;
  const label = t(column.label);
  if (!column.key) return <th scope="col">{label}</th>;
  const key = column.key;
  const active = sort.key === key;
  const next = () =>
    onSort(active ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: FIRST_DIR[key] });
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="sort" onClick={next}>
        {label}
        <span aria-hidden="true" class="sort-mark">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
