import { describe, expect, it } from 'vitest';
import { DAY, type Invitation } from '../../src/core/status';
import type { PendingItem } from '../../src/db/pending';
import { followUpTarget, rowFacts } from '../../src/popup/facts';

const T0 = Date.UTC(2025, 0, 6, 9);

const pending = (patch: Partial<Invitation> = {}): Invitation => ({
  id: 'i1',
  customerId: 'c1',
  type: 'reseller',
  linkType: 'reseller',
  language: 'fr',
  status: 'pending',
  sentAt: [T0],
  firstSentAt: T0,
  lastSentAt: T0,
  adminAccessRemoved: false,
  channel: 'copy',
  epoch: 0,
  changedAt: T0,
  lastAction: 'send',
  updatedAt: T0,
  ...patch,
});

describe('rowFacts', () => {
  it('counts whole days waiting and turns overdue at the threshold after the last send', () => {
    expect(rowFacts(pending(), T0 + 6.9 * DAY, 7)).toEqual({ days: 6, overdue: false, urgent: false });
    expect(rowFacts(pending(), T0 + 7 * DAY, 7)).toMatchObject({ days: 7, overdue: true });
    const resent = pending({ sentAt: [T0, T0 + 5 * DAY], lastSentAt: T0 + 5 * DAY });
    expect(rowFacts(resent, T0 + 10 * DAY, 7)).toMatchObject({ days: 10, overdue: false });
  });

  it('counts a GDAP request down to its 90-day expiry, urgent from 14 days left', () => {
    const gdap = pending({ type: 'gdap', linkType: 'gdap', gdapSince: T0 });
    expect(rowFacts(gdap, T0 + 75 * DAY, 7)).toMatchObject({ gdapDaysLeft: 15, urgent: false });
    expect(rowFacts(gdap, T0 + 76 * DAY, 7)).toMatchObject({ gdapDaysLeft: 14, urgent: true });
    expect(rowFacts(gdap, T0 + 100 * DAY, 7)).toMatchObject({ gdapDaysLeft: 0, urgent: true });
  });
});

describe('followUpTarget', () => {
  const customer = {
    id: 'c1',
    companyName: 'Contoso',
    contactName: 'Alex',
    email: 'alex@contoso.com',
    domain: 'contoso.com',
    tenantId: '',
    language: 'en' as const,
    notes: '',
    servedByAnotherPartner: false,
    createdAt: T0,
    updatedAt: T0,
    nameKey: 'contoso',
    words: [],
  };

  it('pre-fills the customer and the invitation’s language', () => {
    const item: PendingItem = { invitation: pending(), customer };
    expect(followUpTarget(item)).toEqual({
      invitationId: 'i1',
      type: 'reseller',
      language: 'fr',
      customer: { company: 'Contoso', contact: 'Alex', email: 'alex@contoso.com' },
    });
  });

  it('carries a GDAP request’s link, roles and duration', () => {
    const inv = pending({ type: 'gdap', linkType: 'gdap', gdapLink: 'https://x', gdapRoles: 'Reader' });
    expect(followUpTarget({ invitation: inv, customer }).gdap).toEqual({
      link: 'https://x',
      roles: 'Reader',
      duration: '',
      autoExtend: false,
    });
  });
});
