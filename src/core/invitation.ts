/**
 * What an invitation is and what can be read off it at a given time (days waiting, follow-up due, GDAP days left).
 * How it changes is status.ts. Pure.
 *
 * GDAP expiry: Microsoft's 90-day clock starts when the partner locks the request (docs/partner-center.md, "Link formats"),
 * and a re-sent email does not restart it, so it runs from `gdapSince`, the first send of the current GDAP link
 * (reset when the link changes), not from the last send.
 */
import { checkLink } from './link';
import type { Refused } from './problem';
import type { Language, LinkType } from './types';

export type InvitationType = 'reseller' | 'gdap';
export type InvitationStatus = 'pending' | 'accepted' | 'withdrawn' | 'removed';
export type EffectiveStatus = InvitationStatus | 'expired';
export type SendChannel = 'copy' | 'mailto' | 'compose';
/** How the invitation last went out; `export` for one found accepted in Partner Center's export, never sent. */
export type Channel = SendChannel | 'export';
export type MatchBy = 'tenantId' | 'domain' | 'name';

export const DAY = 86_400_000;
export const UNDO_WINDOW_MS = 10_000;
export const GDAP_EXPIRY_DAYS = 90;
/** The follow-up threshold until the partner sets one in the options (the tracking work item). */
export const DEFAULT_FOLLOW_UP_DAYS = 7;
/** Within one epoch the higher status wins a sync merge: acceptance is Microsoft's fact, so it beats a give-up. */
export const STATUS_ORDER: Readonly<Record<InvitationStatus, number>> = {
  pending: 0,
  withdrawn: 1,
  accepted: 2,
  removed: 3,
};

/** STATUS_ORDER; a status this version does not know (a newer version's) ranks above all, the same everywhere. */
export function statusRank(status: unknown): number {
  if (typeof status !== 'string') return -1;
  return Object.hasOwn(STATUS_ORDER, status) ? STATUS_ORDER[status as InvitationStatus] : 4;
}

/**
 * Whether a change from one state to the next starts a new epoch (docs/sync.md, "Merge rules"): its status goes
 * down STATUS_ORDER (reopen, undo of accept/withdraw/end, a send after withdrawal or removal), or it drops a send
 * time (a new cycle, undo of a send). So within an epoch `sentAt` only grows, and sync merges it as a union. The
 * status machine (status.ts) and sync's local edits (sync-merge.ts `editRecord`) both bump by this one rule.
 */
export function startsNewEpoch(from: EpochFields, to: EpochFields): boolean {
  return statusRank(to.status) < statusRank(from.status) || dropsSendTime(from.sentAt, to.sentAt);
}

type EpochFields = { status?: unknown; sentAt?: unknown };

function dropsSendTime(before: unknown, after: unknown): boolean {
  return Array.isArray(before) && Array.isArray(after) && before.some((t) => !after.includes(t));
}

/** The index keys derived from the send times (never merged or stored on their own). */
export const SEND_KEYS = ['firstSentAt', 'lastSentAt'] as const;

/** `firstSentAt`/`lastSentAt`: the ends of `sentAt`, 0 when never sent. */
export function sendKeys(sentAt: readonly number[]): { firstSentAt: number; lastSentAt: number } {
  return { firstSentAt: sentAt[0] ?? 0, lastSentAt: sentAt[sentAt.length - 1] ?? 0 };
}

export interface GdapDetails {
  /** The per-customer GDAP link (docs/partner-center.md, "Link formats"), checked with `checkLink`. */
  link: string;
  roles?: string;
  duration?: string;
}

/** What a transition may change; undo restores it from `previous`. */
export interface InvitationState {
  linkType: LinkType;
  gdapLink?: string;
  gdapRoles?: string;
  gdapDuration?: string;
  /** First send of the current GDAP link: the request expires at most 90 days later. */
  gdapSince?: number;
  language: Language;
  status: InvitationStatus;
  /** Send times of the current cycle (reset by a send after withdrawal or removal; events keep the history). */
  sentAt: number[];
  /** Index keys mirroring `sentAt`'s ends; 0 when never sent (found accepted in the export). */
  firstSentAt: number;
  lastSentAt: number;
  acceptedAt?: number;
  endedAt?: number;
  /** A follow-up date the partner set; otherwise follow-up is due `thresholdDays` after the last send. */
  followUpDueAt?: number;
  /** DAP-era: the customer removed our admin roles; we still carry support and the reseller agreement (docs/partner-center.md, "Relationship states"). */
  adminAccessRemoved: boolean;
  channel: Channel;
  changedAt: number;
  lastAction: ActionKind;
}

