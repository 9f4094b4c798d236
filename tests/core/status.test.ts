import { describe, expect, it } from 'vitest';
import {
  type Action,
  canUndo,
  DAY,
  daysWaiting,
  effectiveStatus,
  followUpDue,
  gdapDaysLeft,
  type Invitation,
  type InvitationStatus,
  isOverdue,
  STATUS_ORDER,
  type TransitionResult,
  transition,
  UNDO_WINDOW_MS,
} from '../../src/core/status';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const IDS = { id: 'inv-1', customerId: 'cust-1' };
const GDAP_LINK =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/' +
  '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const GDAP_LINK_2 = GDAP_LINK.replace('8f3a', '9e4b');
const RESELLER_LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship' +
  '&partnerId=8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b&msppId=0&DAP=false#/BillingAccounts/partner-invitation';

const SEND: Action = { kind: 'send', channel: 'copy', linkType: 'reseller', language: 'en', create: IDS };
const SEND_GDAP: Action = {
  kind: 'send',
  channel: 'compose',
  linkType: 'gdap',
  language: 'fr',
  gdap: { link: GDAP_LINK, roles: ' User Administrator ', duration: '730 days' },
  create: IDS,
};
const RESEND: Action = { kind: 'resend', channel: 'mailto' };
const ACCEPT: Action = { kind: 'accept', source: 'manual' };
const EXPORT_ACCEPT: Action = {
  kind: 'accept',
  source: 'export',
  by: 'tenantId',
  create: { ...IDS, linkType: 'reseller', language: 'en' },
};

type Ok = Extract<TransitionResult, { ok: true }>;

function ok(r: TransitionResult): Ok {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r;
}

function refused(r: TransitionResult): string {
  if (r.ok) throw new Error('expected the transition to be refused');
  expect(r.problems).toHaveLength(1);
  const [problem] = r.problems;
  expect(problem?.message.length).toBeGreaterThan(10);
  return problem?.code ?? '';
}

/** Runs actions in order, each a second after the previous, returning the final invitation. */
function run(actions: Action[], start = T0, gap = 1000): Invitation {
  let inv: Invitation | undefined;
  actions.forEach((a, i) => {
    inv = ok(transition(inv, a, start + i * gap)).invitation;
  });
  return inv as Invitation;
}

const pending = () => run([SEND]);
const accepted = () => run([SEND, ACCEPT]);
const withdrawn = () => run([SEND, { kind: 'withdraw' }]);
const removed = () => run([SEND, ACCEPT, { kind: 'end' }]);

/** What every stored invitation keeps true, whatever happened to it. */
function expectInvariants(inv: Invitation): void {
  expect(inv.firstSentAt).toBe(inv.sentAt[0] ?? 0);
  expect(inv.lastSentAt).toBe(inv.sentAt[inv.sentAt.length - 1] ?? 0);
  if (inv.status === 'pending' || inv.status === 'withdrawn') expect(inv.sentAt.length).toBeGreaterThan(0);
  if (inv.status === 'accepted' || inv.status === 'removed') expect(inv.acceptedAt).toBeTypeOf('number');
  if (inv.status === 'pending') expect(inv.acceptedAt).toBeUndefined();
  expect(Object.values(inv)).not.toContain(undefined);
  expect(inv.epoch).toBeGreaterThanOrEqual(0);
}

