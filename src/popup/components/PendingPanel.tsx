import { useState } from 'preact/hooks';
import { now } from '../../db/clock';
import { markAccepted, undoLast } from '../../db/invitations';
import { type PendingItem, pendingList } from '../../db/pending';
import { t } from '../../platform';
import { errorText, problemsText } from '../../ui/findings';
import type { FollowUpTarget } from '../../ui/invite/FollowUpBar';
import { UndoNotice, useNotice } from '../../ui/invite/UndoNotice';
import { db } from '../../ui/page-db';
import { useLive } from '../../ui/useLive';
import { followUpTarget, rowFacts } from '../facts';
import type { Glance } from '../glance';
import { GlanceTiles } from './GlanceTiles';
import { PendingRow } from './PendingRow';

/** Rows read on open: the longest-waiting ones, an index range; search reaches the rest. */
export const PENDING_LIMIT = 100;

interface Props {
  glance: Glance | undefined;
  /** The invite view's follow-up of a row: its customer, language, and for GDAP the request as sent. */
  onFollowUp: (target: FollowUpTarget) => void;
}

export function PendingPanel({ glance, onFollowUp }: Props) {
  const [search, setSearch] = useState('');
  const items = useLive((db) => pendingList(db, PENDING_LIMIT, search), [search]);
  const { notice, show } = useNotice();

  const accept = async ({ invitation, customer }: PendingItem) => {
    let done: Awaited<ReturnType<typeof markAccepted>>;
    try {
      done = await markAccepted(db, invitation.id);
    } catch (error) {
      show({ text: t('markAcceptedFailed', errorText(error)) }, null);
      return;
    }
    if (!done.ok) {
      show({ text: problemsText(done.problems) }, null);
      return;
    }
    const undo = async () => {
      const undone = await undoLast(db, invitation.id);
      return undone.ok ? undefined : problemsText(undone.problems);
    };
    show({ text: t('markedAccepted', customer.companyName), undo });
  };

  const at = now();
  const threshold = glance?.followUpDays;
  return (
    <section class="pending" aria-label={t('pendingTitle')}>
      <GlanceTiles glance={glance} />
      <input
        type="search"
        class="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={search}
        onInput={(e) => setSearch(e.currentTarget.value)}
      />
      <UndoNotice notice={notice} show={show} testId="pending-notice" focusUndo />
      {items !== undefined && threshold !== undefined && (
        <>
          {items.length === 0 && (
            <p class="hint empty" data-testid="pending-empty">
              {search.trim() ? t('pendingNoMatch', search.trim()) : t('pendingNone')}
            </p>
          )}
          <ul class="pending-list" data-testid="pending-list">
            {items.map((item) => (
              <PendingRow
                key={item.invitation.id}
                item={item}
                facts={rowFacts(item.invitation, at, threshold)}
                onAccept={accept}
                onFollowUp={(row) => onFollowUp(followUpTarget(row))}
              />
            ))}
          </ul>
          {!search.trim() && (glance?.pending ?? 0) > items.length && (
            <p class="hint">{t('pendingMore', String(PENDING_LIMIT))}</p>
          )}
        </>
      )}
    </section>
  );
}
