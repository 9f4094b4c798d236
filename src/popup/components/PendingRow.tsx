import { stringsLanguage } from '../../core/language';
import { counted, pluralKey } from '../../core/plural';
import type { PendingItem } from '../../db/pending';
import { t } from '../../platform';
import type { RowFacts } from '../facts';

interface Props {
  item: PendingItem;
  facts: RowFacts;
  onAccept: (item: PendingItem) => void;
  onFollowUp: (item: PendingItem) => void;
}

/** One pending invitation: who, how long it has waited, and the two things the partner does about it. */
export function PendingRow({ item, facts, onAccept, onFollowUp }: Props) {
  const { customer, invitation } = item;
  const who = [customer.contactName, customer.email || customer.domain].filter(Boolean).join(' · ');
  const company = customer.companyName;
  return (
    <li class="pending-row" data-testid="pending-row" data-type={invitation.type}>
      <div class="who">
        <strong class="company">{company}</strong>
        {who && <span class="muted contact">{who}</span>}
        {invitation.type === 'gdap' && <GdapFacts facts={facts} />}
      </div>
      <div class="wait" data-overdue={facts.overdue}>
        <span class="days" data-testid="days-waiting">
          {facts.days}
        </span>
        <span class="unit">{t(pluralKey('daysUnit', facts.days, stringsLanguage(t)))}</span>
        {facts.overdue && <span class="unit overdue">{t('followUpDue')}</span>}
      </div>
      <div class="row-actions">
        <button
          type="button"
          class="small"
          data-testid="mark-accepted"
          aria-label={t('markAcceptedFor', company)}
          onClick={() => onAccept(item)}
        >
          {t('markAccepted')}
        </button>
        <button
          type="button"
          class="small"
          data-testid="follow-up-button"
          aria-label={t('followUpOf', company)}
          onClick={() => onFollowUp(item)}
        >
          {t('followUp')}
        </button>
      </div>
    </li>
  );
}

function GdapFacts({ facts }: { facts: RowFacts }) {
  const left = facts.gdapDaysLeft;
  return (
    <span class="gdap-facts" data-urgent={facts.urgent}>
      <span class="tag small-tag">GDAP</span>{' '}
      <span data-testid="gdap-days-left">
        {left === undefined ? '' : left === 0 ? t('gdapExpired') : counted(t, 'gdapDaysLeft', left)}
      </span>
    </span>
  );
}
