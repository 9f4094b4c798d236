import { useState } from 'preact/hooks';
import { now } from '../../../db/clock';
import { customersCsv } from '../../../db/customers-csv';
import { t } from '../../../platform';
import { errorText } from '../../../ui/findings';
import { db } from '../../../ui/page-db';
import { saveBackup } from '../../../ui/save-backup';
import { datedName, downloadText } from '../../download';

/** Saves the whole database as JSON (the backup Import reads back), or the customers as CSV for a spreadsheet. */
export const downloadBackup = saveBackup;

export function ExportCard() {
  const [status, setStatus] = useState('');
  const run = (action: () => Promise<void>, done: string) =>
    action().then(
      () => setStatus(done),
      (error: unknown) => setStatus(errorText(error)),
    );
  const csv = async () =>
    downloadText(
      datedName('reseller-invite-customers', 'csv', now()),
      await customersCsv(db),
      'text/csv;charset=utf-8',
    );
  return (
    <div class="card">
      <h3>{t('exportTitle')}</h3>
      <p class="hint">{t('exportHint')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => run(downloadBackup, t('exportDone'))}>
          {t('exportBackup')}
        </button>
        <button type="button" onClick={() => run(csv, t('exportCsvDone'))}>
          {t('exportCsv')}
        </button>
        <span role="status" class="status" data-testid="export-status">
          {status}
        </span>
      </div>
    </div>
  );
}
