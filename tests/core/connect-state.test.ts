import { describe, expect, it } from 'vitest';
import { NEVER, parseConnectStatus, parseProposals, parseSessionTokens } from '../../src/core/connect-state';

const ROW = {
  tenantId: '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b',
  companyName: 'Contoso',
  domain: 'contoso.com',
  relationship: 'reseller',
};

describe('parseSessionTokens', () => {
  it('reads what the worker stores', () => {
    const v = {
      tenant: 't',
      clientId: 'c',
      refreshToken: 'r',
      partnerCenter: { accessToken: 'a', expiresAt: 1 },
    };
    expect(parseSessionTokens(v)).toEqual({ ok: true, value: v });
  });
  it('refuses a damaged value', () => {
    expect(parseSessionTokens({ tenant: 't', clientId: 'c', graph: { accessToken: 5 } }).ok).toBe(false);
    expect(parseSessionTokens('token').ok).toBe(false);
  });
});

describe('parseConnectStatus', () => {
  it('reads absent as never connected', () => {
    expect(parseConnectStatus(undefined)).toEqual({ ok: true, value: NEVER });
  });
  it('round-trips a status', () => {
    const status = {
      state: 'connected',
      lastCheckedAt: 5,
      problem: { field: 'graph', code: 'throttled', message: 'slow down' },
      summary: { accepted: 1, gdap: 0, offered: 2, customers: 3 },
      notes: [{ customerId: 'c', outcome: 'expiring', at: 9 }],
    };
    expect(parseConnectStatus(status)).toEqual({ ok: true, value: status });
  });
  it('refuses an unknown state or a bad note', () => {
    expect(parseConnectStatus({ state: 'hacked', notes: [] }).ok).toBe(false);
    expect(parseConnectStatus({ state: 'connected', notes: [{ customerId: 'c', outcome: 'gone' }] }).ok).toBe(
      false,
    );
  });
});

describe('parseProposals', () => {
  it('reads proposals and absent as none', () => {
    expect(parseProposals(undefined)).toEqual({ ok: true, value: [] });
    const list = [
      { kind: 'new', row: ROW },
      { kind: 'name', row: ROW, customerId: 'c1' },
    ];
    expect(parseProposals(list)).toEqual({ ok: true, value: list });
  });
  it('refuses a damaged one, never a prototype key', () => {
    expect(parseProposals([{ kind: 'apply-all', row: ROW }]).ok).toBe(false);
    expect(parseProposals([{ kind: 'new', row: { ...ROW, tenantId: 7 } }]).ok).toBe(false);
    const hostile = JSON.parse(`[{"kind":"new","row":${JSON.stringify(ROW)},"__proto__":{"x":1}}]`);
    const r = parseProposals(hostile);
    expect(r.ok && Object.keys(r.value[0] ?? {})).toEqual(['kind', 'row']);
  });
});
