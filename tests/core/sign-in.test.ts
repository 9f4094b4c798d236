import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  base64url,
  GRAPH_SCOPE,
  needsSignIn,
  PARTNER_CENTER_SCOPE,
  parseRedirect,
  parseTokenError,
  parseTokenResponse,
  tokenProblem,
} from '../../src/core/sign-in';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const TENANT = '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

describe('authorizeUrl', () => {
  it('asks the partner tenant for a code with PKCE S256, Partner Center first, offline access, no secret', () => {
    const url = new URL(
      authorizeUrl({
        loginOrigin: 'https://login.microsoftonline.com',
        tenant: TENANT,
        clientId: 'cid',
        redirectUri: REDIRECT,
        state: 's',
        challenge: 'c',
      }),
    );
    expect(url.origin + url.pathname).toBe(
      `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
    );
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({
      client_id: 'cid',
      response_type: 'code',
      redirect_uri: REDIRECT,
      state: 's',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    });
    expect(q.scope?.split(' ')).toEqual([PARTNER_CENTER_SCOPE, 'offline_access']);
    expect(url.search).not.toMatch(/secret/);
  });
});

describe('parseRedirect', () => {
  it('reads the code when the state matches', () => {
    expect(parseRedirect(`${REDIRECT}?code=abc&state=s1`, REDIRECT, 's1')).toEqual({
      ok: true,
      value: 'abc',
    });
  });
  it.each([
    ['another state', `${REDIRECT}?code=abc&state=s2`, 'bad-state'],
    ['another address', 'https://evil.example/?code=abc&state=s1', 'bad-redirect'],
    ['no address', 'not a url', 'bad-redirect'],
    ['no code', `${REDIRECT}?state=s1`, 'no-code'],
    [
      'a refusal',
      `${REDIRECT}?error=access_denied&error_description=AADSTS65004%3A+User+declined&state=s1`,
      'consent-missing',
    ],
  ])('refuses %s', (_what, url, code) => {
    const r = parseRedirect(url, REDIRECT, 's1');
    expect(r.ok ? '' : r.problems[0]?.code).toBe(code);
  });
});

describe('parseTokenResponse', () => {
  const sample = {
    token_type: 'Bearer',
    scope: GRAPH_SCOPE,
    expires_in: 3599,
    access_token: 'eyJ0eXAi',
    refresh_token: 'AwABAAAA',
  };
  it('reads the documented success answer and dates the expiry', () => {
    expect(parseTokenResponse(sample, 1000)).toEqual({
      ok: true,
      value: { accessToken: 'eyJ0eXAi', refreshToken: 'AwABAAAA', expiresAt: 1000 + 3599_000 },
    });
    expect(parseTokenResponse({ ...sample, expires_in: '3599' }, 0).ok).toBe(true);
  });
  it('keeps no refresh token when none came', () => {
    const { refresh_token: _r, ...rest } = sample;
    const r = parseTokenResponse(rest, 0);
    expect(r.ok && 'refreshToken' in r.value).toBe(false);
  });
  it.each([
    ['a string', 'token'],
    ['no access token', { ...sample, access_token: '' }],
    ['another token type', { ...sample, token_type: 'pop' }],
    ['no expiry', { ...sample, expires_in: undefined }],
    ['a negative expiry', { ...sample, expires_in: -1 }],
  ])('refuses %s', (_what, body) => {
    const r = parseTokenResponse(body, 0);
    expect(r.ok ? '' : r.problems[0]?.code).toBe('bad-token');
  });
});

describe('token errors', () => {
  it.each([
    ['AADSTS700084: The refresh token was issued to a single page app (SPA)', 'refresh-expired'],
    ['AADSTS50173: The provided grant has expired due to it being revoked', 'grant-expired'],
    ['AADSTS65001: The user or administrator has not consented', 'consent-missing'],
    [
      'AADSTS50076: Due to a configuration change made by your administrator… you must use multi-factor authentication',
      'mfa-required',
    ],
    ['AADSTS700016: Application with identifier was not found in the directory', 'unknown-client'],
    ['AADSTS50011: The redirect URI specified in the request does not match', 'redirect-mismatch'],
    [
      'AADSTS9002326: Cross-origin token redemption is permitted only for the Single-Page Application client-type',
      'not-spa',
    ],
    ['AADSTS90002: Tenant not found', 'unknown-tenant'],
  ])('%s → %s, which asks for a new sign-in', (description, code) => {
    const p = parseTokenError(400, { error: 'invalid_grant', error_description: description });
    expect(p.code).toBe(code);
    expect(needsSignIn(p)).toBe(true);
  });
  it('falls back on the OAuth error code, never echoing an odd one', () => {
    expect(tokenProblem('invalid_grant', '').code).toBe('grant-expired');
    expect(tokenProblem('access_denied', '').code).toBe('denied');
    expect(tokenProblem('<script>', '').message).toBe('Sign-in failed (unknown).');
    expect(parseTokenError(502, '<html>').code).toBe('sign-in-failed');
  });
  it('throttling and server errors do not ask for a sign-in', () => {
    expect(needsSignIn({ code: 'throttled', message: '' })).toBe(false);
    expect(needsSignIn({ code: 'no-agent-role', message: '' })).toBe(false);
  });
});

describe('base64url', () => {
  it('encodes RFC 7636 appendix B: the challenge of its verifier', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    expect(base64url(digest)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});
