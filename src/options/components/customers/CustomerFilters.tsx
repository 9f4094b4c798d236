import { stringsLanguage } from '../../../core/language';
import { pluralKey } from '../../../core/plural';
import { t } from '../../../platform';
import { countText, formatNumber } from '../../format';
import { AGE_BANDS, type Filters, NO_FILTERS, STATUS_FILTERS } from '../../table-rows';

interface Props {
  filters: Filters;
  onChange: (f: Filters) => void;
  shown: number;
  /** Undefined while only the first page is read: the whole count is not known yet. */
  total: number | undefined;
  followUpDays: number;
}

const AGE_KEYS: Record<Exclude<Filters['age'], 'all' | 'overdue'>, string> = {
  '0-6': 'age0to6',
  '7-29': 'age7to29',
  '30-89': 'age30to89',
  '90+': 'age90plus',
};

/** Search and the three filters; the count says how many rows they leave, for everyone (aria-live). */
export function CustomerFilters({ filters, onChange, shown, total, followUpDays }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <div class="filters">
      <div class="field grow">
        <label for="customer-search">{t('customerSearchLabel')}</label>
        <input
          id="customer-search"
          type="search"
          placeholder={t('searchPlaceholder')}
          value={filters.search}
          onInput={(e) => set({ search: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="filter-status">{t('colStatus')}</label>
        <select
          id="filter-status"
          value={filters.status}
          onChange={(e) => set({ status: e.currentTarget.value as Filters['status'] })}
        >
          <option value="all">{t('filterAll')}</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`status_${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-type">{t('colType')}</label>
        <select
          id="filter-type"
          value={filters.type}
          onChange={(e) => set({ type: e.currentTarget.value as Filters['type'] })}
        >
          <option value="all">{t('filterAll')}</option>
          <option value="reseller">{t('typeReseller')}</option>
          <option value="gdap">{t('typeGdap')}</option>
        </select>
      </div>
      <div class="field">
        <label for="filter-age">{t('filterAge')}</label>
        <select
          id="filter-age"
          value={filters.age}
          onChange={(e) => set({ age: e.currentTarget.value as Filters['age'] })}
        >
          <option value="all">{t('filterAll')}</option>
          {AGE_BANDS.map((a) => (
            <option key={a} value={a}>
              {a === 'overdue' ? t('ageOverdue', String(followUpDays)) : t(AGE_KEYS[a])}
            </option>
          ))}
        </select>
      </div>
      <div class="filter-summary">
        <span class="muted" aria-live="polite" data-testid="rows-shown">
          {total === undefined
            ? t('loading')
            : filtered
              ? t(pluralKey('rowsShownOf', total, stringsLanguage(t)), [
                  formatNumber(shown),
                  formatNumber(total),
                ])
              : countText('rowsTotal', total)}
        </span>
        {filtered && (
          <button type="button" class="link-button" onClick={() => onChange(NO_FILTERS)}>
            {t('clearFilters')}
          </button>
        )}
      </div>
    </div>
  );
}