describe('send', () => {
  it('creates a pending invitation from nothing, with its event', () => {
    const r = ok(transition(undefined, SEND, T0));
    expect(r.invitation).toMatchObject({
      ...IDS,
      type: 'reseller',
      linkType: 'reseller',
      language: 'en',
      status: 'pending',
      sentAt: [T0],
      firstSentAt: T0,
      lastSentAt: T0,
      channel: 'copy',
      adminAccessRemoved: false,
      epoch: 0,
      previous: null,
      changedAt: T0,
      updatedAt: T0,
      lastAction: 'send',
    });
    expect(r.event).toEqual({
      ...{ customerId: 'cust-1', invitationId: 'inv-1' },
      at: T0,
      type: 'sent',
      detail: { channel: 'copy', linkType: 'reseller', language: 'en' },
    });
    expectInvariants(r.invitation);
  });

  it('types an invitation by its link: indirect reseller is a reseller invitation', () => {
    const inv = run([{ ...SEND, linkType: 'indirect-reseller' } as Action]);
    expect(inv.type).toBe('reseller');
    expect(inv.linkType).toBe('indirect-reseller');
  });

  it('needs ids for a new invitation', () => {
    const { create: _c, ...noIds } = SEND as Extract<Action, { kind: 'send' }>;
    expect(refused(transition(undefined, noIds, T0))).toBe('missing-ids');
  });

  it.each([
    ['withdrawn', withdrawn],
    ['removed', removed],
  ] as const)('starts a new cycle from %s, bumping the epoch', (_status, make) => {
    const before = make();
    const r = ok(transition(before, { ...SEND, channel: 'mailto' } as Action, T0 + 30 * DAY));
    expect(r.invitation).toMatchObject({
      status: 'pending',
      sentAt: [T0 + 30 * DAY],
      firstSentAt: T0 + 30 * DAY,
      epoch: before.epoch + 1,
      channel: 'mailto',
    });
    expect(r.invitation.acceptedAt).toBeUndefined();
    expect(r.invitation.endedAt).toBeUndefined();
    expect(r.invitation.previous).toMatchObject({ status: before.status });
    expect(r.event.type).toBe('sent');
    expectInvariants(r.invitation);
  });

  it('is refused on a pending invitation (that is a re-send) and on an accepted one', () => {
    expect(refused(transition(pending(), SEND, T0 + DAY))).toBe('already-pending');
    expect(refused(transition(accepted(), SEND, T0 + DAY))).toBe('already-accepted');
  });

  it('refuses a GDAP send without a GDAP link, with a reseller link, or with a broken one', () => {
    const { gdap: _g, ...noLink } = SEND_GDAP as Extract<Action, { kind: 'send' }>;
    expect(refused(transition(undefined, noLink, T0))).toBe('bad-gdap-link');
    const reseller = { ...SEND_GDAP, gdap: { link: RESELLER_LINK } } as Action;
    expect(refused(transition(undefined, reseller, T0))).toBe('bad-gdap-link');
    const broken = { ...SEND_GDAP, gdap: { link: 'https://admin.microsoft.com/x' } } as Action;
    expect(refused(transition(undefined, broken, T0))).toBe('bad-gdap-link');
  });

  it('stores a GDAP invitation with its link, roles and duration trimmed, and starts the expiry clock', () => {
    const inv = run([SEND_GDAP]);
    expect(inv).toMatchObject({
      type: 'gdap',
      linkType: 'gdap',
      gdapLink: GDAP_LINK,
      gdapRoles: 'User Administrator',
      gdapDuration: '730 days',
      gdapSince: T0,
      language: 'fr',
    });
  });

  it('refuses a reseller link on a GDAP invitation and the reverse', () => {
    const gdap = run([SEND_GDAP, { kind: 'withdraw' }]);
    expect(refused(transition(gdap, SEND, T0 + DAY))).toBe('type-mismatch');
    expect(refused(transition(withdrawn(), SEND_GDAP, T0 + DAY))).toBe('type-mismatch');
  });
});

