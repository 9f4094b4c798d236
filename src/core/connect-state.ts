/**
 * What the Partner Center connection keeps on this browser (docs/connect.md, "What is stored"), and the parsers that
 * read it back: the last check's outcome and the review list in `storage.local`, the tokens in `storage.session`
 * only. The client id is a synced setting (connect-settings.ts). Pure.
 */
import type { ExportRow } from './partner-center-export';

/** Where the connection lives on this browser: status and proposals in storage.local, tokens in storage.session. */
export const CONNECT_KEYS = {
  status: 'connect.status',
  proposals: 'connect.proposals',
  tokens: 'connect.tokens',
} as const;

import type { Parsed, Problem } from './problem';
import { list, num, oneOf, optional, parseObject, type Rule, type Shape, text } from './shape';

export interface AccessToken {
  accessToken: string;
  expiresAt: number;
}

/** `storage.session` only: gone when the browser closes, never synced, never in IndexedDB. */
export interface SessionTokens {
  tenant: string;
  clientId: string;
  refreshToken?: string;
  partnerCenter?: AccessToken;
  graph?: AccessToken;
}

const TOKEN_MAX = 16_384;
const access: Rule<AccessToken> = (v, field) => {
  const r = parseObject(v, { accessToken: text(TOKEN_MAX), expiresAt: num() }, { what: field });
  return r.ok ? r : { ok: false, problem: { ...(r.problems[0] as Problem), field } };
};

const TOKENS: Shape<SessionTokens> = {
  tenant: text(64),
  clientId: text(64),
  refreshToken: optional(text(TOKEN_MAX)),
  partnerCenter: optional(access),
  graph: optional(access),
};

export const parseSessionTokens = (v: unknown): Parsed<SessionTokens> =>
  parseObject(v, TOKENS, { what: 'sign-in' });

export type ConnectState = 'never' | 'connected' | 'signed-out';

export interface CheckSummary {
  /** Pending reseller invitations marked accepted by tenant ID or domain. */
  accepted: number;
  /** GDAP invitations changed (accepted, ended, admin access note). */
  gdap: number;
  /** Matches and new customers offered for review. */
  offered: number;
  /** Reseller customers Partner Center listed. */
  customers: number;
}

export interface ExpiryNote {
  customerId: string;
  outcome: 'expired-unanswered' | 'expiring';
  at?: number;
}

export interface ConnectStatus {
  state: ConnectState;
  /** The last check that read both lists and applied what they said. */
  lastCheckedAt?: number;
  /** The last run's refusal; absent after a good run. */
  problem?: Problem;
  summary?: CheckSummary;
  notes: ExpiryNote[];
}

export const NEVER: ConnectStatus = { state: 'never', notes: [] };

const problemRule: Rule<Problem> = (v, field) => {
  const r = parseObject(
    v,
    { field: optional(text(200)), code: text(60), message: text(1000) },
    { what: field },
  );
  return r.ok ? r : { ok: false, problem: { ...(r.problems[0] as Problem), field } };
};
const summaryRule: Rule<CheckSummary> = (v, field) => {
  const r = parseObject(
    v,
    { accepted: num(0), gdap: num(0), offered: num(0), customers: num(0) },
    { what: field },
  );
  return r.ok ? r : { ok: false, problem: { ...(r.problems[0] as Problem), field } };
};
const noteRule: Rule<ExpiryNote> = (v, field) => {
  const shape: Shape<ExpiryNote> = {
    customerId: text(64),
    outcome: oneOf(['expired-unanswered', 'expiring'] as const),
    at: optional(num()),
  };
  const r = parseObject(v, shape, { what: field });
  return r.ok ? r : { ok: false, problem: { ...(r.problems[0] as Problem), field } };
};

const STATUS: Shape<ConnectStatus> = {
  state: oneOf(['never', 'connected', 'signed-out'] as const, 'never'),
  lastCheckedAt: optional(num()),
  problem: optional(problemRule),
  summary: optional(summaryRule),
  notes: (v, field) => (v === undefined ? { ok: true, value: [] } : list(noteRule, 10_000)(v, field)),
};

/** The stored status; absent reads as never connected. */
export function parseConnectStatus(v: unknown): Parsed<ConnectStatus> {
  return v === undefined ? { ok: true, value: NEVER } : parseObject(v, STATUS, { what: 'connection status' });
}

/**
 * What a check found and did not apply: a name-only match, a matched customer with no invitation, a customer
 * unknown here. The partner applies any of them from Options > Partner Center.
 */
export interface Proposal {
  kind: 'name' | 'uninvited' | 'new';
  row: ExportRow;
  customerId?: string;
}

const rowRule: Rule<ExportRow> = (v, field) => {
  const shape: Shape<ExportRow> = {
    tenantId: text(64),
    companyName: text(200),
    domain: text(253),
    relationship: text(60),
  };
  const r = parseObject(v, shape, { what: field });
  return r.ok ? r : { ok: false, problem: { ...(r.problems[0] as Problem), field } };
};
const proposalRule: Rule<Proposal> = (v, field) => {
  const shape: Shape<Proposal> = {
    kind: oneOf(['name', 'uninvited', 'new'] as const),
    row: rowRule,
    customerId: optional(text(64)),
  };
  const r = parseObject(v, shape, { what: field });
  return r.ok ? r : { ok: false, problem: { ...(r.problems[0] as Problem), field } };
};

/** Partner Center lists at most a few tens of thousands of customers; more is not a review list. */
export const PROPOSALS_MAX = 100_000;

export function parseProposals(v: unknown): Parsed<Proposal[]> {
  if (v === undefined) return { ok: true, value: [] };
  const r = list(proposalRule, PROPOSALS_MAX)(v, 'proposals');
  return r.ok ? r : { ok: false, problems: [r.problem] };
}
