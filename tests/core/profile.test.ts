import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problem';
import {
  checkPartnerProfile,
  EMPTY_PROFILE,
  linkHost,
  linkTypeKey,
  PARTNER_NAME_MAX,
  type PartnerProfile,
  parseProfile,
  SENDER_NAME_MAX,
  salvageProfile,
} from '../../src/core/profile';

const T = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const P = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const SAMPLE = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const ROUTE = '#/BillingAccounts/partner-invitation';
const ADMIN = 'https://admin.microsoft.com/Adminportal/Home';
const DIRECT_QUERY = `invType=ResellerRelationship&partnerId=${T}&msppId=0&DAP=false`;
const INDIRECT_QUERY = `invType=IndirectResellerRelationship&partnerId=${T}&msppId=1234567&DAP=false&indirectCSPId=${P}`;

function profile(patch: Partial<PartnerProfile>): PartnerProfile {
  return { ...EMPTY_PROFILE, partnerName: 'Contoso IT', ...patch };
}

function pasted(link: string, patch: Partial<PartnerProfile> = {}): PartnerProfile {
  return profile({ source: 'pasted', pastedLink: link, ...patch });
}

const codes = (findings: Problem[]): string[] => findings.map((f) => f.code);

describe('EMPTY_PROFILE', () => {
  it('starts as a generated direct profile without DAP or a confirmed host', () => {
    expect(EMPTY_PROFILE.source).toBe('generated');
    expect(EMPTY_PROFILE.kind).toBe('direct');
    expect(EMPTY_PROFILE.includeDap).toBe(false);
    expect(EMPTY_PROFILE.confirmedHost).toBe('');
  });

  it('is not a savable profile: name and tenant ID are missing and no link is yielded', () => {
    const check = checkPartnerProfile(EMPTY_PROFILE);
    expect(check.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'partnerName', code: 'required' }),
        expect.objectContaining({ field: 'tenantId', code: 'missing' }),
      ]),
    );
    expect(check.link).toBeUndefined();
  });
});

describe('checkPartnerProfile: partner name', () => {
  it('requires a name', () => {
    const check = checkPartnerProfile(profile({ partnerName: '', tenantId: T }));
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatchObject({ field: 'partnerName', code: 'required' });
    expect(check.link).toBeUndefined();
  });

  it('treats a whitespace-only name as missing', () => {
    const check = checkPartnerProfile(profile({ partnerName: '  \t ', tenantId: T }));
    expect(check.problems).toEqual([expect.objectContaining({ field: 'partnerName', code: 'required' })]);
    expect(check.link).toBeUndefined();
  });

  it(`accepts exactly ${PARTNER_NAME_MAX} characters, ignoring surrounding spaces`, () => {
    const name = ` ${'a'.repeat(PARTNER_NAME_MAX)} `;
    const check = checkPartnerProfile(profile({ partnerName: name, tenantId: T }));
    expect(check.problems).toEqual([]);
    expect(check.link).toBeDefined();
  });

  it(`refuses a name longer than ${PARTNER_NAME_MAX} characters and yields no link`, () => {
    const check = checkPartnerProfile(
      profile({ partnerName: 'a'.repeat(PARTNER_NAME_MAX + 1), tenantId: T }),
    );
    expect(check.problems).toEqual([expect.objectContaining({ field: 'partnerName', code: 'too-long' })]);
    expect(check.problems[0]?.message).toContain(String(PARTNER_NAME_MAX));
    expect(check.link).toBeUndefined();
  });

  it('reports a name problem together with the link problems', () => {
    const check = checkPartnerProfile(profile({ partnerName: '', tenantId: '1234567' }));
    expect(codes(check.problems)).toEqual(['required', 'numeric-partner-id']);
  });
});