describe('resend', () => {
  it('appends a send time to a pending invitation, keeping the first, without an epoch bump', () => {
    const r = ok(transition(pending(), RESEND, T0 + 8 * DAY));
    expect(r.invitation).toMatchObject({
      status: 'pending',
      sentAt: [T0, T0 + 8 * DAY],
      firstSentAt: T0,
      lastSentAt: T0 + 8 * DAY,
      channel: 'mailto',
      epoch: 0,
    });
    expect(r.event).toMatchObject({ type: 'resent', detail: { channel: 'mailto', sends: 2 } });
    expectInvariants(r.invitation);
  });

  it('clears a follow-up date the partner had set', () => {
    const inv = run([SEND, { kind: 'follow-up', dueAt: T0 + 3 * DAY }, RESEND]);
    expect(inv.followUpDueAt).toBeUndefined();
  });

  it('may change the language and, for GDAP, the link: a new link restarts the 90 days, the same does not', () => {
    const same = run([SEND_GDAP, { ...RESEND, gdap: { link: GDAP_LINK } }], T0, 20 * DAY);
    expect(same.gdapSince).toBe(T0);
    const changed = run(
      [SEND_GDAP, { ...RESEND, language: 'en', gdap: { link: GDAP_LINK_2 } }],
      T0,
      20 * DAY,
    );
    expect(changed).toMatchObject({ gdapSince: T0 + 20 * DAY, gdapLink: GDAP_LINK_2, language: 'en' });
    expect(changed.gdapRoles).toBeUndefined();
  });

  it('keeps the GDAP link when none is given', () => {
    expect(run([SEND_GDAP, RESEND]).gdapLink).toBe(GDAP_LINK);
  });

  it.each([
    ['accepted', accepted],
    ['withdrawn', withdrawn],
    ['removed', removed],
  ] as const)('is refused on a %s invitation', (_s, make) => {
    expect(refused(transition(make(), RESEND, T0 + DAY))).toBe('not-pending');
  });

  it('is refused without an invitation', () => {
    expect(refused(transition(undefined, RESEND, T0))).toBe('not-found');
  });
});

describe('accept', () => {
  it('marks a pending invitation accepted', () => {
    const r = ok(transition(pending(), ACCEPT, T0 + 5 * DAY));
    expect(r.invitation).toMatchObject({ status: 'accepted', acceptedAt: T0 + 5 * DAY, epoch: 0 });
    expect(r.event).toMatchObject({ type: 'accepted', detail: { source: 'manual' } });
    expectInvariants(r.invitation);
  });

  it('records a never-sent customer found in the export as accepted', () => {
    const r = ok(transition(undefined, EXPORT_ACCEPT, T0));
    expect(r.invitation).toMatchObject({
      ...IDS,
      type: 'reseller',
      status: 'accepted',
      acceptedAt: T0,
      sentAt: [],
      firstSentAt: 0,
      lastSentAt: 0,
      channel: 'export',
      epoch: 0,
      previous: null,
    });
    expect(r.event).toMatchObject({ type: 'accepted', detail: { source: 'export', by: 'tenantId' } });
    expectInvariants(r.invitation);
  });

  it('is refused without an invitation unless it comes from the export, and never for GDAP', () => {
    expect(refused(transition(undefined, ACCEPT, T0))).toBe('not-found');
    const gdap = { ...EXPORT_ACCEPT, create: { ...IDS, linkType: 'gdap', language: 'en' } } as Action;
    expect(refused(transition(undefined, gdap, T0))).toBe('type-mismatch');
  });

  it.each([
    ['accepted', accepted],
    ['withdrawn', withdrawn],
    ['removed', removed],
  ] as const)('is refused on a %s invitation', (_s, make) => {
    expect(refused(transition(make(), ACCEPT, T0 + DAY))).toBe('not-pending');
  });
});

