import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { now } from '../../../db/clock';
import { customerTable } from '../../../db/customer-table';
import { searchCustomerIds } from '../../../db/customers';
import { firstCustomerRows } from '../../../db/options-queries';
import { getTrackingSettings } from '../../../db/tracking-settings';
import { t } from '../../../platform';
import { useLive } from '../../../ui/useLive';
import { filterRows, NO_FILTERS, type Sort, sortRows, toTableRows } from '../../table-rows';
import { Charts } from '../charts/Charts';
import { BulkActions } from './BulkActions';
import { CustomerFilters } from './CustomerFilters';
import { CustomerPanel } from './CustomerPanel';
import { CustomerTable } from './CustomerTable';

/**
 * Customers read before the whole table: at least as many rows as the first render draws (the table shows at most
 * 12 rows of 48 px, `.ctable` in options.css, plus 8 of overscan). Each costs one index read of its invitations.
 */
const FIRST_PAGE = 20;

/**
 * Customers: charts, filters, bulk actions and the windowed table. The data is one live `customerTable()` read
 * (every customer with its invitations); filtering, sorting and selection are in memory, so they cost no query.
 * That read grows with the table (seconds at 100,000 customers), so the first rows come from a page read
 * (`firstCustomerRows`, company order) and the whole table is read once they have painted.
 */
export function CustomersSection() {
  const [wanted, setWanted] = useState(false);
  const table = useLive(async (db) => (wanted ? customerTable(db) : undefined), [wanted]);
  const loaded = table !== undefined;
  const page = useLive(async (db) => (loaded ? undefined : firstCustomerRows(db, FIRST_PAGE)), [loaded]);
  const followUpDays = useLive(async (db) => (await getTrackingSettings(db)).followUpDays);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [sort, setSort] = useState<Sort>({ key: 'company', dir: 'asc' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const anchor = useRef<number | undefined>(undefined);

  const source = table ?? page;
  const rows = useMemo(
    () => (source && followUpDays !== undefined ? toTableRows(source, now(), followUpDays) : undefined),
    [source, followUpDays],
  );
  // The search box asks the words index rather than scanning every row; an empty search narrows nothing.
  const found = useLive(
    async (db) => {
      const ids = await searchCustomerIds(db, filters.search);
      return ids && new Set(ids);
    },
    [filters.search],
  );
  const shown = useMemo(
    () => rows && sortRows(filterRows(rows, filters, filters.search.trim() ? found : undefined), sort),
    [rows, filters, found, sort],
  );
  const chosen = useMemo(() => shown?.filter((r) => selected.has(r.key)) ?? [], [shown, selected]);
  useFirstRenderMark(shown !== undefined);
  useAfterPaint(shown !== undefined, () => setWanted(true));

  const select = (keys: string[], on: boolean, range?: boolean, index?: number) => {
    // Shift+click extends from the last clicked row, as in a file manager.
    const from = anchor.current;
    const span =
      range && from !== undefined && index !== undefined && shown
        ? shown.slice(Math.min(from, index), Math.max(from, index) + 1).map((r) => r.key)
        : keys;
    if (index !== undefined) anchor.current = index;
    setSelected((s) => {
      const next = new Set(s);
      for (const k of span) on ? next.add(k) : next.delete(k);
      return next;
    });
  };
  const open = table?.find((r) => r.customer.id === openId);
  const openRows = open ? (rows ?? []).filter((r) => r.customer.id === openId) : [];

  return (
    <section id="customers" class="section" aria-labelledby="customers-title">
      <h2 id="customers-title">{t('customersTitle')}</h2>
      {table && <Charts table={table} type={filters.type} />}
      <div class="card wide">
        <CustomerFilters
          filters={filters}
          onChange={setFilters}
          shown={shown?.length ?? 0}
          total={loaded ? (rows?.length ?? 0) : undefined}
          followUpDays={followUpDays ?? 0}
        />
        <BulkActions chosen={chosen} onDone={() => setSelected(new Set())} />
        <div
          class={`table-and-panel${open ? ' with-panel' : ''}`}
          data-loaded={loaded && shown !== undefined}
        >
          {shown ? (
            <CustomerTable
              rows={shown}
              total={rows?.length ?? 0}
              sort={sort}
              onSort={setSort}
              selected={selected}
              onSelect={select}
              openId={openId}
              onOpen={(id) => setOpenId(id === openId ? undefined : id)}
            />
          ) : (
            <p class="muted table-loading">{t('loading')}</p>
          )}
          {open && <CustomerPanel entry={open} rows={openRows} onClose={() => setOpenId(undefined)} />}
        </div>
      </div>
    </section>
  );
}

/**
 * A User Timing mark when the table's rows are first in the DOM: the e2e test and `npm run bench` read it. A layout
 * effect runs in the same task as the DOM change, so whoever sees the rows also finds the mark.
 */
function useFirstRenderMark(ready: boolean) {
  useLayoutEffect(() => {
    if (ready) performance.mark('customers-table-rendered');
  }, [ready]);
}

/** Runs `then` once, after the frame that shows `ready` has painted (a task queued from an animation frame). */
function useAfterPaint(ready: boolean, then: () => void) {
  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(then, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready]);
}