describe('checkPartnerProfile: generated link', () => {
  it('builds the direct reseller link with the tenant ID trimmed and lowercased', () => {
    const check = checkPartnerProfile(profile({ tenantId: `  ${T.toUpperCase()} ` }));
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.link).toEqual({ url: `${ADMIN}?${DIRECT_QUERY}${ROUTE}`, type: 'reseller' });
  });

  it('asks for DAP only when the profile says so', () => {
    const check = checkPartnerProfile(profile({ tenantId: T, includeDap: true }));
    expect(check.link?.url).toBe(
      `${ADMIN}?invType=ResellerRelationship&partnerId=${T}&msppId=0&DAP=true${ROUTE}`,
    );
  });

  it('builds the indirect reseller link with msppId and indirectCSPId', () => {
    const check = checkPartnerProfile(
      profile({
        tenantId: T,
        kind: 'indirect',
        resellerPartnerId: ' 1234567 ',
        providerTenantId: P.toUpperCase(),
      }),
    );
    expect(check.problems).toEqual([]);
    expect(check.link?.type).toBe('indirect-reseller');
    expect(check.link?.url).toBe(`${ADMIN}?${INDIRECT_QUERY}${ROUTE}`);
  });

  it('refuses a PartnerID in the tenant ID field and yields no link', () => {
    const check = checkPartnerProfile(profile({ tenantId: '1234567' }));
    expect(check.problems).toEqual([
      expect.objectContaining({ field: 'tenantId', code: 'numeric-partner-id' }),
    ]);
    expect(check.link).toBeUndefined();
  });

  it('refuses an indirect profile without its PartnerID and provider', () => {
    const check = checkPartnerProfile(profile({ tenantId: T, kind: 'indirect' }));
    expect(check.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'resellerPartnerId', code: 'missing' }),
        expect.objectContaining({ field: 'providerTenantId', code: 'missing' }),
      ]),
    );
    expect(check.link).toBeUndefined();
  });

  it('passes warnings through and still yields the link', () => {
    const check = checkPartnerProfile(profile({ tenantId: SAMPLE }));
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([expect.objectContaining({ field: 'tenantId', code: 'sample-id' })]);
    expect(check.link?.url).toBe(
      `${ADMIN}?invType=ResellerRelationship&partnerId=${SAMPLE}&msppId=0&DAP=false${ROUTE}`,
    );
  });

  it('keeps the warnings but drops the link when the name is missing', () => {
    const check = checkPartnerProfile(profile({ partnerName: '', tenantId: SAMPLE }));
    expect(codes(check.problems)).toEqual(['required']);
    expect(codes(check.warnings)).toEqual(['sample-id']);
    expect(check.link).toBeUndefined();
  });

  it('ignores the pasted link when the source is generated', () => {
    const check = checkPartnerProfile(profile({ tenantId: T, pastedLink: 'not a link' }));
    expect(check.problems).toEqual([]);
    expect(check.link?.url).toBe(`${ADMIN}?${DIRECT_QUERY}${ROUTE}`);
  });
});

describe('checkPartnerProfile: pasted link', () => {
  it('keeps a valid current link byte for byte, only trimmed', () => {
    const link = `${ADMIN}?invType=ResellerRelationship&partnerId=${T.toUpperCase()}&msppId=0&DAP=false${ROUTE}`;
    const check = checkPartnerProfile(pasted(`  ${link}\n`));
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.link).toEqual({ url: link, type: 'reseller' });
  });

  it('keeps a valid indirect link and types it from invType', () => {
    const link = `${ADMIN}?${INDIRECT_QUERY}${ROUTE}`;
    const check = checkPartnerProfile(pasted(link));
    expect(check.link).toEqual({ url: link, type: 'indirect-reseller' });
  });

  it('ignores the generated fields when the source is pasted', () => {
    const link = `${ADMIN}?${DIRECT_QUERY}${ROUTE}`;
    const check = checkPartnerProfile(pasted(link, { tenantId: '1234567', kind: 'indirect' }));
    expect(check.problems).toEqual([]);
    expect(check.link).toEqual({ url: link, type: 'reseller' });
  });

  it('accepts a legacy portal.office.com link with an older-host warning', () => {
    const link = `https://portal.office.com/partner/partnersignup.aspx?type=ResellerRelationship&id=${T}&msppid=0`;
    const check = checkPartnerProfile(pasted(link));
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([expect.objectContaining({ field: 'url', code: 'older-host' })]);
    expect(check.link).toEqual({ url: link, type: 'reseller' });
  });

  it('refuses a GDAP link: it is made for one customer', () => {
    const link = `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${T}`;
    const check = checkPartnerProfile(pasted(link));
    expect(check.problems).toEqual([expect.objectContaining({ field: 'url', code: 'gdap-not-reseller' })]);
    expect(check.warnings).toEqual([]);
    expect(check.link).toBeUndefined();
  });

  it('refuses an empty pasted link', () => {
    const check = checkPartnerProfile(pasted('   '));
    expect(check.problems).toEqual([expect.objectContaining({ field: 'url', code: 'empty' })]);
    expect(check.link).toBeUndefined();
  });

  it('refuses a broken pasted link with the link checker findings', () => {
    const link = `${ADMIN}?invType=ResellerRelationship&partnerId=${T}&msppId=0&DAP=false`;
    const check = checkPartnerProfile(pasted(link));
    expect(check.problems).toEqual([expect.objectContaining({ field: 'url', code: 'missing-fragment' })]);
    expect(check.link).toBeUndefined();
  });

  it('does not let a confirmed host rescue a broken link on the documented host', () => {
    const link = `${ADMIN}?invType=ResellerRelationship&partnerId=${T}&msppId=0&DAP=false`;
    const check = checkPartnerProfile(pasted(link, { confirmedHost: 'admin.microsoft.com' }));
    expect(codes(check.problems)).toEqual(['missing-fragment']);
    expect(check.link).toBeUndefined();
  });
});