describe('withdraw, end, reopen', () => {
  it('withdraws a pending invitation', () => {
    const r = ok(transition(pending(), { kind: 'withdraw' }, T0 + DAY));
    expect(r.invitation).toMatchObject({ status: 'withdrawn', endedAt: T0 + DAY, epoch: 0 });
    expect(r.event.type).toBe('withdrawn');
  });

  it('ends an accepted relationship', () => {
    const r = ok(transition(accepted(), { kind: 'end' }, T0 + DAY));
    expect(r.invitation).toMatchObject({ status: 'removed', endedAt: T0 + DAY, epoch: 0 });
    expect(r.invitation.acceptedAt).toBe(T0 + 1000);
    expect(r.event.type).toBe('removed');
  });

  it('reopens a mistaken acceptance to pending, bumping the epoch', () => {
    const r = ok(transition(accepted(), { kind: 'reopen' }, T0 + DAY));
    expect(r.invitation).toMatchObject({ status: 'pending', epoch: 1, sentAt: [T0] });
    expect(r.invitation.acceptedAt).toBeUndefined();
    expect(r.event.type).toBe('reopened');
    expectInvariants(r.invitation);
  });

  it('refuses to reopen an acceptance found in the export, which was never sent', () => {
    const inv = ok(transition(undefined, EXPORT_ACCEPT, T0)).invitation;
    expect(refused(transition(inv, { kind: 'reopen' }, T0 + DAY))).toBe('never-sent');
  });

  const invalid: [string, () => Invitation, Action, string][] = [
    ['withdraw accepted', accepted, { kind: 'withdraw' }, 'not-pending'],
    ['withdraw withdrawn', withdrawn, { kind: 'withdraw' }, 'not-pending'],
    ['withdraw removed', removed, { kind: 'withdraw' }, 'not-pending'],
    ['end pending', pending, { kind: 'end' }, 'not-accepted'],
    ['end withdrawn', withdrawn, { kind: 'end' }, 'not-accepted'],
    ['end removed', removed, { kind: 'end' }, 'not-accepted'],
    ['reopen pending', pending, { kind: 'reopen' }, 'not-accepted'],
    ['reopen withdrawn', withdrawn, { kind: 'reopen' }, 'not-accepted'],
    ['reopen removed', removed, { kind: 'reopen' }, 'not-accepted'],
  ];
  it.each(invalid)('refuses to %s', (_name, make, action, reason) => {
    expect(refused(transition(make(), action, T0 + DAY))).toBe(reason);
  });

  it.each(['withdraw', 'end', 'reopen', 'undo'] as const)('refuses %s without an invitation', (kind) => {
    expect(refused(transition(undefined, { kind } as Action, T0))).toBe('not-found');
  });
});

describe('admin access removed and follow-up date', () => {
  it('flags an accepted reseller invitation and clears the flag', () => {
    const flagged = ok(transition(accepted(), { kind: 'admin-access', removed: true }, T0 + DAY));
    expect(flagged.invitation.adminAccessRemoved).toBe(true);
    expect(flagged.event).toMatchObject({ type: 'admin-access', detail: { removed: true } });
    const cleared = ok(
      transition(flagged.invitation, { kind: 'admin-access', removed: false }, T0 + 2 * DAY),
    );
    expect(cleared.invitation.adminAccessRemoved).toBe(false);
  });

  it('refuses the flag on pending, GDAP, or when unchanged', () => {
    expect(refused(transition(pending(), { kind: 'admin-access', removed: true }, T0))).toBe('not-accepted');
    const gdap = run([SEND_GDAP, ACCEPT]);
    expect(refused(transition(gdap, { kind: 'admin-access', removed: true }, T0))).toBe('not-reseller');
    expect(refused(transition(accepted(), { kind: 'admin-access', removed: false }, T0))).toBe('unchanged');
  });

  it('sets and clears a follow-up date on a pending invitation only', () => {
    const set = ok(transition(pending(), { kind: 'follow-up', dueAt: T0 + 3 * DAY }, T0 + 1));
    expect(set.invitation.followUpDueAt).toBe(T0 + 3 * DAY);
    expect(set.event).toMatchObject({ type: 'follow-up', detail: { dueAt: T0 + 3 * DAY } });
    const cleared = ok(transition(set.invitation, { kind: 'follow-up', dueAt: undefined }, T0 + 2));
    expect(cleared.invitation.followUpDueAt).toBeUndefined();
    expect('followUpDueAt' in cleared.invitation).toBe(false);
    expect(refused(transition(accepted(), { kind: 'follow-up', dueAt: T0 }, T0))).toBe('not-pending');
    expect(refused(transition(pending(), { kind: 'follow-up', dueAt: Number.NaN }, T0))).toBe('bad-date');
  });

  it('clears the follow-up date on acceptance', () => {
    const inv = run([SEND, { kind: 'follow-up', dueAt: T0 + DAY }, ACCEPT]);
    expect(inv.followUpDueAt).toBeUndefined();
  });
});

