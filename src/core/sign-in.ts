/**
 * The Microsoft identity platform's authorization code flow with PKCE, as plain data (docs/connect.md, "Sign-in").
 * Pure: the worker does the requests. Shapes from
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow (request an authorization code,
 * redeem a code, refresh the access token, error responses).
 */
import type { Parsed, Problem } from './problem';
import { isPlainObject, kindOf } from './shape';

/** Partner Center's delegated permission and Graph's GDAP read permission: one token request for each. */
export const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/DelegatedAdminRelationship.Read.All';
/** A refresh token lets the worker renew silently; both resources share it. */
const OFFLINE = 'offline_access';

export type Resource = 'partner-center' | 'graph';
export const SCOPES: Readonly<Record<Resource, string>> = {
  'partner-center': `${PARTNER_CENTER_SCOPE} ${OFFLINE}`,
  graph: `${GRAPH_SCOPE} ${OFFLINE}`,
};

export interface AuthorizeRequest {
  loginOrigin: string;
  tenant: string;
  clientId: string;
  redirectUri: string;
  state: string;
  challenge: string;
}

export const authorityOf = (loginOrigin: string, tenant: string): string =>
  `${loginOrigin}/${encodeURIComponent(tenant)}/oauth2/v2.0`;

/** The sign-in page's address: Partner Center's scope first, so the code redeems for it. */
export function authorizeUrl(r: AuthorizeRequest): string {
  const q = new URLSearchParams({
    client_id: r.clientId,
    response_type: 'code',
    redirect_uri: r.redirectUri,
    response_mode: 'query',
    scope: SCOPES['partner-center'],
    state: r.state,
    code_challenge: r.challenge,
    code_challenge_method: 'S256',
    prompt: 'select_account',
  });
  return `${authorityOf(r.loginOrigin, r.tenant)}/authorize?${q}`;
}

/** The code from the address the sign-in window ended on, or why there is none. */
export function parseRedirect(url: string, redirectUri: string, state: string): Parsed<string> {
  const fail = (code: string, message: string): Parsed<string> => ({
    ok: false,
    problems: [{ code, message }],
  });
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return fail('bad-redirect', 'The sign-in window did not come back to the extension.');
  }
  if (!`${u.origin}${u.pathname}`.startsWith(redirectUri.replace(/\/$/, ''))) {
    return fail('bad-redirect', 'The sign-in window came back to an address that is not the extension’s.');
  }
  const p = u.searchParams;
  if (p.get('state') !== state)
    return fail('bad-state', 'The sign-in answer does not belong to this sign-in.');
  const error = p.get('error');
  if (error) return { ok: false, problems: [tokenProblem(error, p.get('error_description') ?? '')] };
  const code = p.get('code');
  return code ? { ok: true, value: code } : fail('no-code', 'The sign-in window came back without a code.');
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms. */
  expiresAt: number;
}

const TOKEN_MAX = 16_384;

/** A token endpoint's success answer, or why it is refused. `now` dates the expiry. */
export function parseTokenResponse(body: unknown, now: number): Parsed<TokenSet> {
  const fail = (message: string): Parsed<TokenSet> => ({
    ok: false,
    problems: [{ code: 'bad-token', message }],
  });
  if (!isPlainObject(body)) return fail(`The sign-in service answered with ${kindOf(body)}, not a token.`);
  const { access_token, refresh_token, expires_in, token_type } = body;
  if (typeof access_token !== 'string' || access_token === '' || access_token.length > TOKEN_MAX) {
    return fail('The sign-in service answered without an access token.');
  }
  if (typeof token_type === 'string' && token_type.toLowerCase() !== 'bearer') {
    return fail(`The sign-in service gave a ${token_type.slice(0, 20)} token, not a bearer token.`);
  }
  const seconds = typeof expires_in === 'string' ? Number(expires_in) : expires_in;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
    return fail('The sign-in service did not say when the token expires.');
  }
  const tokens: TokenSet = { accessToken: access_token, expiresAt: now + seconds * 1000 };
  if (typeof refresh_token === 'string' && refresh_token !== '' && refresh_token.length <= TOKEN_MAX) {
    tokens.refreshToken = refresh_token;
  }
  return { ok: true, value: tokens };
}

