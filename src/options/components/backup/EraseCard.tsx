import { useState } from 'preact/hooks';
import { eraseAll } from '../../../db/backup';
import { type RecordCounts, recordCounts } from '../../../db/options-queries';
import { t } from '../../../platform';
import { errorText } from '../../../ui/findings';
import { db } from '../../../ui/page-db';
import { countText } from '../../format';
import { ConfirmDialog } from '../ConfirmDialog';
import { downloadBackup } from './ExportCard';

/** "Erase all data", for a partner leaving: confirmed by typing a word, with a last chance to export first. */
export function EraseCard() {
  const [counts, setCounts] = useState<RecordCounts | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const erase = async () => {
    setBusy(true);
    try {
      await eraseAll(db);
      setStatus(t('eraseDone'));
    } catch (error) {
      setStatus(errorText(error));
    } finally {
      setBusy(false);
      setCounts(undefined);
    }
  };
  return (
    <div class="card danger-zone">
      <h3>{t('eraseTitle')}</h3>
      <p class="hint">{t('eraseHint')}</p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          onClick={() => recordCounts(db).then(setCounts, (e: unknown) => setStatus(errorText(e)))}
        >
          {t('eraseButton')}
        </button>
        <span role="status" class="status" data-testid="erase-status">
          {status}
        </span>
      </div>
      {counts && (
        <ConfirmDialog
          open
          danger
          busy={busy}
          typed={t('eraseWord')}
          title={t('eraseTitle')}
          confirmLabel={t('eraseConfirm')}
          onConfirm={erase}
          onClose={() => setCounts(undefined)}
        >
          <p>
            {t('eraseBody', [
              countText('countCustomers', counts.customers),
              countText('countInvitations', counts.invitations),
              countText('countEvents', counts.events),
            ])}
          </p>
          <p>
            <button
              type="button"
              class="link-button"
              onClick={() =>
                downloadBackup().catch((error: unknown) => setStatus(t('exportFailed', errorText(error))))
              }
            >
              {t('eraseExportFirst')}
            </button>
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
