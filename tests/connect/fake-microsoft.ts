/**
 * A local fake of Microsoft's sign-in, Partner Center's customer list and Graph's GDAP list, on 127.0.0.1 only,
 * built from the request and response samples of Microsoft's documentation:
 * - sign-in: https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow ("Request an authorization
 *   code", "Redeem a code for an access token", "Refresh the access token", "Error response example"; the SPA
 *   refresh token's 24-hour limit and AADSTS700084 from the same page and
 *   https://learn.microsoft.com/entra/identity-platform/refresh-tokens);
 * - Partner Center: https://learn.microsoft.com/partner-center/developer/get-a-list-of-customers (request with
 *   `size`, response `{ totalCount, items, links.next.headers[MS-ContinuationToken], attributes }`, next page with
 *   `seekOperation=Next`);
 * - Graph: https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships (`$top` up to
 *   300, `value`, `@odata.nextLink`), errors as https://learn.microsoft.com/graph/errors, throttling (429 with
 *   Retry-After) as https://learn.microsoft.com/graph/throttling.
 * The authorize endpoint answers with the redirect address as text instead of a 302 to a sign-in page: that text is
 * what the e2e build's sign-in launcher returns in place of the browser's window.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PC_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/DelegatedAdminRelationship.Read.All';

export interface FakeCustomer {
  tenantId: string;
  companyName: string;
  domain: string;
  relationship?: string;
}

/** A canned answer served instead of the real one, once, for requests whose path contains `path`. */
export interface Fault {
  path: 'customers' | 'delegatedAdminRelationships' | 'token' | 'authorize';
  status: number;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

interface Issued {
  scope: 'pc' | 'graph';
  expiresAt: number;
}

const b64url = (b: Buffer) => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The sample's customer item, with our values. */
export function customerItem(c: FakeCustomer): object {
  return {
    id: c.tenantId,
    commerceId: randomUUID(),
    companyProfile: {
      tenantId: c.tenantId,
      domain: c.domain,
      companyName: c.companyName,
      links: { self: { uri: `/customers/${c.tenantId}/profiles/company`, method: 'GET', headers: [] } },
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: c.relationship ?? 'reseller',
    allowDelegatedAccess: true,
    links: { self: { uri: `/customers/${c.tenantId}`, method: 'GET', headers: [] } },
    attributes: { objectType: 'Customer' },
  };
}

/** The sample's relationship item. */
export function relationshipItem(r: {
  id: string;
  status: string;
  tenantId: string;
  name: string;
  activated?: string;
  ends?: string;
}): object {
  return {
    '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
    '@odata.etag': 'W/"JyIwMzAwYTM2Yy0wMDAwLTAyMDAtMDAwMC02MjA1MDc2ZDAwMDAiJw=="',
    id: r.id,
    displayName: `${r.name} admin relationship`,
    duration: 'P730D',
    customer: { tenantId: r.tenantId, displayName: r.name },
    accessDetails: { unifiedRoles: [{ roleDefinitionId: '29232cdf-9323-42fd-ade2-1d097af3e4de' }] },
    status: r.status,
    autoExtendDuration: 'PT0S',
    createdDateTime: '2022-02-10T11:24:42.3148266Z',
    activatedDateTime: r.activated ?? null,
    lastModifiedDateTime: '2022-02-10T11:26:44.9941884Z',
    endDateTime: r.ends ?? null,
  };
}

/**
 * The page of `customers` (items as `customerItem` makes them) that starts where `continuation` says (the first
 * page without one), as the sample answers; the continuation token is the next page's start, base64.
 */
export function customerPage(customers: readonly object[], continuation: string | undefined, size: number) {
  const start = continuation === undefined ? 0 : Number(Buffer.from(continuation, 'base64').toString());
  const items = customers.slice(start, start + size);
  const end = start + items.length;
  const links: Record<string, object> = {
    self: { uri: `/customers?size=${size}`, method: 'GET', headers: [] },
  };
  if (end < customers.length) {
    const value = Buffer.from(String(end)).toString('base64');
    links.next = {
      uri: `/customers?size=${size}&seekOperation=Next`,
      method: 'GET',
      headers: [{ key: 'MS-ContinuationToken', value }],
    };
  }
  return { totalCount: items.length, items, links, attributes: { objectType: 'Collection' } };
}

export class FakeMicrosoft {
  origin = '';
  customers: object[] = [];
  relationships: object[] = [];
  faults: Fault[] = [];
  /** Every request: method and path with query, in order. */
  log: string[] = [];
  /** Seconds an access token lasts (the samples say 3599). */
  accessSeconds = 3599;
  /** When set, every refresh fails with this AADSTS code (700084: SPA refresh token older than 24 hours). */
  refreshFailure: number | undefined;
  private server: Server | undefined;
  private codes = new Map<string, { challenge: string; redirectUri: string; clientId: string }>();
  private access = new Map<string, Issued>();
  private refresh = new Set<string>();

  constructor(
    readonly tenant: string,
    readonly clientId: string,
  ) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      void this.route(req, res).catch((e: unknown) => {
        res.writeHead(500).end(String(e));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  setCustomers(list: FakeCustomer[]): void {
    this.customers = list.map(customerItem);
  }

  /** Every access token issued so far expires now (the next API call meets a 401). */
  expireAccess(): void {
    for (const t of this.access.values()) t.expiresAt = 0;
  }

  /** Requests to the APIs (not the sign-in). */
  apiCalls(): string[] {
    return this.log.filter((l) => l.includes('/v1/customers') || l.includes('delegatedAdminRelationships'));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const url = new URL(req.url ?? '/', this.origin);
    this.log.push(`${req.method} ${url.pathname}${url.search}`);
    // Extension pages and the worker fetch from chrome-extension://: answer CORS like the real services do.
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    const fault = this.faults.findIndex((f) => url.pathname.includes(f.path));
    if (fault >= 0) {
      const f = this.faults.splice(fault, 1)[0] as Fault;
      res.writeHead(f.status, { 'Content-Type': f.contentType ?? 'application/json', ...cors, ...f.headers });
      return void res.end(f.body ?? '');
    }
    const body = req.method === 'POST' ? await readBody(req) : '';
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...cors, ...headers });
      res.end(JSON.stringify(value));
    };
    const prefix = `/${this.tenant}/oauth2/v2.0/`;
    if (url.pathname === `${prefix}authorize`) return this.authorize(url, res, cors);
    if (url.pathname === `${prefix}token` && req.method === 'POST')
      return this.token(new URLSearchParams(body), json);
    if (url.pathname === '/v1/customers') return this.customersPage(req, url, json);
    if (url.pathname === '/v1.0/tenantRelationships/delegatedAdminRelationships')
      return this.gdapPage(req, url, json);
    json(404, { error: { code: 'NotFound', message: `No route ${url.pathname}` } });
  }

  private authorize(url: URL, res: ServerResponse, cors: Record<string, string>): void {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    const ok =
      q.get('client_id') === this.clientId &&
      q.get('response_type') === 'code' &&
      q.get('code_challenge_method') === 'S256' &&
      (q.get('scope') ?? '').split(' ').includes(PC_SCOPE);
    const code = randomUUID();
    if (ok)
      this.codes.set(code, {
        challenge: q.get('code_challenge') ?? '',
        redirectUri,
        clientId: this.clientId,
      });
    const answer = ok
      ? `${redirectUri}?code=${code}&state=${encodeURIComponent(q.get('state') ?? '')}`
      : `${redirectUri}?error=invalid_request&error_description=${encodeURIComponent('AADSTS700016: Application not found in the directory.')}&state=${encodeURIComponent(q.get('state') ?? '')}`;
    res.writeHead(200, { 'Content-Type': 'text/plain', ...cors }).end(answer);
  }

  private issue(scope: Issued['scope'], json: (s: number, v: unknown) => void): void {
    const access = `at-${randomUUID()}`;
    const refresh = `rt-${randomUUID()}`;
    this.access.set(access, { scope, expiresAt: Date.now() + this.accessSeconds * 1000 });
    this.refresh.add(refresh);
    json(200, {
      access_token: access,
      token_type: 'Bearer',
      expires_in: this.accessSeconds,
      scope: scope === 'pc' ? PC_SCOPE : GRAPH_SCOPE,
      refresh_token: refresh,
      id_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.',
    });
  }

  private tokenError(json: (s: number, v: unknown) => void, error: string, code: number, text: string): void {
    json(400, {
      error,
      error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: 2026-01-01 00:00:00Z`,
      error_codes: [code],
      timestamp: '2026-01-01 00:00:00Z',
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    });
  }

  private token(form: URLSearchParams, json: (s: number, v: unknown) => void): unknown {
    const scopes = (form.get('scope') ?? '').split(' ');
    const scope: Issued['scope'] | undefined = scopes.includes(PC_SCOPE)
      ? 'pc'
      : scopes.includes(GRAPH_SCOPE)
        ? 'graph'
        : undefined;
    if (form.get('client_id') !== this.clientId)
      return this.tokenError(json, 'unauthorized_client', 700016, 'Application not found in the directory.');
    if (!scope)
      return this.tokenError(
        json,
        'invalid_scope',
        70011,
        'The provided value for the input parameter scope is not valid.',
      );
    if (form.get('grant_type') === 'authorization_code') {
      const held = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const proof = b64url(
        createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest(),
      );
      if (!held || held.redirectUri !== form.get('redirect_uri') || proof !== held.challenge) {
        return this.tokenError(
          json,
          'invalid_grant',
          70008,
          'The provided authorization code or refresh token has expired or is invalid.',
        );
      }
      return this.issue(scope, json);
    }
    if (form.get('grant_type') === 'refresh_token') {
      if (this.refreshFailure === 700084) {
        return this.tokenError(
          json,
          'invalid_grant',
          700084,
          'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00.',
        );
      }
      if (this.refreshFailure !== undefined)
        return this.tokenError(
          json,
          'invalid_grant',
          this.refreshFailure,
          'The refresh token has been revoked.',
        );
      if (!this.refresh.has(form.get('refresh_token') ?? '')) {
        return this.tokenError(
          json,
          'invalid_grant',
          9002313,
          'Invalid request. Request is malformed or invalid.',
        );
      }
      return this.issue(scope, json);
    }
    this.tokenError(json, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
  }

  private authorised(req: IncomingMessage, scope: Issued['scope']): boolean {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const issued = this.access.get(token);
    return !!issued && issued.scope === scope && issued.expiresAt > Date.now();
  }

  private customersPage(req: IncomingMessage, url: URL, json: (s: number, v: unknown) => void): unknown {
    if (!this.authorised(req, 'pc')) {
      return json(401, {
        code: 401,
        description: 'Authorization token is expired or invalid.',
        errorName: 'Unauthorized',
      });
    }
    const size = Number(url.searchParams.get('size') ?? '40');
    const token = req.headers['ms-continuationtoken'];
    const next = url.searchParams.get('seekOperation') === 'Next';
    json(200, customerPage(this.customers, next && typeof token === 'string' ? token : undefined, size));
  }

  private gdapPage(req: IncomingMessage, url: URL, json: (s: number, v: unknown) => void): unknown {
    if (!this.authorised(req, 'graph')) {
      const error = {
        code: 'InvalidAuthenticationToken',
        message: 'Lifetime validation failed, the token is expired.',
      };
      return json(401, { error });
    }
    const top = Number(url.searchParams.get('$top') ?? '100');
    if (top > 300)
      return json(400, { error: { code: 'BadRequest', message: '$top supports up to 300 objects.' } });
    const start = Number(url.searchParams.get('$skiptoken') ?? '0');
    const value = this.relationships.slice(start, start + top);
    const page: Record<string, unknown> = {
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships',
      value,
    };
    if (start + top < this.relationships.length) {
      page['@odata.nextLink'] =
        `${this.origin}/v1.0/tenantRelationships/delegatedAdminRelationships?$top=${top}&$skiptoken=${start + top}`;
    }
    json(200, page);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      s += c;
    });
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
}
