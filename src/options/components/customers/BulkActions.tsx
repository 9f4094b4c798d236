import { useState } from 'preact/hooks';
import { deleteCustomers } from '../../../db/customers';
import { bulkMarkAccepted, bulkMarkRemoved } from '../../../db/invitations';
import { t } from '../../../platform';
import { errorText } from '../../../ui/findings';
import { db } from '../../../ui/page-db';
import { countText } from '../../format';
import { bulkTargets, type TableRow } from '../../table-rows';
import { ConfirmDialog } from '../ConfirmDialog';

type Kind = 'accept' | 'remove' | 'delete';

interface Props {
  /** The selected rows that the filters show: hidden rows are never acted on. */
  chosen: readonly TableRow[];
  onDone: () => void;
}

const n = countText;

/** Bulk mark accepted / mark removed / delete, each confirmed in a dialog that says how many and what happens. */
export function BulkActions({ chosen, onDone }: Props) {
  const [kind, setKind] = useState<Kind | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const targets = bulkTargets(chosen);
  const count: Record<Kind, number> = {
    accept: targets.pending.length,
    remove: targets.accepted.length,
    delete: targets.customers.length,
  };

  const run = async (k: Kind) => {
    setBusy(true);
    try {
      setStatus(await apply(k, targets));
      onDone();
    } catch (error) {
      setStatus(errorText(error));
    } finally {
      setBusy(false);
      setKind(undefined);
    }
  };

  return (
    <div class="bulk-bar" role="toolbar" aria-label={t('bulkToolbar')}>
      <span class="bulk-count">{n('selectedRows', chosen.length)}</span>
      <button type="button" disabled={count.accept === 0} onClick={() => setKind('accept')}>
        {t('bulkAccept')}
      </button>
      <button type="button" disabled={count.remove === 0} onClick={() => setKind('remove')}>
        {t('bulkRemove')}
      </button>
      <button
        type="button"
        class="danger-outline"
        disabled={count.delete === 0}
        onClick={() => setKind('delete')}
      >
        {t('bulkDelete')}
      </button>
      <span role="status" class="status" data-testid="bulk-status">
        {status}
      </span>
      {kind && (
        <ConfirmDialog
          open
          busy={busy}
          danger={kind === 'delete'}
          title={n(`bulk_${kind}_title`, count[kind])}
          confirmLabel={t(`bulk_${kind}_confirm`)}
          onConfirm={() => run(kind)}
          onClose={() => setKind(undefined)}
        >
          <p>{t(`bulk_${kind}_body`)}</p>
          {kind !== 'delete' && chosen.length > count[kind] && (
            <p class="muted">{n(`bulk_${kind}_skipped`, chosen.length - count[kind])}</p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}

async function apply(kind: Kind, targets: ReturnType<typeof bulkTargets>): Promise<string> {
  if (kind === 'delete') {
    await deleteCustomers(db, targets.customers);
    return n('bulk_delete_done', targets.customers.length);
  }
  const result =
    kind === 'accept'
      ? await bulkMarkAccepted(db, targets.pending)
      : await bulkMarkRemoved(db, targets.accepted);
  // Between the dialog and the write another tab may have changed some: say so rather than hide it.
  const refused = result.rejected.length > 0 ? ` ${n('bulkRefused', result.rejected.length)}` : '';
  return n(`bulk_${kind}_done`, result.changed.length) + refused;
}