export interface Invitation extends InvitationState {
  id: string;
  customerId: string;
  type: InvitationType;
  epoch: number;
  /** The state before the last transition, for undo; `null` when that transition created the invitation. */
  previous?: InvitationState | null;
  updatedAt: number;
}

export interface NewInvitation {
  id: string;
  customerId: string;
}

export type Action =
  | {
      kind: 'send';
      channel: SendChannel;
      linkType: LinkType;
      language: Language;
      gdap?: GdapDetails;
      create?: NewInvitation;
    }
  | { kind: 'resend'; channel: SendChannel; linkType?: LinkType; language?: Language; gdap?: GdapDetails }
  | {
      kind: 'accept';
      /** `partner-center`: seen in the partner's own Partner Center or Graph (docs/connect.md). */
      source: 'manual' | 'export' | 'partner-center';
      by?: MatchBy;
      /** An expiring GDAP relationship's end, shown with the acceptance. */
      endsAt?: number;
      create?: NewInvitation & { linkType: LinkType; language: Language };
    }
  | { kind: 'withdraw' }
  | { kind: 'end' }
  | { kind: 'reopen' }
  | { kind: 'undo' }
  | { kind: 'admin-access'; removed: boolean }
  | { kind: 'follow-up'; dueAt: number | undefined };
export type ActionKind = Action['kind'];

export type EventType =
  | 'sent'
  | 'resent'
  | 'accepted'
  | 'withdrawn'
  | 'removed'
  | 'reopened'
  | 'undone'
  | 'admin-access'
  | 'follow-up';

/** One line of a customer's timeline. Append-only: never edited, so sync can merge events by union. */
export interface InvitationEvent {
  id: string;
  customerId: string;
  invitationId: string;
  at: number;
  type: EventType;
  detail: EventDetail;
}
export type EventDetail = Record<string, string | number | boolean>;

/**
 * A transition done, or refused with one problem saying why (codes in status.ts `transition`). `remove`: an undo
 * of the transition that created the invitation; delete it with its events.
 */
export type TransitionResult =
  | { ok: true; invitation: Invitation; event: Omit<InvitationEvent, 'id'>; remove?: true }
  | Refused;

export function typeOf(linkType: LinkType): InvitationType {
  return linkType === 'gdap' ? 'gdap' : 'reseller';
}

/** Whole days since the send that opened the current cycle; undefined unless pending. */
export function daysWaiting(inv: Invitation, now: number): number | undefined {
  if (inv.status !== 'pending' || inv.firstSentAt === 0) return undefined;
  return Math.max(0, Math.floor((now - inv.firstSentAt) / DAY));
}

/** When a pending invitation needs a follow-up: the partner's date, else `thresholdDays` after the last send. */
export function followUpDue(inv: Invitation, thresholdDays: number): number | undefined {
  if (inv.status !== 'pending') return undefined;
  return inv.followUpDueAt ?? inv.lastSentAt + thresholdDays * DAY;
}

/**
 * The rule the overdue counts keep (db/counts.ts): an expired GDAP request still counts, it still needs the partner.
 */
export function isOverdue(inv: Invitation, now: number, thresholdDays: number): boolean {
  const due = followUpDue(inv, thresholdDays);
  return due !== undefined && now >= due;
}

/** Days before a pending GDAP request expires (0 once expired); undefined for anything else. */
export function gdapDaysLeft(inv: Invitation, now: number): number | undefined {
  if (inv.type !== 'gdap' || inv.status !== 'pending' || inv.gdapSince === undefined) return undefined;
  return Math.max(0, Math.ceil((inv.gdapSince + GDAP_EXPIRY_DAYS * DAY - now) / DAY));
}

export function effectiveStatus(inv: Invitation, now: number): EffectiveStatus {
  return gdapDaysLeft(inv, now) === 0 ? 'expired' : inv.status;
}

export function canUndo(inv: Invitation, now: number): boolean {
  return inv.previous !== undefined && now - inv.changedAt <= UNDO_WINDOW_MS;
}

/** A GDAP send needs a GDAP link (docs/partner-center.md, "Link formats"); the message lists what `checkLink` found. */
export function checkGdap(gdap: GdapDetails | undefined): string | undefined {
  if (!gdap)
    return 'A GDAP invitation needs the GDAP link from Partner Center > Customers > Admin relationships.';
  const check = checkLink(gdap.link);
  if (check.ok && check.type === 'gdap') return undefined;
  if (check.ok) return 'This is a reseller link, not a GDAP link: paste the link of the admin relationship.';
  return check.problems.map((p) => p.message).join(' ');
}
