/**
 * Sign-in and silent renewal (docs/connect.md, "Sign-in"): authorization code with PKCE (S256) and no secret, the
 * authority being the partner's own tenant; the code is redeemed for Partner Center, then the refresh token for
 * Graph, one token request per resource. Refresh tokens rotate: the newest one is kept, in `storage.session` only.
 */

import type { Endpoints } from '../../core/connect-endpoints';
import type { AccessToken, SessionTokens } from '../../core/connect-state';
import type { Parsed, Problem } from '../../core/problem';
import {
  authorityOf,
  authorizeUrl,
  base64url,
  parseRedirect,
  parseTokenError,
  parseTokenResponse,
  type Resource,
  SCOPES,
  type TokenSet,
} from '../../core/sign-in';
import { type Net, readJson, send } from './net';

export interface SignInPort {
  net: Net;
  endpoints: Endpoints;
  redirectUri: string;
  /** Shows Microsoft's sign-in and resolves with the redirect address (identity.launchWebAuthFlow, or the e2e fake). */
  launch(url: string): Promise<string>;
}

/** A token is renewed this long before it expires, so a page of a long read never meets an expired one. */
const MARGIN_MS = 5 * 60_000;

const random = (bytes: number): string => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function tokenRequest(
  port: SignInPort,
  tenant: string,
  form: Record<string, string>,
): Promise<Parsed<TokenSet>> {
  const reply = await send(port.net, `${authorityOf(port.endpoints.login, tenant)}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  if ('offline' in reply) {
    const problem: Problem = {
      field: 'signIn',
      code: 'offline',
      message: 'Microsoft’s sign-in could not be reached; the next check tries again.',
    };
    return { ok: false, problems: [problem] };
  }
  const body = readJson(reply.text);
  if (reply.status !== 200) return { ok: false, problems: [parseTokenError(reply.status, body)] };
  return parseTokenResponse(body, port.net.now());
}

const access = (t: TokenSet): AccessToken => ({ accessToken: t.accessToken, expiresAt: t.expiresAt });

/** Interactive sign-in for both resources. Nothing is stored here: the caller keeps what comes back. */
export async function signIn(
  port: SignInPort,
  clientId: string,
  tenant: string,
): Promise<Parsed<SessionTokens>> {
  const verifier = random(48);
  const state = random(16);
  const url = authorizeUrl({
    loginOrigin: port.endpoints.login,
    tenant,
    clientId,
    redirectUri: port.redirectUri,
    state,
    challenge: await challengeOf(verifier),
  });
  let landed: string;
  try {
    landed = await port.launch(url);
  } catch {
    const problem: Problem = {
      field: 'signIn',
      code: 'denied',
      message: 'The sign-in window was closed before the sign-in finished.',
    };
    return { ok: false, problems: [problem] };
  }
  const code = parseRedirect(landed, port.redirectUri, state);
  if (!code.ok) return code;
  const pc = await tokenRequest(port, tenant, {
    client_id: clientId,
    grant_type: 'authorization_code',
    code: code.value,
    redirect_uri: port.redirectUri,
    code_verifier: verifier,
    scope: SCOPES['partner-center'],
  });
  if (!pc.ok) return pc;
  const tokens: SessionTokens = { tenant, clientId, partnerCenter: access(pc.value) };
  if (pc.value.refreshToken) tokens.refreshToken = pc.value.refreshToken;
  const graph = await renew(port, tokens, 'graph');
  return graph.ok ? { ok: true, value: graph.value.tokens } : graph;
}

const KEY: Readonly<Record<Resource, 'partnerCenter' | 'graph'>> = {
  'partner-center': 'partnerCenter',
  graph: 'graph',
};

/** A fresh access token for `resource` from the refresh token; the tokens with it and any rotated refresh token. */
export async function renew(
  port: SignInPort,
  tokens: SessionTokens,
  resource: Resource,
): Promise<Parsed<{ tokens: SessionTokens; token: string }>> {
  if (!tokens.refreshToken) {
    const problem: Problem = {
      field: 'signIn',
      code: 'grant-expired',
      message: 'The sign-in cannot be renewed: sign in again.',
    };
    return { ok: false, problems: [problem] };
  }
  const r = await tokenRequest(port, tokens.tenant, {
    client_id: tokens.clientId,
    grant_type: 'refresh_token',
    refresh_token: tokens.refreshToken,
    scope: SCOPES[resource],
  });
  if (!r.ok) return r;
  const next: SessionTokens = { ...tokens, [KEY[resource]]: access(r.value) };
  if (r.value.refreshToken) next.refreshToken = r.value.refreshToken;
  return { ok: true, value: { tokens: next, token: r.value.accessToken } };
}

/** The stored token for `resource` while it has time left, else a renewed one. */
export async function accessToken(
  port: SignInPort,
  tokens: SessionTokens,
  resource: Resource,
): Promise<Parsed<{ tokens: SessionTokens; token: string }>> {
  const held = tokens[KEY[resource]];
  if (held && held.expiresAt - MARGIN_MS > port.net.now())
    return { ok: true, value: { tokens, token: held.accessToken } };
  return renew(port, tokens, resource);
}
