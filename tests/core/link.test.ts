import { describe, expect, it } from 'vitest';
import {
  buildResellerLink,
  checkLink,
  checkProfile,
  checkTenantId,
  GDAP_RELATIONSHIP_ID,
  INVITATION_HOST,
  isGuid,
  normaliseGuid,
  SAMPLE_TENANT_IDS,
  TENANT_GUID,
} from '../../src/core/link';
import { LinkError, type Problem } from '../../src/core/problem';
import type { LinkProfile } from '../../src/core/types';

const T = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const P = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const ZERO = '00000000-0000-0000-0000-000000000000';
const [SAMPLE_1, SAMPLE_2] = ['3b33e682-00c3-41ee-9dd2-a548adf56438', '7260758d-876b-4da1-b8aa-ae70122d886a'];
const NUMERIC_SENTENCE =
  'This looks like your PartnerID (MPN ID); the link needs your tenant ID (a GUID), ' +
  'found in Partner Center > Account settings > Organization profile.';

const ADMIN = 'https://admin.microsoft.com/Adminportal/Home';
const ROUTE = '#/BillingAccounts/partner-invitation';
const LEGACY = 'https://portal.office.com/partner/partnersignup.aspx';
const STORE = 'https://businessstore.microsoft.com/manage/partner-invitation';
const GDAP = 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/';

type Params = [string, string][];
const DIRECT: Params = [
  ['invType', 'ResellerRelationship'],
  ['partnerId', T],
  ['msppId', '0'],
  ['DAP', 'false'],
];
const INDIRECT: Params = [
  ['invType', 'IndirectResellerRelationship'],
  ['partnerId', T],
  ['msppId', '1234567'],
  ['DAP', 'false'],
  ['indirectCSPId', P],
];
const LEGACY_DIRECT: Params = [
  ['type', 'ResellerRelationship'],
  ['id', T],
  ['csp', '1'],
  ['msppid', '0'],
];
const LEGACY_INDIRECT: Params = [
  ['type', 'IndirectResellerRelationship'],
  ['id', T],
  ['csp', '1'],
  ['msppid', '1234567'],
  ['indirectCSP', P],
];

/** Base parameters in order; a change replaces a value in place, `null` drops it, a new name is appended. */
function query(base: Params, changes: Record<string, string | null> = {}): string {
  const out = base.filter(([k]) => changes[k] !== null).map(([k, v]) => [k, changes[k] ?? v]);
  for (const [k, v] of Object.entries(changes)) {
    if (v !== null && !base.some(([b]) => b === k)) out.push([k, v]);
  }
  return out.map(([k, v]) => `${k}=${v}`).join('&');
}
const direct = (changes: Record<string, string | null> = {}, tail = ROUTE): string =>
  `${ADMIN}?${query(DIRECT, changes)}${tail}`;
const indirect = (changes: Record<string, string | null> = {}, tail = ROUTE): string =>
  `${ADMIN}?${query(INDIRECT, changes)}${tail}`;
const legacy = (base: Params, changes: Record<string, string | null> = {}): string =>
  `${LEGACY}?${query(base, changes)}`;

const tags = (findings: Problem[]): string[] => findings.map((f) => `${f.field}:${f.code}`);

function accepted(input: string) {
  const result = checkLink(input);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result;
}

