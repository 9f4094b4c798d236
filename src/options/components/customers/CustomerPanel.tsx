import { useEffect, useRef, useState } from 'preact/hooks';
import { UNDO_WINDOW_MS } from '../../../core/status';
import type { CustomerTableRow } from '../../../db/customer-table';
import { updateCustomer } from '../../../db/customers';
import { undoLast } from '../../../db/invitations';
import { t } from '../../../platform';
import { errorText, problemsText } from '../../../ui/findings';
import { db } from '../../../ui/page-db';
import type { TableRow } from '../../table-rows';
import { InvitationCard, type RunAction } from './InvitationCard';
import { Timeline } from './Timeline';

interface Props {
  entry: CustomerTableRow;
  /** The customer's table rows (one per invitation), with status and days already computed. */
  rows: readonly TableRow[];
  onClose: () => void;
}

/**
 * The open customer, beside the table: details, the multi-channel flag, each invitation with its actions, and the
 * timeline. Not modal (the table stays usable); Escape or Close returns focus to the row that opened it.
 */
export function CustomerPanel({ entry, rows, onClose }: Props) {
  const c = entry.customer;
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<{ text: string; undo?: string; error?: boolean }>({ text: '' });
  useEffect(() => {
    heading.current?.focus();
    setStatus({ text: '' });
  }, [c.id]);
  // Undo is offered as long as the model allows it, then the button goes.
  useEffect(() => {
    if (!status.undo) return;
    const timer = setTimeout(() => setStatus((s) => ({ text: s.text })), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [status.undo]);

  const run: RunAction = (action, done) => {
    action().then(
      (r) => {
        if (!r.ok) return setStatus({ text: problemsText(r.problems), error: true });
        setStatus({ text: done, undo: r.invitation.id });
      },
      (error: unknown) => setStatus({ text: errorText(error), error: true }),
    );
  };
  const undo = (id: string) => {
    // The Undo button goes away: keep focus in the panel rather than let it fall to the page.
    heading.current?.focus();
    return undoLast(db, id).then(
      (r) => {
        setStatus(r.ok ? { text: t('undone') } : { text: problemsText(r.problems), error: true });
      },
      (error: unknown) => setStatus({ text: errorText(error), error: true }),
    );
  };
  const setServed = (served: boolean) =>
    updateCustomer(db, c.id, { servedByAnotherPartner: served }).then(undefined, (error: unknown) =>
      setStatus({ text: errorText(error), error: true }),
    );
  const close = () => {
    onClose();
    document.querySelector<HTMLElement>(`[data-customer="${c.id}"]`)?.focus();
  };
  const invitations = rows.flatMap((r) => (r.invitation ? [{ ...r, invitation: r.invitation }] : []));

  return (
    <aside
      id="customer-panel"
      class="panel"
      aria-labelledby="panel-title"
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <header class="row spread">
        <h3 id="panel-title" ref={heading} tabIndex={-1}>
          {c.companyName}
        </h3>
        <button
          type="button"
          class="icon"
          aria-label={t('closePanel')}
          title={t('closePanel')}
          onClick={close}
        >
          ×
        </button>
      </header>
      <Details entry={entry} />
      <label class="check">
        <input
          type="checkbox"
          checked={c.servedByAnotherPartner}
          aria-describedby="multi-channel-note"
          onChange={(e) => setServed(e.currentTarget.checked)}
        />
        {t('servedByAnotherPartner')}
      </label>
      <p id="multi-channel-note" class={c.servedByAnotherPartner ? 'note' : 'hint'}>
        {t('multiChannelNote')}
      </p>
      <p role="status" class={status.error ? 'problem' : 'status'} data-testid="panel-status">
        {status.text}{' '}
        {status.undo && (
          <button type="button" class="link-button" onClick={() => status.undo && undo(status.undo)}>
            {t('undo')}
          </button>
        )}
      </p>
      {invitations.length === 0 && <p class="muted">{t('noInvitations')}</p>}
      {invitations.map((r) => (
        <InvitationCard key={r.key} row={r} run={run} />
      ))}
      <h4>{t('timelineTitle')}</h4>
      <Timeline customerId={c.id} invitations={invitations.map((r) => r.invitation)} />
    </aside>
  );
}

function Details({ entry }: { entry: CustomerTableRow }) {
  const c = entry.customer;
  const facts: [string, string, boolean?][] = [
    [t('contactLabel'), c.contactName],
    [t('emailLabel'), c.email],
    [t('domainLabel'), c.domain],
    [t('tenantLabel'), c.tenantId, true],
    [t('languageLabel'), t(`language_${c.language}`)],
    [t('notesLabel'), c.notes],
  ];
  return (
    <dl class="facts">
      {facts
        .filter(([, v]) => v)
        .map(([k, v, mono]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd class={mono ? 'mono' : undefined}>{v}</dd>
          </div>
        ))}
    </dl>
  );
}