/**
 * AADSTS codes we say something specific about (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
 * `signIn`: only an interactive sign-in helps; the worker stops its checks until the partner signs in again.
 */
const AADSTS: readonly [RegExp, string, string][] = [
  [
    /AADSTS700084\b/,
    'refresh-expired',
    'The sign-in is more than 24 hours old (Microsoft’s limit for this kind of app): sign in again.',
  ],
  [
    /AADSTS(50173|50133|70043|700082|70008)\b/,
    'grant-expired',
    'The sign-in was revoked or expired (a password change, an administrator or age): sign in again.',
  ],
  [
    /AADSTS(65001|65004)\b/,
    'consent-missing',
    'The app lacks consent for Partner Center or Graph: an administrator grants it in Entra ID > App registrations > API permissions, then sign in again.',
  ],
  [
    /AADSTS(50076|50079|50158)\b/,
    'mfa-required',
    'Your organisation asks for multifactor authentication: sign in again to pass it.',
  ],
  [
    /AADSTS700016\b/,
    'unknown-client',
    'No app with this client ID exists in your tenant: check the Application (client) ID in Options > Partner Center.',
  ],
  [
    /AADSTS(50011|500113)\b/,
    'redirect-mismatch',
    'The app does not list this browser’s redirect URL: add it as a single-page application redirect URI.',
  ],
  [
    /AADSTS(9002326|9002327)\b/,
    'not-spa',
    'The redirect URL must be registered under “Single-page application”, not “Web”.',
  ],
  [
    /AADSTS90002\b/,
    'unknown-tenant',
    'Microsoft does not know the tenant in your profile: check its tenant ID.',
  ],
];

/** The problem an error answer of the sign-in service describes; `error` is its OAuth error code. */
export function tokenProblem(error: string, description: string): Problem {
  for (const [pattern, code, message] of AADSTS) {
    if (pattern.test(description)) return { field: 'signIn', code, message };
  }
  if (error === 'access_denied') {
    return { field: 'signIn', code: 'denied', message: 'The sign-in was cancelled or refused.' };
  }
  if (error === 'invalid_grant' || error === 'interaction_required' || error === 'login_required') {
    return { field: 'signIn', code: 'grant-expired', message: 'The sign-in has expired: sign in again.' };
  }
  const code = /^[a-z_]{1,40}$/.test(error) ? error : 'unknown';
  return { field: 'signIn', code: 'sign-in-failed', message: `Sign-in failed (${code}).` };
}

/** Codes after which only the partner can help: checks stop and the popup and Options say "sign in again". */
const NEEDS_SIGN_IN: ReadonlySet<string> = new Set([
  'refresh-expired',
  'grant-expired',
  'consent-missing',
  'mfa-required',
  'unknown-client',
  'redirect-mismatch',
  'not-spa',
  'unknown-tenant',
  'denied',
  'sign-in-failed',
  'token-rejected',
  'signed-out',
]);
export const needsSignIn = (p: Problem): boolean => NEEDS_SIGN_IN.has(p.code);

/** A token endpoint's error answer (JSON `{ error, error_description }`), or a generic problem for anything else. */
export function parseTokenError(status: number, body: unknown): Problem {
  if (isPlainObject(body) && typeof body.error === 'string') {
    const description = typeof body.error_description === 'string' ? body.error_description : '';
    return tokenProblem(body.error, description);
  }
  return {
    field: 'signIn',
    code: 'sign-in-failed',
    message: `The sign-in service answered HTTP ${status} without an explanation.`,
  };
}

/** RFC 4648 section 5 base64url without padding: PKCE's verifier and challenge encoding (RFC 7636, section 4). */
export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
