import type { Refused } from '../../../core/problem';
import type { Invitation } from '../../../core/status';
import {
  type Changed,
  endRelationship,
  markAccepted,
  reopen,
  setAdminAccessRemoved,
  withdraw,
} from '../../../db/invitations';
import { t } from '../../../platform';
import { db } from '../../../ui/page-db';
import { formatDate, formatNumber } from '../../format';
import type { TableRow } from '../../table-rows';
import { StatusPill, typeLabel } from './StatusPill';

/** Runs one transition of the open customer and reports it (the panel offers Undo for 10 seconds). */
export type RunAction = (action: () => Promise<Changed | Refused>, done: string) => void;

interface Props {
  row: TableRow & { invitation: Invitation };
  run: RunAction;
}

/** One invitation of the open customer: where it stands, and the transitions its status allows. */
export function InvitationCard({ row, run }: Props) {
  const inv = row.invitation;
  const id = inv.id;
  const facts: [string, string][] = [];
  if (inv.firstSentAt) facts.push([t('factFirstSent'), formatDate(inv.firstSentAt)]);
  if (inv.sentAt.length > 1) facts.push([t('factSends'), formatNumber(inv.sentAt.length)]);
  if (row.daysWaiting !== undefined) facts.push([t('colDaysWaiting'), formatNumber(row.daysWaiting)]);
  if (inv.followUpDueAt) facts.push([t('factFollowUp'), formatDate(inv.followUpDueAt)]);
  if (row.gdapDaysLeft !== undefined) facts.push([t('factGdapLeft'), formatNumber(row.gdapDaysLeft)]);
  if (inv.acceptedAt) facts.push([t('factAccepted'), formatDate(inv.acceptedAt)]);
  if (inv.endedAt) facts.push([t('factEnded'), formatDate(inv.endedAt)]);
  if (inv.channel === 'export') facts.push([t('factSource'), t('channelExport')]);

  return (
    <section class="inv-card" aria-label={typeLabel(inv.linkType)}>
      <header class="row spread">
        <strong>{typeLabel(inv.linkType)}</strong>
        <StatusPill status={row.status} overdue={row.overdue} />
      </header>
      <dl class="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {row.status === 'expired' && <p class="warning">{t('gdapExpiredNote')}</p>}
      <div class="actions">
        {inv.status === 'pending' && (
          <>
            <button type="button" onClick={() => run(() => markAccepted(db, id), t('doneAccepted'))}>
              {t('markAccepted')}
            </button>
            <button type="button" onClick={() => run(() => withdraw(db, id), t('doneWithdrawn'))}>
              {t('withdraw')}
            </button>
          </>
        )}
        {inv.status === 'accepted' && (
          <>
            <button type="button" onClick={() => run(() => endRelationship(db, id), t('doneEnded'))}>
              {t('endRelationship')}
            </button>
            {inv.sentAt.length > 0 && (
              <button type="button" onClick={() => run(() => reopen(db, id), t('doneReopened'))}>
                {t('reopen')}
              </button>
            )}
          </>
        )}
      </div>
      {inv.status === 'accepted' && <p class="hint">{t('endHint')}</p>}
      {(inv.status === 'withdrawn' || inv.status === 'removed') && <p class="hint">{t('sendAgainHint')}</p>}
      {inv.type === 'reseller' && inv.status === 'accepted' && <AdminAccess inv={inv} run={run} />}
    </section>
  );
}

function AdminAccess({ inv, run }: { inv: Invitation; run: RunAction }) {
  const noteId = `admin-note-${inv.id}`;
  return (
    <div class="admin-access">
      <label class="check">
        <input
          type="checkbox"
          checked={inv.adminAccessRemoved}
          aria-describedby={noteId}
          onChange={(e) => {
            const removed = e.currentTarget.checked;
            run(
              () => setAdminAccessRemoved(db, inv.id, removed),
              t(removed ? 'doneAdminRemoved' : 'doneAdminRestored'),
            );
          }}
        />
        {t('adminAccessRemoved')}
      </label>
      <p id={noteId} class={inv.adminAccessRemoved ? 'note' : 'hint'}>
        {t('adminAccessNote')}
      </p>
    </div>
  );
}