describe('checkPartnerProfile: pasted link on an undocumented host', () => {
  const FOREIGN = 'https://partner.example.cn/Adminportal/Home';
  const direct = `${FOREIGN}?${DIRECT_QUERY}${ROUTE}`;
  const indirect = `${FOREIGN}?${INDIRECT_QUERY}${ROUTE}`;

  it('refuses the host until the partner confirms it', () => {
    const check = checkPartnerProfile(pasted(direct));
    expect(check.problems).toEqual([expect.objectContaining({ field: 'url', code: 'unknown-host' })]);
    expect(check.problems[0]?.message).toContain('partner.example.cn');
    expect(check.warnings).toEqual([]);
    expect(check.link).toBeUndefined();
  });

  it('keeps the original link, host unchanged, once confirmed', () => {
    const check = checkPartnerProfile(pasted(` ${direct} `, { confirmedHost: 'partner.example.cn' }));
    expect(check.problems).toEqual([]);
    expect(check.link).toEqual({ url: direct, type: 'reseller' });
  });

  it('types a confirmed link from its invType', () => {
    const check = checkPartnerProfile(pasted(indirect, { confirmedHost: 'partner.example.cn' }));
    expect(check.problems).toEqual([]);
    expect(check.link).toEqual({ url: indirect, type: 'indirect-reseller' });
  });

  it('passes the warnings of a confirmed link through', () => {
    const link = `${FOREIGN}?invType=ResellerRelationship&partnerId=${T}&msppId=0&DAP=true${ROUTE}`;
    const check = checkPartnerProfile(pasted(link, { confirmedHost: 'partner.example.cn' }));
    expect(check.problems).toEqual([]);
    expect(codes(check.warnings)).toEqual(['dap-true']);
    expect(check.link).toEqual({ url: link, type: 'reseller' });
  });

  it('still reports a bad partnerId when the host is confirmed', () => {
    const link = `${FOREIGN}?invType=ResellerRelationship&partnerId=1234567&msppId=0&DAP=false${ROUTE}`;
    const check = checkPartnerProfile(pasted(link, { confirmedHost: 'partner.example.cn' }));
    expect(check.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'partnerId', code: 'numeric-partner-id' })]),
    );
    expect(check.link).toBeUndefined();
  });

  it('still reports a missing route when the host is confirmed', () => {
    const link = `${FOREIGN}?${DIRECT_QUERY}`;
    const check = checkPartnerProfile(pasted(link, { confirmedHost: 'partner.example.cn' }));
    expect(check.problems).toEqual([expect.objectContaining({ field: 'url', code: 'missing-fragment' })]);
    expect(check.link).toBeUndefined();
  });

  it('still refuses a GDAP link when the host is confirmed', () => {
    const link = `${FOREIGN}#/partners/invitation/granularAdminRelationships/${T}`;
    const check = checkPartnerProfile(pasted(link, { confirmedHost: 'partner.example.cn' }));
    expect(codes(check.problems)).toEqual(['gdap-not-reseller']);
    expect(check.link).toBeUndefined();
  });

  it('does not confirm a link that is not https', () => {
    const check = checkPartnerProfile(
      pasted(direct.replace('https:', 'http:'), { confirmedHost: 'partner.example.cn' }),
    );
    expect(codes(check.problems)).toContain('not-https');
    expect(check.link).toBeUndefined();
  });

  it('still requires the partner name when the host is confirmed', () => {
    const check = checkPartnerProfile(
      pasted(direct, { partnerName: '', confirmedHost: 'partner.example.cn' }),
    );
    expect(codes(check.problems)).toEqual(['required']);
    expect(check.link).toBeUndefined();
  });
});

