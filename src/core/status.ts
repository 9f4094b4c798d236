/**
 * The status machine of an invitation (docs/partner-center.md, "Relationship states"). Pure: the caller
 * passes "now" and fresh ids; `src/db` stores what `transition` returns, with its event, in one transaction.
 *
 * Epoch (for sync, docs/sync.md, "Merge rules"): status merges by (epoch, STATUS_ORDER), so a stale `pending` from
 * another browser never overwrites `accepted`. A transition bumps the epoch when `startsNewEpoch` (invitation.ts)
 * says so; the epoch never decreases, undo included.
 *
 * Undo: the invitation keeps `previous` (its state before the last transition, `null` if that transition created
 * it) and `changedAt`; undo restores `previous` within UNDO_WINDOW_MS and appends an `undone` event.
 */

import { definedOnly } from './defined-only';
import {
  type Action,
  type ActionKind,
  checkGdap,
  type EventDetail,
  type EventType,
  type GdapDetails,
  type Invitation,
  type InvitationState,
  type InvitationStatus,
  type NewInvitation,
  sendKeys,
  startsNewEpoch,
  type TransitionResult,
  typeOf,
  UNDO_WINDOW_MS,
} from './invitation';
import type { Language, LinkType } from './types';

export * from './invitation';

type Done = Extract<TransitionResult, { ok: true }>;
type Patch = Partial<InvitationState> & { status: InvitationStatus };

const EVENT_OF: Readonly<Record<ActionKind, EventType>> = {
  send: 'sent',
  resend: 'resent',
  accept: 'accepted',
  withdraw: 'withdrawn',
  end: 'removed',
  reopen: 'reopened',
  undo: 'undone',
  'admin-access': 'admin-access',
  'follow-up': 'follow-up',
};

/** Refusals by stable code; `not-<status>`, type and GDAP link ones are composed where they occur. */
const REFUSALS = {
  'already-pending': 'This invitation is already pending: re-send it.',
  'already-accepted': 'The customer already accepted this invitation; reopen it if that was a mistake.',
  'missing-ids': 'A new invitation needs its id and its customer.',
  'not-found': 'There is no invitation to change.',
  'never-sent':
    "This customer was found in Partner Center's export, never invited: there is nothing to reopen.",
  'not-reseller': 'Admin access removal applies to reseller invitations.',
  unchanged: 'The admin access flag is already set that way.',
  'bad-date': 'The follow-up date is not a date.',
  'nothing-to-undo': 'There is nothing to undo on this invitation.',
  'undo-expired': `Undo is available for ${UNDO_WINDOW_MS / 1000} seconds after a change.`,
} as const;
type RefusalCode = keyof typeof REFUSALS;

const EXPORT_ONLY = 'Only a customer found in the Partner Center export is accepted without an invitation.';
const EXPORT_GDAP = "Partner Center's customer export shows reseller relationships, not GDAP.";

const fail = (code: string, message: string): TransitionResult => ({
  ok: false,
  problems: [{ code, message }],
});
const refuse = (code: RefusalCode): TransitionResult => fail(code, REFUSALS[code]);

function stateOf(inv: Invitation): InvitationState {
  const { id: _id, customerId: _c, type: _t, epoch: _e, previous: _p, updatedAt: _u, ...state } = inv;
  return state;
}

/** `previous` is null when this transition creates the invitation. */
function step(inv: Invitation, patch: Patch, kind: ActionKind, now: number, detail: EventDetail): Done {
  const created = inv.epoch < 0;
  const next = { ...inv, ...patch };
  const invitation = definedOnly<Invitation>({
    ...next,
    epoch: Math.max(0, inv.epoch) + (!created && startsNewEpoch(inv, next) ? 1 : 0),
    previous: created ? null : stateOf(inv),
    changedAt: now,
    lastAction: kind,
    updatedAt: now,
  });
  return { ok: true, invitation, event: eventOf(inv, kind, now, detail) };
}

function eventOf(inv: Invitation, kind: ActionKind, now: number, detail: EventDetail): Done['event'] {
  return { customerId: inv.customerId, invitationId: inv.id, at: now, type: EVENT_OF[kind], detail };
}

