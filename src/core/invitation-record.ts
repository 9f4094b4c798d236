/**
 * The one owner of a stored invitation and of a timeline event: parsers that turn an unknown value (IndexedDB, a
 * backup, another browser) into our types or the problems that keep it out. How an invitation changes is
 * status.ts; these only say whether a value is one. `firstSentAt`/`lastSentAt` are index keys: always rebuilt from
 * `sentAt`, never trusted.
 */

import { ID_MAX } from './customer-record';
import {
  type ActionKind,
  type Channel,
  type EventDetail,
  type EventType,
  type Invitation,
  type InvitationEvent,
  type InvitationState,
  type InvitationStatus,
  sendKeys,
} from './invitation';
import type { Parsed, Problem } from './problem';
import {
  bool,
  FORBIDDEN_KEYS,
  isPlainObject,
  kindOf,
  list,
  num,
  type ObjectOptions,
  oneOf,
  optional,
  parseObject,
  type Rule,
  requiredText,
  type Shape,
  text,
  valuesOf,
} from './shape';
import type { Language, LinkType } from './types';

/** A send a day for years: more is a corrupt or hostile record, not a partner's history. */
export const SENDS_MAX = 1000;
/** A GDAP link is about 200 characters; roles and duration are short labels. */
export const GDAP_TEXT_MAX = 2048;

/**
 * Every value of each closed union, listed through a Record of the union so that a value added to the type and not
 * here is a compile error, never a record silently refused.
 */
const STATUSES = valuesOf<InvitationStatus>({
  pending: true,
  accepted: true,
  withdrawn: true,
  removed: true,
});
const LINK_TYPES = valuesOf<LinkType>({ reseller: true, 'indirect-reseller': true, gdap: true });
const CHANNELS = valuesOf<Channel>({ copy: true, mailto: true, compose: true, export: true });
const LANGUAGES = valuesOf<Language>({ en: true, fr: true });
const ACTIONS = valuesOf<ActionKind>({
  send: true,
  resend: true,
  accept: true,
  withdraw: true,
  end: true,
  reopen: true,
  undo: true,
  'admin-access': true,
  'follow-up': true,
});
const EVENT_TYPES = valuesOf<EventType>({
  sent: true,
  resent: true,
  accepted: true,
  withdrawn: true,
  removed: true,
  reopened: true,
  undone: true,
  'admin-access': true,
  'follow-up': true,
});

type StateFields = Omit<InvitationState, 'firstSentAt' | 'lastSentAt'>;

const STATE_SHAPE: Shape<StateFields> = {
  linkType: oneOf(LINK_TYPES),
  gdapLink: optional(text(GDAP_TEXT_MAX)),
  gdapRoles: optional(text(GDAP_TEXT_MAX)),
  gdapDuration: optional(text(GDAP_TEXT_MAX)),
  gdapSince: optional(num()),
  language: oneOf(LANGUAGES, 'en'),
  status: oneOf(STATUSES),
  sentAt: list(num(), SENDS_MAX),
  acceptedAt: optional(num()),
  endedAt: optional(num()),
  followUpDueAt: optional(num()),
  adminAccessRemoved: bool(false),
  channel: oneOf(CHANNELS),
  changedAt: num(),
  lastAction: oneOf(ACTIONS),
};

/** The undo snapshot: absent (no undo), null (undo deletes), or a state. */
const previous: Rule<InvitationState | null | undefined> = (v, field) => {
  if (v === undefined || v === null) return { ok: true, value: v };
  const r = parseObject(v, STATE_SHAPE, { what: field });
  if (!r.ok) return { ok: false, problem: { ...(r.problems[0] as Problem), field } };
  return { ok: true, value: withSendKeys(r.value) };
};

const INVITATION_SHAPE: Shape<Omit<Invitation, 'firstSentAt' | 'lastSentAt'>> = {
  ...STATE_SHAPE,
  id: requiredText(ID_MAX),
  customerId: requiredText(ID_MAX),
  type: oneOf(['reseller', 'gdap'] as const),
  epoch: num(0),
  previous,
  updatedAt: num(0),
};

/** Sets the index keys on the object the parser just built (it is ours: no copy of a wide record per row). */
function withSendKeys<T extends { sentAt: number[] }>(v: T): T & { firstSentAt: number; lastSentAt: number } {
  return Object.assign(v, sendKeys(v.sentAt));
}

/** An invitation from a file or a stored row; unknown fields are dropped unless `keepUnknown` (sync). */
export function parseInvitation(
  value: unknown,
  options: Pick<ObjectOptions, 'keepUnknown'> = {},
): Parsed<Invitation> {
  const r = parseObject(value, INVITATION_SHAPE, { ...options, what: 'invitation' });
  return r.ok ? { ok: true, value: withSendKeys(r.value) } : r;
}

/** An invitation arriving through sync: a newer version's extra fields are kept for the round trip. */
export function parseSyncedInvitation(value: unknown): Parsed<Invitation & Record<string, unknown>> {
  return parseInvitation(value, { keepUnknown: true }) as Parsed<Invitation & Record<string, unknown>>;
}

/** An event's detail: a flat record of short strings, numbers and booleans (event-text.ts shows them). */
const DETAIL_KEYS_MAX = 20;
const DETAIL_TEXT_MAX = 2048;
const detail: Rule<EventDetail> = (v, field) => {
  const fail = (message: string) => ({ ok: false as const, problem: { field, code: 'bad-detail', message } });
  if (!isPlainObject(v)) return fail(`${field} should be an object, not ${kindOf(v)}.`);
  const entries = Object.entries(v).filter(([k]) => !FORBIDDEN_KEYS.has(k));
  if (entries.length > DETAIL_KEYS_MAX) return fail(`${field} has more than ${DETAIL_KEYS_MAX} entries.`);
  const out: EventDetail = {};
  for (const [k, x] of entries) {
    const okValue =
      (typeof x === 'string' && x.length <= DETAIL_TEXT_MAX) ||
      (typeof x === 'number' && Number.isFinite(x)) ||
      typeof x === 'boolean';
    if (!okValue) return fail(`${field}.${k.slice(0, 40)} is ${kindOf(x)}, too long or not a plain value.`);
    out[k] = x as string | number | boolean;
  }
  return { ok: true, value: out };
};

const EVENT_SHAPE: Shape<InvitationEvent> = {
  id: requiredText(ID_MAX),
  customerId: requiredText(ID_MAX),
  invitationId: requiredText(ID_MAX),
  at: num(),
  type: oneOf(EVENT_TYPES),
  detail,
};

/** A timeline event from a file or a stored row. */
export function parseEvent(value: unknown): Parsed<InvitationEvent> {
  return parseObject(value, EVENT_SHAPE, { what: 'event' });
}