describe('undo', () => {
  const undoAt = (inv: Invitation, ms: number) => transition(inv, { kind: 'undo' }, inv.changedAt + ms);

  it('asks to delete an invitation its last transition created', () => {
    const r = ok(undoAt(pending(), 5000));
    expect(r.remove).toBe(true);
    expect(r.event).toMatchObject({ type: 'undone', detail: { undid: 'send' } });
    expect(ok(undoAt(ok(transition(undefined, EXPORT_ACCEPT, T0)).invitation, 1)).remove).toBe(true);
  });

  const cases: [string, Action[], InvitationStatus, number][] = [
    ['a re-send', [SEND, RESEND], 'pending', 1],
    ['an acceptance', [SEND, ACCEPT], 'pending', 1],
    ['a withdrawal', [SEND, { kind: 'withdraw' }], 'pending', 1],
    ['an end', [SEND, ACCEPT, { kind: 'end' }], 'accepted', 1],
    ['a reopen', [SEND, ACCEPT, { kind: 'reopen' }], 'accepted', 1],
    ['a new send after withdrawal', [SEND, { kind: 'withdraw' }, SEND], 'withdrawn', 2],
    ['an admin access flag', [SEND, ACCEPT, { kind: 'admin-access', removed: true }], 'accepted', 0],
  ];
  it.each(cases)(
    'restores the state before %s, never lowering the epoch',
    (_name, actions, status, epoch) => {
      const before = run(actions.slice(0, -1));
      const after = run(actions);
      const r = ok(undoAt(after, UNDO_WINDOW_MS));
      const {
        epoch: _e1,
        changedAt: _c1,
        lastAction: _l1,
        updatedAt: _u1,
        previous: _p1,
        ...restored
      } = r.invitation;
      const {
        epoch: _e2,
        changedAt: _c2,
        lastAction: _l2,
        updatedAt: _u2,
        previous: _p2,
        ...original
      } = before;
      expect(restored).toEqual(original);
      expect(r.invitation.status).toBe(status);
      expect(r.invitation.epoch).toBe(epoch);
      expect(r.invitation.epoch).toBeGreaterThanOrEqual(after.epoch);
      expect(r.invitation.previous).toBeUndefined();
      expect(r.invitation.lastAction).toBe('undo');
      expect(r.remove).toBeUndefined();
      expectInvariants(r.invitation);
    },
  );

  it('is available for 10 seconds, then refused', () => {
    expect(canUndo(accepted(), T0 + 1000 + UNDO_WINDOW_MS)).toBe(true);
    expect(canUndo(accepted(), T0 + 1001 + UNDO_WINDOW_MS)).toBe(false);
    expect(refused(undoAt(accepted(), UNDO_WINDOW_MS + 1))).toBe('undo-expired');
  });

  it('undoes only once', () => {
    const once = ok(undoAt(accepted(), 10)).invitation;
    expect(canUndo(once, once.changedAt)).toBe(false);
    expect(refused(undoAt(once, 10))).toBe('nothing-to-undo');
  });
});

describe('epoch', () => {
  it('bumps exactly when a transition goes down the status order or drops a send time', () => {
    expect(STATUS_ORDER.pending).toBeLessThan(STATUS_ORDER.withdrawn);
    expect(STATUS_ORDER.withdrawn).toBeLessThan(STATUS_ORDER.accepted);
    expect(STATUS_ORDER.accepted).toBeLessThan(STATUS_ORDER.removed);
    const inv = run([
      SEND,
      RESEND,
      ACCEPT,
      { kind: 'reopen' },
      ACCEPT,
      { kind: 'end' },
      SEND,
      { kind: 'withdraw' },
    ]);
    expect(inv.epoch).toBe(2);
    expect(run([SEND, { kind: 'withdraw' }, SEND, ACCEPT, { kind: 'end' }, SEND]).epoch).toBe(2);
  });
});