function rejected(input: string): Problem[] {
  const result = checkLink(input);
  if (result.ok) throw new Error(`expected problems for ${input}`);
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

const problemTags = (input: string): string[] => tags(rejected(input));
const warningTags = (input: string): string[] => tags(accepted(input).warnings);

describe('checkLink: accepted formats', () => {
  it('accepts format C (direct) with no warnings', () => {
    const url = direct();
    expect(accepted(url)).toEqual({ ok: true, type: 'reseller', url, warnings: [] });
  });

  it('accepts format C-ind (indirect)', () => {
    const url = indirect();
    expect(accepted(url)).toEqual({ ok: true, type: 'indirect-reseller', url, warnings: [] });
  });

  it('accepts format D (#/partners/invitation) for direct and indirect links', () => {
    expect(accepted(direct({}, '#/partners/invitation')).type).toBe('reseller');
    expect(accepted(indirect({}, '#/partners/invitation')).type).toBe('indirect-reseller');
  });

  it('accepts the AdminPortal and adminportal spellings of the path', () => {
    const url = direct().replace('Adminportal', 'AdminPortal');
    expect(accepted(url).url).toBe(url);
    expect(accepted(direct().replace('Adminportal/Home', 'adminportal/home')).type).toBe('reseller');
  });

  it('accepts legacy format A with an older-host warning', () => {
    const result = accepted(legacy(LEGACY_DIRECT));
    expect(result.type).toBe('reseller');
    expect(tags(result.warnings)).toEqual(['url:older-host']);
    expect(result.warnings[0]?.message).toContain('older format');
  });

  it('accepts legacy format A-ind with an older-host warning', () => {
    const result = accepted(legacy(LEGACY_INDIRECT));
    expect(result.type).toBe('indirect-reseller');
    expect(tags(result.warnings)).toEqual(['url:older-host']);
  });

  it('accepts obsolete format B on businessstore.microsoft.com with an older-host warning', () => {
    const url = `${STORE}?${query(DIRECT, { DAP: 'false' })}`;
    const result = accepted(url);
    expect(result.type).toBe('reseller');
    expect(tags(result.warnings)).toEqual(['url:older-host']);
    expect(result.warnings[0]?.message).toContain('older format');
    expect(accepted(`${STORE}?${query(INDIRECT)}`).type).toBe('indirect-reseller');
  });

  it('accepts a GDAP link with one GUID', () => {
    const url = `${GDAP}${T}`;
    expect(accepted(url)).toEqual({ ok: true, type: 'gdap', url, warnings: [] });
  });

  it('accepts a GDAP link with two GUIDs joined by "-" (73 characters)', () => {
    const id = `${T}-${P}`;
    expect(id).toHaveLength(73);
    expect(accepted(`${GDAP}${id}`).type).toBe('gdap');
  });

  it('accepts a GDAP link with uppercase IDs and lowercase route segments', () => {
    const route = '#/partners/invitation/granularadminrelationships/';
    const url = `https://admin.microsoft.com/adminportal/home${route}${P.toUpperCase()}`;
    expect(accepted(url).type).toBe('gdap');
  });

  it('accepts uppercase GUIDs and returns the link byte for byte', () => {
    const url = indirect({ partnerId: T.toUpperCase(), indirectCSPId: P.toUpperCase() });
    const result = accepted(url);
    expect(result.url).toBe(url);
    expect(result.url).toContain(T.toUpperCase());
  });

  it('trims surrounding whitespace and keeps the rest unchanged', () => {
    const url = direct({ partnerId: T.toUpperCase() });
    expect(accepted(`  \n\t${url} \r\n`).url).toBe(url);
  });

  it('never re-encodes the link', () => {
    const url = direct({ partnerId: T.replaceAll('-', '%2D') });
    expect(accepted(url).url).toBe(url);
  });

  it('accepts an uppercase host and keeps it in the returned link', () => {
    const url = direct().replace('admin.microsoft.com', 'ADMIN.Microsoft.com');
    expect(accepted(url).url).toBe(url);
  });

  it('matches parameter names case-insensitively', () => {
    const url = `${ADMIN}?invtype=ResellerRelationship&PARTNERID=${T}&MsppId=0&dap=false${ROUTE}`;
    expect(accepted(url).type).toBe('reseller');
    expect(accepted(legacy(LEGACY_INDIRECT).replace('indirectCSP=', 'INDIRECTCSP=')).type).toBe(
      'indirect-reseller',
    );
  });

  it('accepts case variants of invType and DAP values', () => {
    expect(accepted(direct({ invType: 'resellerrelationship', DAP: 'False' })).type).toBe('reseller');
    expect(accepted(indirect({ invType: 'INDIRECTRESELLERRELATIONSHIP' })).type).toBe('indirect-reseller');
  });

  it('ignores parameters it does not know', () => {
    expect(accepted(direct({ utm_source: 'mail' })).type).toBe('reseller');
  });

  it('accepts any parameter order', () => {
    const url = `${ADMIN}?DAP=false&msppId=0&partnerId=${T}&invType=ResellerRelationship${ROUTE}`;
    expect(accepted(url).type).toBe('reseller');
  });

  it('accepts a legacy link with or without a DAP parameter, and a format B link without one', () => {
    expect(accepted(legacy(LEGACY_DIRECT)).type).toBe('reseller');
    expect(accepted(legacy(LEGACY_DIRECT, { DAP: 'false' })).type).toBe('reseller');
    expect(accepted(`${STORE}?${query(DIRECT, { DAP: null })}`).type).toBe('reseller');
  });

  it('does not enforce the GUID version nibble', () => {
    const guid = '12345678-1234-0234-f234-123456789abc';
    expect(accepted(direct({ partnerId: guid })).type).toBe('reseller');
    expect(accepted(`${GDAP}${guid}`).type).toBe('gdap');
  });

  it('accepts 6- and 7-digit PartnerIDs without a warning', () => {
    expect(warningTags(indirect({ msppId: '123456' }))).toEqual([]);
    expect(warningTags(indirect({ msppId: '1234567' }))).toEqual([]);
  });
});

describe('checkLink: warnings keep ok true', () => {
  it('warns on DAP=true (no longer granted since 9 October 2023)', () => {
    const result = accepted(direct({ DAP: 'true' }));
    expect(tags(result.warnings)).toEqual(['DAP:dap-true']);
    expect(result.warnings[0]?.message).toContain('9 October 2023');
    expect(result.warnings[0]?.message).toContain('GDAP');
  });

  it('warns on both documentation sample IDs wherever a GUID is expected', () => {
    expect(warningTags(direct({ partnerId: SAMPLE_1 }))).toEqual(['partnerId:sample-id']);
    expect(warningTags(direct({ partnerId: SAMPLE_2.toUpperCase() }))).toEqual(['partnerId:sample-id']);
    expect(warningTags(indirect({ indirectCSPId: SAMPLE_2 }))).toEqual(['indirectCSPId:sample-id']);
    expect(warningTags(legacy(LEGACY_DIRECT, { id: SAMPLE_1 }))).toEqual([
      'url:older-host',
      'partnerId:sample-id',
    ]);
    expect(warningTags(`${GDAP}${SAMPLE_1}`)).toEqual(['relationshipId:sample-id']);
    expect(warningTags(`${GDAP}${T}-${SAMPLE_2}`)).toEqual(['relationshipId:sample-id']);
  });

  it('warns on a 5- or 8-digit PartnerID of an indirect link', () => {
    expect(warningTags(indirect({ msppId: '12345' }))).toEqual(['msppId:partner-id-length']);
    expect(warningTags(indirect({ msppId: '12345678' }))).toEqual(['msppId:partner-id-length']);
    expect(warningTags(legacy(LEGACY_INDIRECT, { msppid: '12345' }))).toEqual([
      'url:older-host',
      'msppId:partner-id-length',
    ]);
  });

  it('collects several warnings at once', () => {
    const url = `${STORE}?${query(INDIRECT, { partnerId: SAMPLE_1, msppId: '87654321', DAP: 'true' })}`;
    expect(warningTags(url)).toEqual([
      'url:older-host',
      'partnerId:sample-id',
      'msppId:partner-id-length',
      'DAP:dap-true',
    ]);
  });
});

describe('checkLink: problems with the whole link', () => {
  it('rejects empty and blank input', () => {
    expect(problemTags('')).toEqual(['url:empty']);
    expect(problemTags('  \n ')).toEqual(['url:empty']);
  });

  it('rejects text that is not a URL', () => {
    expect(problemTags('admin.microsoft.com/Adminportal/Home')).toEqual(['url:not-a-url']);
    expect(problemTags('not-a-link')).toEqual(['url:not-a-url']);
  });

  it('rejects a link that is not https', () => {
    expect(problemTags(direct().replace('https:', 'http:'))).toEqual(['url:not-https']);
    expect(problemTags('ftp://admin.microsoft.com/Adminportal/Home')).toEqual(['url:not-https']);
  });

  it('rejects a link pasted twice, before parsing', () => {
    expect(problemTags(direct() + direct())).toEqual(['url:pasted-twice']);
    expect(problemTags(`${direct()} ${direct()}`)).toEqual(['url:pasted-twice']);
    expect(problemTags(`${direct()}\nhttp://example.com`)).toEqual(['url:pasted-twice']);
  });

  it('rejects spaces or line breaks inside the link', () => {
    expect(problemTags(direct().replace('&msppId', '\n&msppId'))).toEqual(['url:contains-space']);
  });

  it('rejects a host off the allow-list with a message the UI can show before confirming', () => {
    const problems = rejected(direct().replace('admin.microsoft.com', 'admin.microsoft.us'));
    expect(tags(problems)).toEqual(['url:unknown-host']);
    const message = problems[0]?.message ?? '';
    expect(message).toContain('No invitation host is documented for admin.microsoft.us');
    expect(message).toContain('public cloud');
    expect(message).toContain('keep it after confirming');
  });

  it('treats a port or a user-info trick as an unknown host, naming the trick', () => {
    expect(problemTags(direct().replace('admin.microsoft.com', 'admin.microsoft.com:8443'))).toEqual([
      'url:explicit-port',
      'url:unknown-host',
    ]);
    expect(problemTags(direct().replace('admin.microsoft.com', 'admin.microsoft.com@evil.example'))).toEqual([
      'url:user-info',
      'url:unknown-host',
    ]);
  });

  it('also reports the parameters of a link on an unknown host', () => {
    const url = direct({ partnerId: '1234567' }).replace('admin.microsoft.com', 'portal.partner.example');
    expect(problemTags(url)).toEqual(['url:unknown-host', 'partnerId:numeric-partner-id']);
    const old = legacy(LEGACY_DIRECT, { id: 'x' }).replace('portal.office.com', 'portal.office.example');
    expect(problemTags(old)).toEqual(['url:unknown-host', 'partnerId:not-a-guid']);
  });

  it('rejects an admin.microsoft.com link that is neither a reseller nor a GDAP invitation', () => {
    expect(problemTags(`${ADMIN}#/homepage`)).toEqual(['url:not-an-invitation']);
    expect(problemTags(`${ADMIN}?#/BillingAccounts/billing-accounts`)).toEqual(['url:not-an-invitation']);
    expect(problemTags('https://admin.microsoft.com/')).toEqual(['url:not-an-invitation']);
  });

  it('rejects an older host without invitation parameters', () => {
    expect(problemTags('https://portal.office.com/')).toEqual(['url:not-an-invitation']);
    expect(problemTags('https://businessstore.microsoft.com/manage')).toEqual(['url:not-an-invitation']);
  });

  it('rejects an invitation on the wrong path', () => {
    expect(problemTags(direct().replace('/Adminportal/Home', '/Home'))).toEqual(['url:wrong-path']);
    expect(problemTags(legacy(LEGACY_DIRECT).replace('partnersignup.aspx', 'signup.aspx'))).toEqual([
      'url:wrong-path',
    ]);
    expect(problemTags(`${GDAP}${T}`.replace('/AdminPortal/Home', ''))).toEqual(['url:wrong-path']);
  });

  it('rejects an admin.microsoft.com reseller link without its fragment', () => {
    expect(problemTags(direct({}, ''))).toEqual(['url:missing-fragment']);
    expect(problemTags(direct({}, '#'))).toEqual(['url:missing-fragment']);
    expect(rejected(direct({}, ''))[0]?.message).toContain('#/BillingAccounts/partner-invitation');
  });

  it('rejects an admin.microsoft.com reseller link with another fragment', () => {
    expect(problemTags(direct({}, '#/BillingAccounts/billing-accounts'))).toEqual(['url:wrong-fragment']);
  });

  it('checks the parameters of a fragment-only admin link', () => {
    expect(problemTags(`${ADMIN}${ROUTE}`)).toEqual([
      'invType:missing',
      'partnerId:missing',
      'msppId:missing',
      'DAP:missing',
    ]);
  });
});

describe('checkLink: problems with invType', () => {
  it('rejects a missing or empty invType', () => {
    expect(problemTags(direct({ invType: null }))).toEqual(['invType:missing']);
    expect(problemTags(direct({ invType: '' }))).toEqual(['invType:missing']);
  });

  it('rejects a value other than the two relationship types', () => {
    const problems = rejected(direct({ invType: 'GranularAdminRelationship' }));
    expect(tags(problems)).toEqual(['invType:bad-value']);
    expect(problems[0]?.message).toContain('ResellerRelationship or IndirectResellerRelationship');
  });

  it("names a legacy link's type parameter by its current name", () => {
    const problems = rejected(legacy(LEGACY_DIRECT, { type: 'Reseller' }));
    expect(tags(problems)).toEqual(['invType:bad-value']);
    expect(problems[0]?.message).toMatch(/^type /);
    expect(problemTags(legacy(LEGACY_DIRECT, { type: null, csp: '1' }))).toEqual(['url:not-an-invitation']);
  });
});

describe('checkLink: problems with partnerId', () => {
  it('rejects a missing or empty partnerId', () => {
    expect(problemTags(direct({ partnerId: null }))).toEqual(['partnerId:missing']);
    expect(problemTags(direct({ partnerId: '' }))).toEqual(['partnerId:missing']);
  });

  it('explains that a numeric partnerId is the PartnerID, not the tenant ID', () => {
    const problems = rejected(direct({ partnerId: '1234567' }));
    expect(tags(problems)).toEqual(['partnerId:numeric-partner-id']);
    expect(problems[0]?.message).toContain('partnerId');
    expect(problems[0]?.message).toContain(NUMERIC_SENTENCE);
  });

  it('rejects a value that is not a GUID', () => {
    expect(problemTags(direct({ partnerId: `{${T}}` }))).toEqual(['partnerId:not-a-guid']);
    expect(problemTags(direct({ partnerId: T.slice(0, 35) }))).toEqual(['partnerId:not-a-guid']);
    expect(problemTags(direct({ partnerId: T.replace('8', 'g') }))).toEqual(['partnerId:not-a-guid']);
    expect(problemTags(direct({ partnerId: 'contoso.onmicrosoft.com' }))).toEqual(['partnerId:not-a-guid']);
  });

  it('rejects the all-zero GUID', () => {
    expect(problemTags(direct({ partnerId: ZERO }))).toEqual(['partnerId:zero-guid']);
  });

  it("names a legacy link's id parameter by its current name", () => {
    const problems = rejected(legacy(LEGACY_DIRECT, { id: '1234567' }));
    expect(tags(problems)).toEqual(['partnerId:numeric-partner-id']);
    expect(problems[0]?.message).toMatch(/^id /);
  });

  it('rejects a repeated partnerId', () => {
    expect(problemTags(direct({ partnerid: P }))).toEqual(['partnerId:repeated']);
  });
});

describe('checkLink: problems with msppId', () => {
  it('rejects a missing msppId', () => {
    expect(problemTags(direct({ msppId: null }))).toEqual(['msppId:missing']);
    expect(problemTags(indirect({ msppId: null }))).toEqual(['msppId:missing']);
    expect(problemTags(legacy(LEGACY_DIRECT, { msppid: null }))).toEqual(['msppId:missing']);
  });

  it('rejects an msppId that is not digits', () => {
    expect(problemTags(direct({ msppId: 'abc' }))).toEqual(['msppId:not-digits']);
    expect(problemTags(indirect({ msppId: '123-456' }))).toEqual(['msppId:not-digits']);
  });

  it('rejects an msppId other than 0 on a direct link', () => {
    const problems = rejected(direct({ msppId: '1234567' }));
    expect(tags(problems)).toEqual(['msppId:must-be-zero']);
    expect(problems[0]?.message).toContain('msppId');
    expect(problemTags(legacy(LEGACY_DIRECT, { msppid: '5' }))).toEqual(['msppId:must-be-zero']);
  });

  it('rejects 0 on an indirect link and says where the PartnerID is found', () => {
    const problems = rejected(indirect({ msppId: '0' }));
    expect(tags(problems)).toEqual(['msppId:zero-partner-id']);
    expect(problems[0]?.message).toContain('Legal info / Identifiers');
  });

  it('rejects an indirect PartnerID shorter than 5 or longer than 8 digits', () => {
    expect(problemTags(indirect({ msppId: '1234' }))).toEqual(['msppId:bad-length']);
    expect(problemTags(indirect({ msppId: '123456789' }))).toEqual(['msppId:bad-length']);
  });
});

describe('checkLink: problems with indirectCSPId', () => {
  it('rejects an indirect link without its provider', () => {
    expect(problemTags(indirect({ indirectCSPId: null }))).toEqual(['indirectCSPId:missing']);
    expect(problemTags(legacy(LEGACY_INDIRECT, { indirectCSP: null }))).toEqual(['indirectCSPId:missing']);
  });

  it('rejects a provider on a direct link', () => {
    expect(problemTags(direct({ indirectCSPId: P }))).toEqual(['indirectCSPId:not-allowed']);
    expect(problemTags(legacy(LEGACY_DIRECT, { indirectCSP: P }))).toEqual(['indirectCSPId:not-allowed']);
  });

  it('rejects a provider that is not a GUID, numeric, or all zero', () => {
    expect(problemTags(indirect({ indirectCSPId: 'provider' }))).toEqual(['indirectCSPId:not-a-guid']);
    expect(problemTags(indirect({ indirectCSPId: '7654321' }))).toEqual(['indirectCSPId:numeric-partner-id']);
    expect(problemTags(indirect({ indirectCSPId: ZERO }))).toEqual(['indirectCSPId:zero-guid']);
  });

  it("names a legacy link's indirectCSP parameter by its current name", () => {
    const problems = rejected(legacy(LEGACY_INDIRECT, { indirectCSP: 'x' }));
    expect(tags(problems)).toEqual(['indirectCSPId:not-a-guid']);
    expect(problems[0]?.message).toMatch(/^indirectCSP /);
  });
});

describe('checkLink: problems with DAP', () => {
  it('rejects a current-format link without DAP', () => {
    expect(problemTags(direct({ DAP: null }))).toEqual(['DAP:missing']);
    expect(problemTags(indirect({ DAP: '' }))).toEqual(['DAP:missing']);
  });

  it('rejects a DAP value other than true or false', () => {
    expect(problemTags(direct({ DAP: 'yes' }))).toEqual(['DAP:bad-value']);
    expect(problemTags(direct({ DAP: '1' }))).toEqual(['DAP:bad-value']);
    expect(problemTags(legacy(LEGACY_DIRECT, { DAP: 'maybe' }))).toEqual(['DAP:bad-value']);
  });
});

describe('checkLink: problems with GDAP links', () => {
  it('rejects a malformed relationship ID', () => {
    expect(problemTags(`${GDAP}${T.slice(0, 30)}`)).toEqual(['relationshipId:not-a-guid']);
    expect(problemTags(`${GDAP}${T}-${P}-${T}`)).toEqual(['relationshipId:not-a-guid']);
    expect(problemTags(`${GDAP}${T}-${P.slice(0, 20)}`)).toEqual(['relationshipId:not-a-guid']);
    expect(problemTags(`${GDAP}${T}_${P}`)).toEqual(['relationshipId:not-a-guid']);
    expect(problemTags(`${GDAP}not-an-id`)).toEqual(['relationshipId:not-a-guid']);
  });

  it('rejects a GDAP link without its relationship ID', () => {
    expect(problemTags(GDAP)).toEqual(['relationshipId:missing']);
    expect(problemTags(GDAP.slice(0, -1))).toEqual(['relationshipId:missing']);
  });

  it('rejects an all-zero relationship ID', () => {
    expect(problemTags(`${GDAP}${ZERO}`)).toEqual(['relationshipId:zero-guid']);
    expect(problemTags(`${GDAP}${T}-${ZERO}`)).toEqual(['relationshipId:zero-guid']);
  });

  it('rejects a GDAP link on an older or unknown host', () => {
    expect(problemTags(`${GDAP}${T}`.replace('admin.microsoft.com', 'portal.office.com'))).toEqual([
      'url:not-an-invitation',
    ]);
    expect(problemTags(`${GDAP}${T}`.replace('admin.microsoft.com', 'admin.microsoft.de'))).toEqual([
      'url:unknown-host',
    ]);
  });
});

describe('checkLink: reporting', () => {
  it('collects every problem instead of stopping at the first', () => {
    const url = indirect(
      { invType: 'X', partnerId: '1234567', msppId: 'abc', DAP: 'maybe', indirectCSPId: 'y' },
      '',
    );
    expect(problemTags(url)).toEqual([
      'invType:bad-value',
      'partnerId:numeric-partner-id',
      'msppId:not-digits',
      'DAP:bad-value',
      'indirectCSPId:not-a-guid',
      'url:missing-fragment',
    ]);
  });

  it('reports problems and no warnings when the link is rejected', () => {
    const result = checkLink(direct({ DAP: 'true', partnerId: '123' }));
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'numeric-partner-id' })],
    });
  });

  it('names the field and says where the right value is found in every problem message', () => {
    const links = [
      '',
      'x',
      direct() + direct(),
      direct().replace('https:', 'http:'),
      direct({}, ''),
      direct({}, '#/x'),
      `${ADMIN}#/homepage`,
      direct({ invType: null, partnerId: null, msppId: null, DAP: null }),
      direct({ invType: 'x', partnerId: '12', msppId: '7', DAP: 'x', indirectCSPId: P }),
      direct({ partnerId: 'x' }),
      direct({ partnerId: ZERO }),
      direct({ partnerid: T }),
      indirect({ msppId: '0', indirectCSPId: null }),
      indirect({ msppId: '1', indirectCSPId: '12' }),
      indirect({ msppId: 'x', indirectCSPId: 'x' }),
      `${GDAP}x`,
      GDAP,
      `${GDAP}${ZERO}`,
    ];
    const problems = links.flatMap((link) => rejected(link));
    expect(problems.length).toBeGreaterThan(20);
    for (const p of problems) {
      expect(p.message).toMatch(/Partner Center|Entra admin center/);
      if (p.field === 'relationshipId') expect(p.message).toContain('GDAP relationship ID');
      else if (p.field !== 'url') expect(p.message).toContain(p.field);
      expect(p.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('points tenant ID problems at Partner Center and the Entra admin center', () => {
    for (const value of ['x', ZERO]) {
      const message = rejected(direct({ partnerId: value }))[0]?.message ?? '';
      expect(message).toContain('Partner Center > Account settings > Organization profile');
      expect(message).toContain('Entra admin center > Overview > Tenant ID');
    }
  });
});

const directProfile = (changes: Partial<LinkProfile> = {}): LinkProfile => ({
  tenantId: T,
  kind: 'direct',
  includeDap: false,
  ...changes,
});
const indirectProfile = (changes: Partial<LinkProfile> = {}): LinkProfile => ({
  tenantId: T,
  kind: 'indirect',
  resellerPartnerId: '1234567',
  providerTenantId: P,
  includeDap: false,
  ...changes,
});

function buildError(profile: LinkProfile): LinkError {
  try {
    buildResellerLink(profile);
  } catch (error) {
    if (error instanceof LinkError) return error;
    throw error;
  }
  throw new Error('expected buildResellerLink to throw');
}

describe('buildResellerLink', () => {
  it('builds format C for a direct reseller, DAP false', () => {
    expect(buildResellerLink(directProfile())).toBe(
      'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship' +
        `&partnerId=${T}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`,
    );
  });

  it('builds format C for a direct reseller, DAP true', () => {
    expect(buildResellerLink(directProfile({ includeDap: true }))).toBe(
      'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship' +
        `&partnerId=${T}&msppId=0&DAP=true#/BillingAccounts/partner-invitation`,
    );
  });

  it('builds format C-ind for an indirect reseller, DAP false and true', () => {
    const expected = (dap: string): string =>
      'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship' +
      `&partnerId=${T}&msppId=1234567&DAP=${dap}&indirectCSPId=${P}#/BillingAccounts/partner-invitation`;
    expect(buildResellerLink(indirectProfile())).toBe(expected('false'));
    expect(buildResellerLink(indirectProfile({ includeDap: true }))).toBe(expected('true'));
  });

  it('lowercases and trims tenant IDs and trims the PartnerID', () => {
    const link = buildResellerLink(
      indirectProfile({
        tenantId: `  ${T.toUpperCase()} `,
        providerTenantId: `\t${P.toUpperCase()}\n`,
        resellerPartnerId: ' 7654321 ',
      }),
    );
    expect(link).toContain(`partnerId=${T}&msppId=7654321&`);
    expect(link).toContain(`indirectCSPId=${P}#`);
  });

  it('ignores indirect-only fields on a direct profile', () => {
    const link = buildResellerLink(directProfile({ resellerPartnerId: 'x', providerTenantId: 'y' }));
    expect(link).not.toContain('indirectCSPId');
    expect(link).toContain('msppId=0&');
  });

  it('throws a LinkError with problems for a numeric tenant ID', () => {
    const error = buildError(directProfile({ tenantId: '1234567' }));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LinkError');
    expect(tags(error.problems)).toEqual(['tenantId:numeric-partner-id']);
    expect(error.message).toContain(NUMERIC_SENTENCE);
  });

  it('throws a LinkError for a bad provider tenant ID', () => {
    expect(tags(buildError(indirectProfile({ providerTenantId: 'contoso' })).problems)).toEqual([
      'providerTenantId:not-a-guid',
    ]);
  });

  it('throws a LinkError for a missing reseller PartnerID', () => {
    expect(tags(buildError(indirectProfile({ resellerPartnerId: undefined })).problems)).toEqual([
      'resellerPartnerId:missing',
    ]);
  });

  it('lists every problem in the error', () => {
    const error = buildError(
      indirectProfile({ tenantId: '', resellerPartnerId: 'abc', providerTenantId: ZERO }),
    );
    expect(tags(error.problems)).toEqual([
      'tenantId:missing',
      'resellerPartnerId:not-digits',
      'providerTenantId:zero-guid',
    ]);
    for (const problem of error.problems) expect(error.message).toContain(problem.message);
  });

  it('does not throw on warnings only', () => {
    const link = buildResellerLink(indirectProfile({ tenantId: SAMPLE_1, resellerPartnerId: '12345' }));
    expect(link).toContain(`partnerId=${SAMPLE_1}`);
  });

  it('round-trips through checkLink with the right type', () => {
    for (const includeDap of [false, true]) {
      const directLink = buildResellerLink(directProfile({ includeDap, tenantId: T.toUpperCase() }));
      const directResult = accepted(directLink);
      expect(directResult).toMatchObject({ type: 'reseller', url: directLink });
      expect(tags(directResult.warnings)).toEqual(includeDap ? ['DAP:dap-true'] : []);
      const indirectLink = buildResellerLink(indirectProfile({ includeDap }));
      expect(accepted(indirectLink)).toMatchObject({ type: 'indirect-reseller', url: indirectLink });
    }
  });

  it('builds only on the public-cloud host', () => {
    expect(new URL(buildResellerLink(directProfile())).host).toBe(INVITATION_HOST);
  });
});

describe('checkProfile', () => {
  it('finds nothing wrong with valid direct and indirect profiles', () => {
    expect(checkProfile(directProfile())).toEqual({ problems: [], warnings: [] });
    expect(checkProfile(indirectProfile({ tenantId: T.toUpperCase() }))).toEqual({
      problems: [],
      warnings: [],
    });
  });

  it('checks the tenant ID', () => {
    const problems = (tenantId: string): string[] => tags(checkProfile(directProfile({ tenantId })).problems);
    expect(problems('')).toEqual(['tenantId:missing']);
    expect(problems('   ')).toEqual(['tenantId:missing']);
    expect(problems('1234567')).toEqual(['tenantId:numeric-partner-id']);
    expect(problems('contoso.onmicrosoft.com')).toEqual(['tenantId:not-a-guid']);
    expect(problems(ZERO)).toEqual(['tenantId:zero-guid']);
  });

  it('warns on a documentation sample tenant ID', () => {
    const result = checkProfile(directProfile({ tenantId: SAMPLE_2 }));
    expect(result.problems).toEqual([]);
    expect(tags(result.warnings)).toEqual(['tenantId:sample-id']);
  });

  it("checks an indirect reseller's PartnerID", () => {
    const check = (resellerPartnerId: string | undefined) =>
      checkProfile(indirectProfile({ resellerPartnerId }));
    expect(tags(check(undefined).problems)).toEqual(['resellerPartnerId:missing']);
    expect(tags(check('MPN123').problems)).toEqual(['resellerPartnerId:not-digits']);
    expect(tags(check('0').problems)).toEqual(['resellerPartnerId:zero-partner-id']);
    expect(tags(check('1234').problems)).toEqual(['resellerPartnerId:bad-length']);
    expect(tags(check('123456789').problems)).toEqual(['resellerPartnerId:bad-length']);
    expect(check('12345')).toEqual({
      problems: [],
      warnings: [expect.objectContaining({ code: 'partner-id-length' })],
    });
    expect(tags(check('12345678').warnings)).toEqual(['resellerPartnerId:partner-id-length']);
    expect(check('123456')).toEqual({ problems: [], warnings: [] });
  });

  it("checks an indirect reseller's provider tenant ID", () => {
    const problems = (providerTenantId: string | undefined): string[] =>
      tags(checkProfile(indirectProfile({ providerTenantId })).problems);
    expect(problems(undefined)).toEqual(['providerTenantId:missing']);
    expect(problems('7654321')).toEqual(['providerTenantId:numeric-partner-id']);
    expect(problems('x')).toEqual(['providerTenantId:not-a-guid']);
    expect(problems(ZERO)).toEqual(['providerTenantId:zero-guid']);
    expect(problems(T.toUpperCase())).toEqual(['providerTenantId:same-tenant']);
  });

  it('rejects an unknown relationship kind', () => {
    const profile = { ...directProfile(), kind: 'other' } as unknown as LinkProfile;
    expect(tags(checkProfile(profile).problems)).toEqual(['kind:bad-value']);
  });
});

describe('GUID helpers', () => {
  it('isGuid accepts any case and rejects braces, spaces and other shapes', () => {
    expect(isGuid(T)).toBe(true);
    expect(isGuid(T.toUpperCase())).toBe(true);
    expect(isGuid(`{${T}}`)).toBe(false);
    expect(isGuid(` ${T}`)).toBe(false);
    expect(isGuid(T.replaceAll('-', ''))).toBe(false);
    expect(TENANT_GUID.test(ZERO)).toBe(true);
  });

  it('normaliseGuid trims and lowercases', () => {
    expect(normaliseGuid(`  ${T.toUpperCase()}\n`)).toBe(T);
  });

  it('GDAP_RELATIONSHIP_ID matches one or two GUIDs', () => {
    expect(GDAP_RELATIONSHIP_ID.test(T)).toBe(true);
    expect(GDAP_RELATIONSHIP_ID.test(`${T}-${P}`.toUpperCase())).toBe(true);
    expect(GDAP_RELATIONSHIP_ID.test(`${T}-`)).toBe(false);
    expect(GDAP_RELATIONSHIP_ID.test(`${T}${P}`)).toBe(false);
  });

  it('lists exactly the two documentation sample IDs', () => {
    expect([...SAMPLE_TENANT_IDS]).toEqual([SAMPLE_1, SAMPLE_2]);
  });

  it('checkTenantId works on its own for other forms', () => {
    const target = { field: 'customerTenantId', label: 'Customer tenant ID' };
    expect(checkTenantId(T, target)).toEqual({ problems: [], warnings: [] });
    const result = checkTenantId('42', target);
    expect(tags(result.problems)).toEqual(['customerTenantId:numeric-partner-id']);
    expect(result.problems[0]?.message).toMatch(/^Customer tenant ID "42"/);
  });
});
