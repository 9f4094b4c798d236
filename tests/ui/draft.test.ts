import { describe, expect, it } from 'vitest';
import { EMPTY_PROFILE, type PartnerProfile } from '../../src/core/profile';
import { buildDraft, checkGdapLink, type DraftInput, EMPTY_GDAP } from '../../src/ui/invite/draft';

const TENANT = '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const RESELLER =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=' +
  `${TENANT}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;
const GDAP =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/' +
  '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b-2c4e6a8b-1d3f-4a5b-9c7d-0e1f2a3b4c5d';
const PROFILE: PartnerProfile = { ...EMPTY_PROFILE, partnerName: 'Fabrikam Cloud', tenantId: TENANT };

const input = (patch: Partial<DraftInput> = {}): DraftInput => ({
  mode: 'reseller',
  lang: 'en',
  company: 'Contoso',
  contact: 'Alex',
  profile: PROFILE,
  resellerLink: RESELLER,
  overrides: {},
  gdap: EMPTY_GDAP,
  placeholder: '[customer]',
  ...patch,
});

describe('checkGdapLink', () => {
  it('accepts a GDAP link as pasted, trimmed', () => {
    expect(checkGdapLink(`  ${GDAP} `)).toEqual({ link: GDAP, problems: [], warnings: [] });
  });

  it('says a reseller link, valid or broken, is not a GDAP link, without its reseller problems', () => {
    for (const text of [
      RESELLER,
      'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship',
    ]) {
      const { link, problems } = checkGdapLink(text);
      expect(link).toBeUndefined();
      expect(problems.map((f) => [f.field, f.code])).toEqual([['gdapLink', 'not-gdap']]);
    }
    expect(checkGdapLink('https://example.com/x').problems.map((f) => f.code)).toEqual(['not-gdap']);
  });

  it('reports problems with the pasted text itself, and a GDAP link’s own problems, on the gdapLink field', () => {
    expect(checkGdapLink('').problems.map((f) => f.code)).toEqual(['empty']);
    expect(checkGdapLink(`${GDAP}${GDAP}`).problems.map((f) => f.code)).toEqual(['pasted-twice']);
    const badId = checkGdapLink(GDAP.replace(/[0-9a-f-]+$/, 'not-an-id'));
    expect(badId.problems.map((f) => [f.field, f.code])).toEqual([['gdapLink', 'not-a-guid']]);
  });
});

describe('buildDraft', () => {
  it('renders the reseller template, or the partner’s override, with the profile link', () => {
    expect(buildDraft(input())?.text).toContain(RESELLER);
    const overrides = { en: { subject: 'Hi {{customerName}}', body: 'Go: {{link}}' } };
    expect(buildDraft(input({ overrides }))).toMatchObject({ subject: 'Hi Contoso' });
  });

  it('uses the placeholder while the company is empty', () => {
    expect(buildDraft(input({ company: '  ' }))?.text).toContain('[customer]');
  });

  it('a follow-up uses the template of its blocker, in the chosen language', () => {
    expect(buildDraft(input({ reason: 'not-global-admin' }))?.subject).toMatch(/Global Administrator/);
    const fr = buildDraft(input({ reason: 'billing-profile', lang: 'fr' }));
    expect(fr?.subject).toMatch(/profil de facturation/);
    expect(fr?.text).toContain(RESELLER);
  });

  it('GDAP mode has no draft until a GDAP link is pasted, then lists its link, roles and duration', () => {
    expect(buildDraft(input({ mode: 'gdap' }))).toBeUndefined();
    expect(buildDraft(input({ mode: 'gdap', gdap: { ...EMPTY_GDAP, link: RESELLER } }))).toBeUndefined();
    const gdap = { link: GDAP, roles: 'Helpdesk Administrator', duration: '730 days', autoExtend: true };
    const draft = buildDraft(input({ mode: 'gdap', gdap, reason: 'region' }));
    expect(draft?.html).toContain(`<a href="${GDAP}">`);
    expect(draft?.text).toContain('Helpdesk Administrator');
    expect(draft?.text).toContain('Duration: 730 days');
    expect(draft?.text).toContain('180 days');
    expect(draft?.text).not.toContain(RESELLER);
  });
});
