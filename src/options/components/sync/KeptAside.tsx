import { useEffect, useState } from 'preact/hooks';
import { forgetKeptAside, keptAside } from '../../../db/sync-meta';
import { t } from '../../../platform';
import { errorText } from '../../../ui/findings';
import { db } from '../../../ui/page-db';

/**
 * Values of sync's own bookkeeping that did not read and were kept aside when sync started them afresh
 * (docs/sync.md, "Bookkeeping that does not read"). Nothing needs doing; the partner may let them go.
 */
export function KeptAside() {
  const [fields, setFields] = useState<string[]>([]);
  const [error, setError] = useState('');
  const read = () => keptAside(db).then(setFields, (e: unknown) => setError(errorText(e)));
  useEffect(() => void read(), []);
  if (fields.length === 0 && !error) return null;
  const forget = () => forgetKeptAside(db).then(read, (e: unknown) => setError(errorText(e)));
  return (
    <div role="status" data-testid="sync-kept-aside">
      {fields.length > 0 && (
        <>
          <p class="hint">{t('syncKeptAside', fields.join(', '))}</p>
          <p class="actions">
            <button type="button" onClick={forget}>
              {t('syncKeptAsideForget')}
            </button>
          </p>
        </>
      )}
      {error && (
        <p role="alert" class="problem">
          {error}
        </p>
      )}
    </div>
  );
}