/** A not-yet-stored invitation; epoch -1 marks it as new for `step`, which stores epoch 0. */
function blank(ids: NewInvitation, linkType: LinkType, language: Language, kind: ActionKind, now: number) {
  const inv: Invitation = {
    ...ids,
    type: typeOf(linkType),
    linkType,
    language,
    status: 'pending',
    sentAt: [],
    ...sendKeys([]),
    adminAccessRemoved: false,
    channel: 'export',
    epoch: -1,
    changedAt: now,
    lastAction: kind,
    updatedAt: now,
  };
  return inv;
}

/** The GDAP fields after a send; the 90-day clock restarts only with a new link. */
function gdapPatch(inv: Invitation, gdap: GdapDetails | undefined, now: number): Partial<InvitationState> {
  if (inv.type !== 'gdap' || !gdap) return {};
  const link = gdap.link.trim();
  const sameLink = link === inv.gdapLink && inv.gdapSince !== undefined;
  return {
    gdapLink: link,
    gdapRoles: gdap.roles?.trim() || undefined,
    gdapDuration: gdap.duration?.trim() || undefined,
    gdapSince: sameLink ? inv.gdapSince : now,
  };
}

function checkType(
  inv: Invitation,
  linkType: LinkType,
  gdap: GdapDetails | undefined,
): TransitionResult | undefined {
  if (typeOf(linkType) !== inv.type) {
    return fail('type-mismatch', `A ${inv.type} invitation cannot be sent with a ${linkType} link.`);
  }
  const problem = inv.type === 'gdap' && (gdap !== undefined || !inv.gdapLink) ? checkGdap(gdap) : undefined;
  return problem === undefined ? undefined : fail('bad-gdap-link', problem);
}

function send(
  inv: Invitation | undefined,
  a: Extract<Action, { kind: 'send' }>,
  now: number,
): TransitionResult {
  if (inv?.status === 'pending') return refuse('already-pending');
  if (inv?.status === 'accepted') return refuse('already-accepted');
  if (!inv && !a.create) return refuse('missing-ids');
  const base = inv ?? blank(a.create as NewInvitation, a.linkType, a.language, 'send', now);
  const wrong = checkType(base, a.linkType, a.gdap);
  if (wrong) return wrong;
  const patch: Patch = {
    status: 'pending',
    linkType: a.linkType,
    language: a.language,
    sentAt: [now],
    ...sendKeys([now]),
    acceptedAt: undefined,
    endedAt: undefined,
    followUpDueAt: undefined,
    adminAccessRemoved: false,
    channel: a.channel,
    ...gdapPatch(base, a.gdap, now),
  };
  return step(base, patch, 'send', now, { channel: a.channel, linkType: a.linkType, language: a.language });
}

function resend(inv: Invitation, a: Extract<Action, { kind: 'resend' }>, now: number): TransitionResult {
  if (inv.status !== 'pending') return notIn(inv, 'pending', 're-sent (send it again)');
  const linkType = a.linkType ?? inv.linkType;
  const wrong = checkType(inv, linkType, a.gdap);
  if (wrong) return wrong;
  const sentAt = [...inv.sentAt, now];
  const patch: Patch = {
    status: 'pending',
    linkType,
    language: a.language ?? inv.language,
    sentAt,
    ...sendKeys(sentAt),
    followUpDueAt: undefined,
    channel: a.channel,
    ...gdapPatch(inv, a.gdap, now),
  };
  return step(inv, patch, 'resend', now, { channel: a.channel, sends: inv.sentAt.length + 1 });
}

function accept(
  inv: Invitation | undefined,
  a: Extract<Action, { kind: 'accept' }>,
  now: number,
): TransitionResult {
  const detail: EventDetail = { source: a.source };
  if (a.by) detail.by = a.by;
  if (a.endsAt !== undefined) detail.endsAt = a.endsAt;
  if (inv) {
    if (inv.status !== 'pending') return notIn(inv, 'pending', 'marked accepted');
    const patch: Patch = { status: 'accepted', acceptedAt: now, followUpDueAt: undefined };
    return step(inv, patch, 'accept', now, detail);
  }
  // Partner Center's own list (docs/connect.md) is the export's source, read live: the same rule holds.
  if (a.source === 'manual' || !a.create) return fail('not-found', EXPORT_ONLY);
  if (typeOf(a.create.linkType) !== 'reseller') return fail('type-mismatch', EXPORT_GDAP);
  const base = blank(a.create, a.create.linkType, a.create.language, 'accept', now);
  return step(base, { status: 'accepted', acceptedAt: now, channel: 'export' }, 'accept', now, detail);
}

