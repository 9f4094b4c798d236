/**
 * One Partner Center check (docs/connect.md, "When it runs"): both lists read whole with the stored sign-in, what
 * read applied, the outcome recorded. A list that does not read changes nothing; a sign-in only the partner can
 * renew stops the checks (tokens dropped, "sign in again" shown) until the partner signs in.
 */
import type { ConnectStatus, Proposal, SessionTokens } from '../../core/connect-state';
import type { GdapRelationship } from '../../core/gdap';
import { resellerRows } from '../../core/partner-center';
import type { ExportRow } from '../../core/partner-center-export';
import type { Parsed, Problem } from '../../core/problem';
import { needsSignIn, type Resource } from '../../core/sign-in';
import type { CheckResult } from '../../db/partner-center';
import { accessToken, renew, type SignInPort } from './auth';
import { readRelationships } from './graph';
import { readCustomers } from './partner-center';

/** Where the connection keeps its state (store.ts over storage.local and storage.session; a Map in tests). */
export interface ConnectStore {
  tokens(): Promise<SessionTokens | undefined>;
  setTokens(tokens: SessionTokens): Promise<void>;
  clearTokens(): Promise<void>;
  status(): Promise<ConnectStatus>;
  setStatus(status: ConnectStatus): Promise<void>;
  setProposals(proposals: Proposal[]): Promise<void>;
}

export interface CheckPort extends SignInPort {
  store: ConnectStore;
  apply(rows: ExportRow[] | undefined, relationships: GdapRelationship[] | undefined): Promise<CheckResult>;
  /** After a write to the database: badge recount and sync flush, as for a page's write. */
  afterWrite(): Promise<void>;
}

export const SIGNED_OUT: Problem = {
  field: 'signIn',
  code: 'signed-out',
  message:
    'Partner Center checks stopped: the sign-in ended (the browser was closed, or it expired). Sign in again in Options > Partner Center.',
};

/** Stops the checks until the partner signs in again; the last good check's date and findings stay. */
export async function signOut(store: ConnectStore, problem: Problem): Promise<ConnectStatus> {
  await store.clearTokens();
  const status: ConnectStatus = { ...(await store.status()), state: 'signed-out', problem };
  await store.setStatus(status);
  return status;
}

export async function runCheck(port: CheckPort): Promise<ConnectStatus> {
  const before = await port.store.status();
  const tokens = await port.store.tokens();
  if (!tokens) return before.state === 'connected' ? signOut(port.store, SIGNED_OUT) : before;
  let held = tokens;
  // A token refused mid-read (revoked, or expired early) is renewed once; a second refusal is final.
  const read = async <T>(
    resource: Resource,
    reader: (token: string) => Promise<Parsed<T>>,
  ): Promise<Parsed<T>> => {
    const a = await accessToken(port, held, resource);
    if (!a.ok) return a;
    held = a.value.tokens;
    const r = await reader(a.value.token);
    if (r.ok || r.problems[0]?.code !== 'token-rejected') return r;
    const again = await renew(port, held, resource);
    if (!again.ok) return again;
    held = again.value.tokens;
    return reader(again.value.token);
  };
  const customers = await read('partner-center', (t) =>
    readCustomers(port.net, port.endpoints.partnerCenter, t),
  );
  const relationships = await read('graph', (t) => readRelationships(port.net, port.endpoints.graph, t));
  if (held !== tokens) await port.store.setTokens(held);
  const problem = [customers, relationships].flatMap((r) => (r.ok ? [] : r.problems))[0];
  if (problem && needsSignIn(problem)) return signOut(port.store, problem);
  if (!customers.ok && !relationships.ok) {
    const status: ConnectStatus = { ...before, state: 'connected', problem: problem as Problem };
    await port.store.setStatus(status);
    return status;
  }
  const result = await port.apply(
    customers.ok ? resellerRows(customers.value) : undefined,
    relationships.ok ? relationships.value : undefined,
  );
  if (result.proposals) await port.store.setProposals(result.proposals);
  if (result.summary.accepted + result.summary.gdap > 0) await port.afterWrite();
  const status: ConnectStatus = {
    state: 'connected',
    notes: relationships.ok ? result.notes : before.notes,
    summary: result.summary,
  };
  const checkedAt = customers.ok ? port.net.now() : before.lastCheckedAt;
  if (checkedAt !== undefined) status.lastCheckedAt = checkedAt;
  if (problem) status.problem = problem;
  await port.store.setStatus(status);
  return status;
}
