/**
 * The worker's Partner Center connection against the local fake of Microsoft (tests/connect/fake-microsoft.ts):
 * sign-in with PKCE, both lists paged, throttling, expiry, refusals. Real fetch on loopback, the database in
 * fake-indexeddb, the stores in memory, the clock's waits recorded instead of slept.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../src/background/connect/auth';
import { type CheckPort, type ConnectStore, runCheck } from '../../src/background/connect/check';
import type { Net } from '../../src/background/connect/net';
import { type ConnectStatus, NEVER, type Proposal, type SessionTokens } from '../../src/core/connect-state';
import { customerTimeline } from '../../src/db/events';
import { invitationOf, recordSend } from '../../src/db/invitations';
import { applyCheck } from '../../src/db/partner-center';
import { FakeMicrosoft, relationshipItem } from '../connect/fake-microsoft';
import { GDAP_LINK, ok, useDb } from '../db/support';

const TENANT = '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const CLIENT = '11111111-2222-4333-8444-555555555555';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const CONTOSO = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const FABRIKAM = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const RELATIONSHIP = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';

const fake = new FakeMicrosoft(TENANT, CLIENT);
const ctx = useDb();
let waits: number[];
let store: ConnectStore & { data: Map<string, unknown> };
let writes: number;

function memoryStore(): ConnectStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    tokens: async () => data.get('tokens') as SessionTokens | undefined,
    setTokens: async (t) => void data.set('tokens', t),
    clearTokens: async () => void data.delete('tokens'),
    status: async () => (data.get('status') as ConnectStatus | undefined) ?? NEVER,
    setStatus: async (s) => void data.set('status', s),
    setProposals: async (p) => void data.set('proposals', p),
  };
}

const net: Net = {
  fetch: (input, init) => fetch(input, init),
  sleep: async (ms) => {
    waits.push(ms);
  },
  now: () => Date.now(),
};

function port(): CheckPort {
  return {
    net,
    endpoints: { login: fake.origin, partnerCenter: fake.origin, graph: fake.origin },
    redirectUri: REDIRECT,
    launch: async (url) => (await fetch(url)).text(),
    store,
    apply: (rows, rels) => applyCheck(ctx.db, rows, rels),
    afterWrite: async () => {
      writes++;
    },
  };
}

async function connected(): Promise<void> {
  const tokens = ok(await signIn(port(), CLIENT, TENANT));
  await store.setTokens(tokens.value);
  await store.setStatus({ state: 'connected', notes: [] });
}

async function invite(companyName: string, domain: string, tenantId = '') {
  const sent = await recordSend(ctx.db, {
    companyName,
    domain,
    tenantId,
    linkType: 'reseller',
    language: 'en',
    channel: 'copy',
  });
  if (!sent.ok) throw new Error(JSON.stringify(sent.problems));
  return sent;
}

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  waits = [];
  writes = 0;
  store = memoryStore();
  fake.faults = [];
  fake.log = [];
  fake.refreshFailure = undefined;
  fake.relationships = [];
  fake.setCustomers([
    { tenantId: CONTOSO, companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' },
    { tenantId: FABRIKAM, companyName: 'Fabrikam Inc', domain: 'fabrikam.com' },
  ]);
});

describe('sign-in', () => {
  it('gets a token for each resource with one request each, PKCE S256, no secret', async () => {
    const tokens = ok(await signIn(port(), CLIENT, TENANT)).value;
    expect(tokens.partnerCenter?.accessToken).toMatch(/^at-/);
    expect(tokens.graph?.accessToken).toMatch(/^at-/);
    expect(tokens.refreshToken).toMatch(/^rt-/);
    const tokenCalls = fake.log.filter((l) => l.endsWith('/token'));
    expect(tokenCalls).toHaveLength(2);
    const authorize = fake.log.find((l) => l.includes('/authorize')) ?? '';
    expect(authorize).toContain(`/${TENANT}/oauth2/v2.0/authorize`);
    expect(authorize).toContain('code_challenge_method=S256');
    expect(authorize).not.toContain('client_secret');
  });

  it('refuses an answer for another sign-in (state) and a closed window', async () => {
    const p = port();
    p.launch = async () => `${REDIRECT}?code=stolen&state=someone-else`;
    const r = await signIn(p, CLIENT, TENANT);
    expect(r.ok ? '' : r.problems[0]?.code).toBe('bad-state');
    p.launch = async () => {
      throw new Error('The user did not approve access.');
    };
    const closed = await signIn(p, CLIENT, TENANT);
    expect(closed.ok ? '' : closed.problems[0]?.code).toBe('denied');
  });

  it('names an unknown client id', async () => {
    const r = await signIn(port(), '99999999-2222-4333-8444-555555555555', TENANT);
    expect(r.ok ? '' : r.problems[0]?.code).toBe('unknown-client');
  });
});

describe('a check', () => {
  it('marks a pending invitation accepted by tenant ID or domain, with the event, and offers the rest', async () => {
    const byDomain = await invite('Contoso', 'contoso.onmicrosoft.com');
    const byName = await invite('Fabrikam', '');
    await connected();
    const status = await runCheck(port());
    expect(status.state).toBe('connected');
    expect(status.problem).toBeUndefined();
    expect(status.summary).toMatchObject({ accepted: 1, customers: 2 });
    const inv = await invitationOf(ctx.db, byDomain.customerId, 'reseller');
    expect(inv?.status).toBe('accepted');
    const events = await customerTimeline(ctx.db, byDomain.customerId);
    expect(events.at(-1)?.detail).toMatchObject({ source: 'partner-center', by: 'domain' });
    // The name-only match is proposed, never applied.
    expect((await invitationOf(ctx.db, byName.customerId, 'reseller'))?.status).toBe('pending');
    const proposals = store.data.get('proposals') as Proposal[];
    expect(proposals).toEqual([expect.objectContaining({ kind: 'name', customerId: byName.customerId })]);
    expect(writes).toBe(1);
  });

  it('offers customers unknown here without adding them', async () => {
    await connected();
    await runCheck(port());
    expect(await ctx.db.customers.count()).toBe(0);
    expect((store.data.get('proposals') as Proposal[]).map((p) => p.kind)).toEqual(['new', 'new']);
  });

  it('counts only reseller relationships', async () => {
    fake.setCustomers([
      { tenantId: CONTOSO, companyName: 'Contoso', domain: 'contoso.com', relationship: 'advisor' },
    ]);
    const sent = await invite('Contoso', 'contoso.com');
    await connected();
    await runCheck(port());
    expect((await invitationOf(ctx.db, sent.customerId, 'reseller'))?.status).toBe('pending');
  });

  it('reads every page of both lists, $top at most 300', async () => {
    fake.setCustomers(
      Array.from({ length: 1201 }, (_, i) => ({
        tenantId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        companyName: `Customer ${i}`,
        domain: `c${i}.example`,
      })),
    );
    fake.relationships = Array.from({ length: 650 }, (_, i) =>
      relationshipItem({
        id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        status: 'active',
        tenantId: CONTOSO,
        name: 'Contoso',
      }),
    );
    await connected();
    const status = await runCheck(port());
    expect(status.summary?.customers).toBe(1201);
    const calls = fake.apiCalls();
    expect(calls.filter((c) => c.includes('/v1/customers'))).toHaveLength(3);
    expect(calls.filter((c) => c.includes('delegatedAdminRelationships'))).toHaveLength(3);
    expect(calls.every((c) => !/\$top=(\d+)/.test(c) || Number(/\$top=(\d+)/.exec(c)?.[1]) <= 300)).toBe(
      true,
    );
  });

  it('honours Retry-After on 429 and backs off on 503', async () => {
    await connected();
    fake.faults.push(
      { path: 'customers', status: 429, headers: { 'Retry-After': '3' } },
      { path: 'delegatedAdminRelationships', status: 503 },
    );
    const status = await runCheck(port());
    expect(status.problem).toBeUndefined();
    expect(waits).toEqual([3000, 1000]);
  });

  it('gives up a run when throttled past its attempts, changing nothing, and the next run retries', async () => {
    const sent = await invite('Contoso', 'contoso.onmicrosoft.com');
    await connected();
    for (let i = 0; i < 4; i++)
      fake.faults.push({ path: 'customers', status: 429, headers: { 'Retry-After': '1' } });
    for (let i = 0; i < 4; i++) fake.faults.push({ path: 'delegatedAdminRelationships', status: 429 });
    const status = await runCheck(port());
    expect(status.problem?.code).toBe('throttled');
    expect(status.state).toBe('connected');
    expect((await invitationOf(ctx.db, sent.customerId, 'reseller'))?.status).toBe('pending');
    const next = await runCheck(port());
    expect(next.problem).toBeUndefined();
    expect((await invitationOf(ctx.db, sent.customerId, 'reseller'))?.status).toBe('accepted');
  });

  it('renews an expired access token silently with the refresh token', async () => {
    await connected();
    const before = (await store.tokens())?.refreshToken;
    fake.expireAccess();
    const status = await runCheck(port());
    expect(status.problem).toBeUndefined();
    // Refresh tokens rotate: the newest is kept.
    expect((await store.tokens())?.refreshToken).not.toBe(before);
  });

  it('stops and asks to sign in again once the 24-hour refresh token has lapsed', async () => {
    await connected();
    fake.expireAccess();
    fake.refreshFailure = 700084;
    const status = await runCheck(port());
    expect(status.state).toBe('signed-out');
    expect(status.problem?.code).toBe('refresh-expired');
    expect(await store.tokens()).toBeUndefined();
    fake.log = [];
    const again = await runCheck(port());
    expect(again.state).toBe('signed-out');
    expect(fake.log).toEqual([]);
  });

  it('treats revoked consent as signed out', async () => {
    await connected();
    fake.expireAccess();
    fake.refreshFailure = 65001;
    const status = await runCheck(port());
    expect(status).toMatchObject({ state: 'signed-out', problem: { code: 'consent-missing' } });
  });

  const malformed: [string, Parameters<typeof fake.faults.push>[0], string][] = [
    [
      'an HTML error page',
      {
        path: 'customers',
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Sign in</title>',
      },
      'html-page',
    ],
    ['a list without items', { path: 'customers', status: 200, body: '{"totalCount":0}' }, 'bad-shape'],
    [
      'a customer without a tenant',
      {
        path: 'customers',
        status: 200,
        body: '{"items":[{"companyProfile":{"companyName":"X"},"relationshipToPartner":"reseller"}]}',
      },
      'bad-tenant',
    ],
    ['truncated JSON', { path: 'customers', status: 200, body: '{"items":[' }, 'not-json'],
    [
      'a user without an agent role',
      {
        path: 'customers',
        status: 403,
        body: '{"code":403,"description":"User is not authorized to perform this operation."}',
      },
      'no-agent-role',
    ],
    [
      'a tenant without Partner Center',
      {
        path: 'customers',
        status: 401,
        body: '{"code":600008,"description":"The tenant is not registered as a partner."}',
      },
      'no-partner-center',
    ],
  ];
  for (const [what, fault, code] of malformed) {
    it(`refuses ${what}: a clear problem, nothing stored changed`, async () => {
      const sent = await invite('Contoso', 'contoso.onmicrosoft.com');
      await connected();
      store.data.set('proposals', [
        { kind: 'new', row: { tenantId: FABRIKAM, companyName: 'F', domain: '', relationship: 'reseller' } },
      ]);
      fake.faults.push(fault);
      const status = await runCheck(port());
      expect(status.problem?.code).toBe(code);
      expect(status.state).toBe('connected');
      expect(status.lastCheckedAt).toBeUndefined();
      expect((await invitationOf(ctx.db, sent.customerId, 'reseller'))?.status).toBe('pending');
      expect(store.data.get('proposals')).toHaveLength(1);
    });
  }

  it('refuses a Graph next link to another host', async () => {
    await connected();
    fake.faults.push({
      path: 'delegatedAdminRelationships',
      status: 200,
      body: JSON.stringify({
        value: [],
        '@odata.nextLink': 'https://evil.example/v1.0/tenantRelationships/delegatedAdminRelationships',
      }),
    });
    const status = await runCheck(port());
    expect(status.problem?.code).toBe('bad-next-link');
    expect(fake.log.some((l) => l.includes('evil'))).toBe(false);
  });

  it('does nothing and calls nobody when never connected', async () => {
    const status = await runCheck(port());
    expect(status.state).toBe('never');
    expect(fake.log).toEqual([]);
  });
});

describe('GDAP relationships', () => {
  async function gdapInvite() {
    const sent = await recordSend(ctx.db, {
      companyName: 'Contoso',
      domain: 'contoso.com',
      tenantId: CONTOSO,
      linkType: 'gdap',
      language: 'en',
      channel: 'copy',
      gdap: { link: GDAP_LINK },
    });
    if (!sent.ok) throw new Error(JSON.stringify(sent.problems));
    return sent;
  }

  it('accepts the invitation whose link names an active relationship', async () => {
    const sent = await gdapInvite();
    fake.setCustomers([]);
    fake.relationships = [
      relationshipItem({
        id: RELATIONSHIP,
        status: 'active',
        tenantId: CONTOSO,
        name: 'Contoso',
        activated: '2025-01-02T00:00:00Z',
      }),
    ];
    await connected();
    const status = await runCheck(port());
    expect(status.summary?.gdap).toBe(1);
    expect((await invitationOf(ctx.db, sent.customerId, 'gdap'))?.status).toBe('accepted');
  });

  it('leaves an approvalPending one pending and notes one expired unanswered', async () => {
    const sent = await gdapInvite();
    fake.setCustomers([]);
    fake.relationships = [
      relationshipItem({ id: RELATIONSHIP, status: 'approvalPending', tenantId: CONTOSO, name: 'Contoso' }),
    ];
    await connected();
    await runCheck(port());
    expect((await invitationOf(ctx.db, sent.customerId, 'gdap'))?.status).toBe('pending');
    fake.relationships = [
      relationshipItem({
        id: RELATIONSHIP,
        status: 'expired',
        tenantId: CONTOSO,
        name: 'Contoso',
        ends: '2025-04-01T00:00:00Z',
      }),
    ];
    const status = await runCheck(port());
    expect(status.notes).toEqual([
      { customerId: sent.customerId, outcome: 'expired-unanswered', at: Date.parse('2025-04-01T00:00:00Z') },
    ]);
    expect((await invitationOf(ctx.db, sent.customerId, 'gdap'))?.status).toBe('pending');
  });

  it('refuses an unknown status: nothing changes', async () => {
    const sent = await gdapInvite();
    fake.setCustomers([]);
    fake.relationships = [
      relationshipItem({ id: RELATIONSHIP, status: 'suspended', tenantId: CONTOSO, name: 'Contoso' }),
    ];
    await connected();
    const status = await runCheck(port());
    expect(status.problem?.code).toBe('unknown-status');
    expect((await invitationOf(ctx.db, sent.customerId, 'gdap'))?.status).toBe('pending');
  });
});
