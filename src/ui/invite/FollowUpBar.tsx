import { useEffect, useRef } from 'preact/hooks';
import { FOLLOW_UP_REASONS, type FollowUpReason } from '../../core/followup-templates';
import type { InvitationType } from '../../core/status';
import type { Language } from '../../core/types';
import { t } from '../../platform';
import { describedBy, Field } from '../Field';
import type { CustomerForm } from './CustomerFields';
import type { GdapForm } from './draft';

/** A pending invitation to follow up: the invite view opens pre-filled with it, and a send re-sends it. */
export interface FollowUpTarget {
  invitationId: string;
  type: InvitationType;
  language: Language;
  customer: CustomerForm;
  /** GDAP: the request goes again with its link, roles and duration. */
  gdap?: GdapForm;
}

export const reasonKey = (reason: FollowUpReason) => `followUpReason_${reason.replace(/-/g, '_')}`;

interface Props {
  target: FollowUpTarget;
  reason: FollowUpReason;
  onReason: (reason: FollowUpReason) => void;
  onCancel: () => void;
}

export function FollowUpBar({ target, reason, onReason, onCancel }: Props) {
  const bar = useRef<HTMLDivElement>(null);
  // Opened from the pending list: focus lands on the first choice to make, not back at the top of the page.
  useEffect(() => {
    const el = bar.current;
    (el?.querySelector('select') ?? el?.querySelector('button'))?.focus();
  }, []);
  return (
    <div class="follow-up" data-testid="follow-up" ref={bar}>
      <div class="row spread">
        <strong>{t('followUpFor', target.customer.company)}</strong>
        <button type="button" class="link-button" onClick={onCancel}>
          {t('cancelFollowUp')}
        </button>
      </div>
      {target.type === 'reseller' ? (
        <Field id="followUpReason" label={t('followUpReasonLabel')} hint={t('followUpReasonHint')}>
          <select
            id="followUpReason"
            value={reason}
            aria-describedby={describedBy('followUpReason')}
            onChange={(e) => onReason(e.currentTarget.value as FollowUpReason)}
          >
            {FOLLOW_UP_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(reasonKey(r))}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <p class="hint">{t('followUpGdapHint')}</p>
      )}
    </div>
  );
}