describe('linkTypeKey', () => {
  it('maps each link type to its label key', () => {
    expect(linkTypeKey('reseller')).toBe('linkTypeDirect');
    expect(linkTypeKey('indirect-reseller')).toBe('linkTypeIndirect');
    expect(linkTypeKey('gdap')).toBe('linkTypeGdap');
  });
});

describe('host-bound confirmation', () => {
  const direct = `https://partner.example.cn/Adminportal/Home?${DIRECT_QUERY}${ROUTE}`;

  it('confirms the host it names only: another unknown host is refused again', () => {
    const other = direct.replace('partner.example.cn', 'evil.example');
    const check = checkPartnerProfile(pasted(other, { confirmedHost: 'partner.example.cn' }));
    expect(codes(check.problems)).toEqual(['unknown-host']);
    expect(check.link).toBeUndefined();
  });

  it('compares hosts without regard to case', () => {
    const upper = direct.replace('partner.example.cn', 'Partner.Example.CN');
    expect(checkPartnerProfile(pasted(upper, { confirmedHost: 'partner.example.cn' })).link?.url).toBe(upper);
  });

  it('never confirms user info or a port hidden before or after the confirmed host', () => {
    for (const trick of ['partner.example.cn@evil.example', 'partner.example.cn:8443']) {
      const link = direct.replace('partner.example.cn', trick);
      const check = checkPartnerProfile(pasted(link, { confirmedHost: linkHost(link) }));
      expect(check.link).toBeUndefined();
    }
  });
});

describe('parseProfile', () => {
  const stored = profile({ senderName: 'Sam', tenantId: T });

  it('reads a stored profile as it is and drops unknown fields unless asked to keep them', () => {
    expect(parseProfile(stored)).toEqual({ ok: true, value: stored });
    const r = parseProfile({ ...stored, junk: 1 });
    expect(r.ok && 'junk' in r.value).toBe(false);
    const kept = parseProfile({ ...stored, junk: 1 }, { keepUnknown: true });
    expect(kept.ok && (kept.value as unknown as Record<string, unknown>).junk).toBe(1);
  });

  it('reports wrong types instead of defaulting them', () => {
    const r = parseProfile({ ...stored, partnerName: 7, includeDap: 'yes', kind: 'both' });
    expect(r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'partnerName:not-text',
      'kind:not-allowed',
      'includeDap:not-boolean',
    ]);
    for (const v of [null, 'x', [], 3]) expect(parseProfile(v).ok).toBe(false);
  });

  it('upgrades the old boolean confirmation to the host of the link stored with it', () => {
    const link = `https://partner.example.cn/Adminportal/Home?${DIRECT_QUERY}${ROUTE}`;
    const old = {
      ...stored,
      source: 'pasted',
      pastedLink: link,
      keepUnknownHost: true,
      confirmedHost: undefined,
    };
    const r = parseProfile(old);
    expect(r.ok && r.value.confirmedHost).toBe('partner.example.cn');
    expect(r.ok && 'keepUnknownHost' in r.value).toBe(false);
    const unticked = parseProfile({ ...old, keepUnknownHost: false });
    expect(unticked.ok && unticked.value.confirmedHost).toBe('');
  });

  it('salvages the fields that still read, for the form', () => {
    const s = salvageProfile({ ...stored, partnerName: 7, tenantId: ['x'] });
    expect(s).toEqual({ ...EMPTY_PROFILE, senderName: 'Sam' });
  });

  it('limits the sender name like the partner name', () => {
    const check = checkPartnerProfile(profile({ tenantId: T, senderName: 's'.repeat(SENDER_NAME_MAX + 1) }));
    expect(codes(check.problems)).toEqual(['too-long']);
  });
});