describe('every sequence of up to 5 actions (the sync contract)', () => {
  const ACTIONS: Action[] = [
    SEND,
    RESEND,
    ACCEPT,
    { kind: 'withdraw' },
    { kind: 'end' },
    { kind: 'reopen' },
    { kind: 'undo' },
    { kind: 'admin-access', removed: true },
  ];

  /** Walks every accepted sequence depth-first, checking each step against the one before. */
  function walk(
    inv: Invitation | undefined,
    depth: number,
    at: number,
    visit: (a: Invitation, b: Invitation) => void,
  ) {
    if (depth === 0) return 0;
    let steps = 0;
    for (const action of ACTIONS) {
      const r = transition(inv, action, at);
      if (!r.ok || r.remove) continue;
      if (inv) visit(inv, r.invitation);
      steps += 1 + walk(r.invitation, depth - 1, at + 1000, visit);
    }
    return steps;
  }

  it('keeps the invariants; within an epoch the status only rises and send times only grow', () => {
    const steps = walk(undefined, 5, T0, (before, after) => {
      expectInvariants(after);
      expect(after.epoch).toBeGreaterThanOrEqual(before.epoch);
      if (after.epoch === before.epoch) {
        expect(STATUS_ORDER[after.status]).toBeGreaterThanOrEqual(STATUS_ORDER[before.status]);
        for (const t of before.sentAt) expect(after.sentAt).toContain(t);
      }
    });
    expect(steps).toBeGreaterThan(100);
  });
});

describe('reading an invitation at a time', () => {
  it('counts days waiting from the first send of the cycle, only while pending', () => {
    const inv = run([SEND, RESEND], T0, 4 * DAY);
    expect(daysWaiting(inv, T0 + 9 * DAY + 1)).toBe(9);
    expect(daysWaiting(inv, T0 - DAY)).toBe(0);
    expect(daysWaiting(accepted(), T0 + DAY)).toBeUndefined();
  });

  it('is overdue the threshold after the last send, or at the date the partner set', () => {
    const inv = run([SEND, RESEND], T0, 4 * DAY);
    expect(followUpDue(inv, 7)).toBe(T0 + 11 * DAY);
    expect(isOverdue(inv, T0 + 11 * DAY - 1, 7)).toBe(false);
    expect(isOverdue(inv, T0 + 11 * DAY, 7)).toBe(true);
    const snoozed = ok(transition(inv, { kind: 'follow-up', dueAt: T0 + 20 * DAY }, T0 + 5 * DAY)).invitation;
    expect(isOverdue(snoozed, T0 + 19 * DAY, 7)).toBe(false);
    expect(isOverdue(snoozed, T0 + 20 * DAY, 7)).toBe(true);
    const early = ok(transition(inv, { kind: 'follow-up', dueAt: T0 + 5 * DAY }, T0 + 5 * DAY)).invitation;
    expect(isOverdue(early, T0 + 5 * DAY, 7)).toBe(true);
    expect(isOverdue(accepted(), T0 + 100 * DAY, 7)).toBe(false);
    expect(followUpDue(withdrawn(), 7)).toBeUndefined();
  });

  it('expires a pending GDAP request 90 days after its link was first sent, however often re-sent', () => {
    const inv = run([SEND_GDAP, RESEND], T0, 60 * DAY);
    expect(gdapDaysLeft(inv, T0)).toBe(90);
    expect(gdapDaysLeft(inv, T0 + 89 * DAY + 1)).toBe(1);
    expect(effectiveStatus(inv, T0 + 90 * DAY - 1)).toBe('pending');
    expect(gdapDaysLeft(inv, T0 + 90 * DAY)).toBe(0);
    expect(effectiveStatus(inv, T0 + 90 * DAY)).toBe('expired');
    expect(effectiveStatus(inv, T0 + 400 * DAY)).toBe('expired');
  });

  it('never expires reseller invitations or accepted GDAP ones', () => {
    expect(effectiveStatus(pending(), T0 + 400 * DAY)).toBe('pending');
    expect(gdapDaysLeft(pending(), T0)).toBeUndefined();
    const gdap = run([SEND_GDAP, ACCEPT]);
    expect(effectiveStatus(gdap, T0 + 400 * DAY)).toBe('accepted');
    expect(gdapDaysLeft(gdap, T0)).toBeUndefined();
  });
});
