/**
 * Recording an invitation once its draft went out (copied, opened in the mail app, inserted into a compose window).
 * No browser API here: the caller tells the worker afterwards (`data.changed`), and tests drive this with
 * fake-indexeddb.
 */

import type { Refused } from '../../core/problem';
import type { GdapDetails, SendChannel } from '../../core/status';
import type { Language, LinkType } from '../../core/types';
import type { ResellerDb } from '../../db/db';
import type { GdapForm, InviteMode } from './draft';

/** The status machine and its writes load on the first send, not with the popup: they are not needed to paint it. */
const invitations = () => import('../../db/invitations');

export interface RecordRequest {
  channel: SendChannel;
  company: string;
  contact: string;
  email: string;
  language: Language;
  /** The profile's reseller link type, or `gdap`. */
  linkType: LinkType;
  gdap?: GdapDetails;
  /** A follow-up re-sends this invitation, whatever the form's fields now match. */
  followUpOf?: string;
}

/** Recorded, or refused: the invalid fields or the refused transition, each message core's English text. */
export type RecordOutcome = { ok: true; action: 'send' | 'resend'; invitationId: string } | Refused;

export async function recordInvitation(db: ResellerDb, req: RecordRequest): Promise<RecordOutcome> {
  const { channel, language, linkType, gdap } = req;
  if (req.followUpOf !== undefined) {
    const action = { kind: 'resend', channel, linkType, language, ...(gdap ? { gdap } : {}) } as const;
    const r = await (await invitations()).act(db, req.followUpOf, action);
    return r.ok ? { ok: true, action: 'resend', invitationId: r.invitation.id } : r;
  }
  const r = await (await invitations()).recordSend(db, {
    companyName: req.company,
    contactName: req.contact,
    email: req.email,
    language,
    linkType,
    channel,
    ...(gdap ? { gdap } : {}),
  });
  return r.ok ? { ok: true, action: r.action, invitationId: r.invitationId } : r;
}

/** Undoes a recorded send; undefined when done, else core's refusal (the 10-second window passed). */
export async function undoRecordedSend(db: ResellerDb, invitationId: string): Promise<Refused | undefined> {
  const r = await (await invitations()).undoLast(db, invitationId);
  return r.ok ? undefined : r;
}

export interface SentForm {
  customer: { company: string; contact: string; email: string };
  language: Language;
  mode: InviteMode;
  gdap: GdapForm;
  /** The follow-up blocker, if any: part of what makes two drafts different. */
  reason?: string;
  /** The profile's link type, for reseller mode. */
  resellerType: LinkType;
  followUpOf?: string | undefined;
}

/**
 * What to record for a draft that went out, and the fingerprint of that form (see formFingerprint). `gdapLink` is
 * the checked link: the view sends nothing in GDAP mode without one.
 */
export function requestFor(form: SentForm, channel: SendChannel, gdapLink: string | undefined) {
  const gdap =
    form.mode === 'gdap' && gdapLink
      ? { link: gdapLink, roles: form.gdap.roles, duration: form.gdap.duration }
      : undefined;
  const request: RecordRequest = {
    channel,
    ...form.customer,
    language: form.language,
    linkType: gdap ? 'gdap' : form.resellerType,
    ...(gdap ? { gdap } : {}),
    ...(form.followUpOf !== undefined ? { followUpOf: form.followUpOf } : {}),
  };
  const { link, roles, duration } = gdap ?? { link: '', roles: '', duration: '' };
  const key = formFingerprint({
    ...form.customer,
    language: form.language,
    link,
    roles,
    duration,
    reason: form.reason,
  });
  return { request, key };
}

/**
 * What the form looked like when it was last recorded: copying and then opening the same draft in the mail app
 * is one invitation going out, not a send and a re-send.
 */
export function formFingerprint(parts: Record<string, string | undefined>): string {
  return JSON.stringify(Object.entries(parts).map(([k, v]) => [k, v?.trim().toLowerCase() ?? '']));
}