function notIn(inv: Invitation, status: InvitationStatus, what: string): TransitionResult {
  return fail(`not-${status}`, `Only a ${status} invitation can be ${what}; this one is ${inv.status}.`);
}

function undo(inv: Invitation, now: number): TransitionResult {
  const prev = inv.previous;
  if (prev === undefined) return refuse('nothing-to-undo');
  if (now - inv.changedAt > UNDO_WINDOW_MS) return refuse('undo-expired');
  const event = eventOf(inv, 'undo', now, { undid: inv.lastAction });
  if (prev === null) return { ok: true, invitation: inv, event, remove: true };
  const { id, customerId, type, epoch } = inv;
  const invitation = definedOnly<Invitation>({
    id,
    customerId,
    type,
    ...prev,
    epoch: epoch + (startsNewEpoch(inv, prev) ? 1 : 0),
    changedAt: now,
    lastAction: 'undo',
    updatedAt: now,
  });
  return { ok: true, invitation, event };
}

function simple(inv: Invitation, a: Action, now: number): TransitionResult {
  switch (a.kind) {
    case 'withdraw':
      if (inv.status !== 'pending') return notIn(inv, 'pending', 'withdrawn');
      return step(inv, { status: 'withdrawn', endedAt: now, followUpDueAt: undefined }, 'withdraw', now, {});
    case 'end':
      if (inv.status !== 'accepted') return notIn(inv, 'accepted', 'ended');
      return step(inv, { status: 'removed', endedAt: now }, 'end', now, {});
    case 'reopen':
      return reopen(inv, now);
    case 'admin-access':
      return adminAccess(inv, a.removed, now);
    case 'follow-up':
      return followUp(inv, a.dueAt, now);
    default:
      return fail('unknown-action', `Unknown action ${JSON.stringify(a.kind)}.`);
  }
}

function reopen(inv: Invitation, now: number): TransitionResult {
  if (inv.status !== 'accepted') return notIn(inv, 'accepted', 'reopened');
  if (inv.sentAt.length === 0) return refuse('never-sent');
  const patch: Patch = { status: 'pending', acceptedAt: undefined, adminAccessRemoved: false };
  return step(inv, patch, 'reopen', now, {});
}

function adminAccess(inv: Invitation, removed: boolean, now: number): TransitionResult {
  if (inv.type !== 'reseller') return refuse('not-reseller');
  if (inv.status !== 'accepted') return notIn(inv, 'accepted', 'flagged for admin access');
  if (inv.adminAccessRemoved === removed) return refuse('unchanged');
  return step(inv, { status: inv.status, adminAccessRemoved: removed }, 'admin-access', now, { removed });
}

function followUp(inv: Invitation, dueAt: number | undefined, now: number): TransitionResult {
  if (inv.status !== 'pending') return notIn(inv, 'pending', 'scheduled for a follow-up');
  if (dueAt !== undefined && !Number.isFinite(dueAt)) return refuse('bad-date');
  const detail: EventDetail = dueAt === undefined ? { cleared: true } : { dueAt };
  return step(inv, { status: inv.status, followUpDueAt: dueAt }, 'follow-up', now, detail);
}

/**
 * Applies one action. Never throws: an invalid transition comes back refused, with a stable `code`
 * (already-pending, already-accepted, not-pending, not-accepted, not-found, missing-ids, type-mismatch,
 * bad-gdap-link, never-sent, not-reseller, unchanged, bad-date, nothing-to-undo, undo-expired) and a message.
 */
export function transition(inv: Invitation | undefined, action: Action, now: number): TransitionResult {
  if (action.kind === 'send') return send(inv, action, now);
  if (action.kind === 'accept') return accept(inv, action, now);
  if (!inv) return refuse('not-found');
  if (action.kind === 'resend') return resend(inv, action, now);
  if (action.kind === 'undo') return undo(inv, now);
  return simple(inv, action, now);
}
