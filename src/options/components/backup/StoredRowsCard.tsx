import { useEffect, useState } from 'preact/hooks';
import { checkStoredRowsOnce, type StoredCheck } from '../../../db/stored-check';
import { manifestVersion, pageStorage, t } from '../../../platform';
import { findingText } from '../../../ui/findings';
import { db } from '../../../ui/page-db';

/** Rows listed in full; a longer list says how many more (the backup holds them all). */
const SHOWN = 20;

/**
 * Stored records another version of the extension left in a shape this one cannot read (db/stored-check.ts). It
 * runs once the page is idle, so the customers table paints first, and once per version when it finds none; it
 * reads, never repairs.
 */
export function StoredRowsCard() {
  const [check, setCheck] = useState<StoredCheck | { failed: string }>();
  useEffect(() => {
    const id = setTimeout(() => {
      checkStoredRowsOnce(db, manifestVersion(), pageStorage()).then(setCheck, (error: unknown) =>
        setCheck({ failed: String(error) }),
      );
    }, 1500);
    return () => clearTimeout(id);
  }, []);
  if (check === undefined || ('unreadable' in check && check.unreadable.length === 0)) return null;
  if ('failed' in check)
    return (
      <div class="card" role="status" data-testid="stored-rows">
        <p class="warning">{t('storedRowsCheckFailed', check.failed)}</p>
      </div>
    );
  const { unreadable } = check;
  return (
    <div class="card" role="status" data-testid="stored-rows">
      <h3>{t('storedRowsTitle', String(unreadable.length))}</h3>
      <p class="warning">{t('storedRowsHint')}</p>
      <ul>
        {unreadable.slice(0, SHOWN).map((row) => (
          <li key={`${row.table}/${row.id}`} data-row={`${row.table}/${row.id}`}>
            {t(`storedRowsTable_${row.table}`)} <code>{row.id}</code>:{' '}
            {row.problems.map((p) => findingText(p)).join(' ')}
          </li>
        ))}
      </ul>
      {unreadable.length > SHOWN && (
        <p class="hint">{t('storedRowsMore', String(unreadable.length - SHOWN))}</p>
      )}
    </div>
  );
}
