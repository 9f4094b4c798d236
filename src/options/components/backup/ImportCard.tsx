import { useState } from 'preact/hooks';
import { type Backup, checkBackup, checkBackupSize } from '../../../core/backup';
import { importBackup } from '../../../db/backup';
import { type RecordCounts, recordCounts } from '../../../db/options-queries';
import { t } from '../../../platform';
import { errorText, findingText, problemsText } from '../../../ui/findings';
import { db } from '../../../ui/page-db';
import { countText, formatDateTime } from '../../format';
import { ConfirmDialog } from '../ConfirmDialog';

type Mode = 'merge' | 'replace';
type Picked = { name: string; backup: Backup };

/**
 * Import a backup: the file is checked whole as soon as it is chosen (a corrupt or foreign one is refused with
 * the reason, nothing changed), then merged or, after a confirmation saying what goes, replaces everything.
 */
export function ImportCard() {
  const [picked, setPicked] = useState<Picked | undefined>(undefined);
  const [mode, setMode] = useState<Mode>('merge');
  const [confirm, setConfirm] = useState<RecordCounts | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({ text: '' });

  const pick = async (file: File) => {
    setPicked(undefined);
    // Refused before reading: a huge file would freeze the page for nothing.
    const tooLarge = checkBackupSize(file.size);
    if (tooLarge) return setStatus({ text: findingText(tooLarge), error: true });
    const checked = checkBackup(await file.text());
    if (!checked.ok) return setStatus({ text: problemsText(checked.findings), error: true });
    setPicked({ name: file.name, backup: checked.backup });
    setStatus({ text: '' });
  };
  const start = async () => {
    if (mode !== 'replace') return run();
    try {
      setConfirm(await recordCounts(db));
    } catch (error) {
      setStatus({ text: errorText(error), error: true });
    }
  };
  const run = async () => {
    if (!picked) return;
    setBusy(true);
    try {
      await importBackup(db, picked.backup, mode);
      setStatus({ text: t(mode === 'merge' ? 'importMerged' : 'importReplaced') });
      setPicked(undefined);
    } catch (error) {
      setStatus({ text: errorText(error), error: true });
    } finally {
      setBusy(false);
      setConfirm(undefined);
    }
  };

  return (
    <div class="card">
      <h3>{t('importTitle')}</h3>
      <div class="field">
        <label for="backup-file">{t('backupFileLabel')}</label>
        <input
          id="backup-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="import-status"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file)
              void pick(file).catch((error: unknown) => setStatus({ text: errorText(error), error: true }));
          }}
        />
      </div>
      {picked && <BackupSummary picked={picked} />}
      <fieldset disabled={!picked || busy}>
        <legend>{t('importModeLegend')}</legend>
        <ModeChoice value="merge" mode={mode} onMode={setMode} />
        <ModeChoice value="replace" mode={mode} onMode={setMode} />
      </fieldset>
      <div class="actions">
        <button type="button" class="primary" disabled={!picked || busy} onClick={start}>
          {t(mode === 'merge' ? 'importMergeButton' : 'importReplaceButton')}
        </button>
        <p
          id="import-status"
          role="status"
          class={status.error ? 'problem' : 'status'}
          data-testid="import-status"
        >
          {status.text}
        </p>
      </div>
      {confirm && picked && (
        <ConfirmDialog
          open
          danger
          busy={busy}
          title={t('replaceTitle')}
          confirmLabel={t('replaceConfirm')}
          onConfirm={run}
          onClose={() => setConfirm(undefined)}
        >
          <p>
            {t('replaceBody', [
              countText('countCustomers', confirm.customers),
              countText('countInvitations', confirm.invitations),
              countText('countCustomers', picked.backup.customers.length),
              countText('countInvitations', picked.backup.invitations.length),
            ])}
          </p>
          <p class="muted">{t('replaceProfileNote')}</p>
          <p data-testid="replace-sync-note">{t('replaceSyncNote')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function ModeChoice({ value, mode, onMode }: { value: Mode; mode: Mode; onMode: (m: Mode) => void }) {
  return (
    <label class="check mode-choice">
      <input type="radio" name="import-mode" checked={mode === value} onChange={() => onMode(value)} />
      <span>
        <strong>{t(`importMode_${value}`)}</strong>
        <span class="hint block">{t(`importMode_${value}_hint`)}</span>
      </span>
    </label>
  );
}

function BackupSummary({ picked }: { picked: Picked }) {
  const b = picked.backup;
  return (
    <p class="note" data-testid="backup-summary">
      {t('backupSummary', [
        picked.name,
        formatDateTime(b.exportedAt),
        countText('countCustomers', b.customers.length),
        countText('countInvitations', b.invitations.length),
        countText('countEvents', b.events.length),
      ])}
    </p>
  );
}
