/**
 * What one pending row says, as a pure function of the invitation, "now" and the follow-up threshold, so
 * tests/ui checks the thresholds without a page.
 */
import { daysWaiting, gdapDaysLeft, type Invitation, isOverdue } from '../core/status';
import type { PendingItem } from '../db/pending';
import type { FollowUpTarget } from '../ui/invite/FollowUpBar';

/** A GDAP request this close to its 90-day expiry is shown in red: time to chase the customer's Global Admin. */
export const GDAP_URGENT_DAYS = 14;

export interface RowFacts {
  days: number;
  overdue: boolean;
  /** GDAP only: days before the request expires; 0 once expired. */
  gdapDaysLeft?: number;
  urgent: boolean;
}

export function rowFacts(inv: Invitation, now: number, thresholdDays: number): RowFacts {
  const left = gdapDaysLeft(inv, now);
  return {
    days: daysWaiting(inv, now) ?? 0,
    overdue: isOverdue(inv, now, thresholdDays),
    ...(left === undefined ? {} : { gdapDaysLeft: left }),
    urgent: left !== undefined && left <= GDAP_URGENT_DAYS,
  };
}

/** The invite view's follow-up of a pending row: its customer, language, and for GDAP the request as sent. */
export function followUpTarget({ invitation: inv, customer: c }: PendingItem): FollowUpTarget {
  const gdap =
    inv.type === 'gdap'
      ? {
          link: inv.gdapLink ?? '',
          roles: inv.gdapRoles ?? '',
          duration: inv.gdapDuration ?? '',
          autoExtend: false,
        }
      : undefined;
  return {
    invitationId: inv.id,
    type: inv.type,
    language: inv.language,
    customer: { company: c.companyName, contact: c.contactName, email: c.email },
    ...(gdap ? { gdap } : {}),
  };
}
