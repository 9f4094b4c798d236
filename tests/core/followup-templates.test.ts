import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UP_REASONS,
  FOLLOW_UP_TEMPLATES,
  followUpTemplate,
  gdapTemplate,
} from '../../src/core/followup-templates';
import { checkLink } from '../../src/core/link';
import { buildMailto, MAILTO_MAX } from '../../src/core/mailto';
import { checkTemplate, renderDraft } from '../../src/core/template';
import type { DraftValues, Language } from '../../src/core/types';

const LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship' +
  '&partnerId=0b9b5b4e-1c7b-4f0e-9a55-2f0f7d0c8a11&msppId=1234567&DAP=false' +
  '&indirectCSPId=7d1c2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f#/BillingAccounts/partner-invitation';
const GDAP_LINK =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/' +
  '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b-0b9b5b4e-1c7b-4f0e-9a55-2f0f7d0c8a11';

const values = (link: string): DraftValues => ({
  customerName: 'Fabrikam Manufacturing Ltd',
  contactName: 'Jane Doe',
  partnerName: 'Contoso Cloud Partners',
  senderName: 'Sam Smith',
  link,
});

const LANGS: Language[] = ['en', 'fr'];
const cases = LANGS.flatMap((lang) => FOLLOW_UP_REASONS.map((reason) => [lang, reason] as const));

describe.each(cases)('follow-up %s %s', (lang, reason) => {
  const template = FOLLOW_UP_TEMPLATES[lang][reason];

  it('passes checkTemplate and carries {{link}}', () => {
    expect(checkTemplate(template)).toEqual([]);
    expect(template.body).toContain('{{link}}');
  });

  it('renders the link once as an anchor and fits a mailto: URL with the longest link', () => {
    const draft = renderDraft(template, values(LINK));
    expect([...draft.html.matchAll(/<a href=/g)]).toHaveLength(1);
    expect(draft.text.split('\n')).toContain(LINK);
    const mailto = buildMailto({ to: 'jane.doe@fabrikam.com', subject: draft.subject, text: draft.text });
    expect(mailto.ok, `${mailto.ok ? '' : mailto.length} > ${MAILTO_MAX}`).toBe(true);
  });

  it('is a copy that can be edited without changing the shipped one', () => {
    const copy = followUpTemplate(reason, lang);
    expect(copy).toEqual(template);
    copy.subject = 'changed';
    expect(FOLLOW_UP_TEMPLATES[lang][reason].subject).not.toBe('changed');
  });
});

describe('follow-up wording', () => {
  it('says what each blocker needs, in both languages', () => {
    expect(FOLLOW_UP_TEMPLATES.en['not-global-admin'].body).toMatch(/Global Administrator/);
    expect(FOLLOW_UP_TEMPLATES.fr['not-global-admin'].body).toMatch(/administrateur général/);
    expect(FOLLOW_UP_TEMPLATES.en['billing-profile'].body).toContain('BillingAccounts/billing-accounts');
    expect(FOLLOW_UP_TEMPLATES.fr['billing-profile'].body).toContain('BillingAccounts/billing-accounts');
    expect(FOLLOW_UP_TEMPLATES.en.region.body).toMatch(/country or region/);
    expect(FOLLOW_UP_TEMPLATES.fr.region.body).toMatch(/pays ou région/);
    expect(FOLLOW_UP_TEMPLATES.en['other-partner'].body).toMatch(/only one partner can hold admin/);
    expect(FOLLOW_UP_TEMPLATES.fr['other-partner'].body).toMatch(/un seul partenaire/);
  });

  it('keeps a no-break space before French colons', () => {
    for (const reason of FOLLOW_UP_REASONS) {
      const { subject, body } = FOLLOW_UP_TEMPLATES.fr[reason];
      expect(`${subject}\n${body}`).not.toMatch(/[^\u00a0]:\s/);
    }
  });
});

describe('gdapTemplate', () => {
  const roles = 'User Administrator: manages users and groups\nHelpdesk Administrator: resets passwords';

  it.each(LANGS)('passes checkTemplate and renders the GDAP link, roles and duration (%s)', (lang) => {
    expect(checkLink(GDAP_LINK)).toMatchObject({ ok: true, type: 'gdap' });
    const template = gdapTemplate(lang, { roles, duration: '730 days', autoExtend: true });
    expect(checkTemplate(template)).toEqual([]);
    const draft = renderDraft(template, values(GDAP_LINK));
    expect(draft.text).toContain(GDAP_LINK);
    expect(draft.text).toContain('User Administrator: manages users and groups\nHelpdesk Administrator');
    expect(draft.text).toContain('730 days');
    expect(draft.text).toMatch(lang === 'en' ? /Click to review and accept:/ : /Cliquez pour examiner/);
    expect(draft.text).toMatch(/180/);
    expect(draft.html).toContain(`<a href="${GDAP_LINK}">`);
  });

  it('leaves out roles, duration and auto-extend when not given', () => {
    const draft = renderDraft(gdapTemplate('en', {}), values(GDAP_LINK));
    expect(draft.text).not.toMatch(/Duration|Requested Microsoft Entra roles|180 days/);
    expect(draft.text).toContain(GDAP_LINK);
  });

  it('keeps partner text literal: braces cannot form placeholders and markup is escaped', () => {
    const template = gdapTemplate('en', {
      roles: 'Role {{link}} <b>x</b> {{Link}}',
      duration: '{{customerName}}',
    });
    expect(checkTemplate(template)).toEqual([]);
    const draft = renderDraft(template, values(GDAP_LINK));
    expect(draft.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(draft.html.match(/<a href=/g)).toHaveLength(1);
    expect(draft.text).not.toContain('Fabrikam Manufacturing Ltd\nRequested');
    expect(draft.text).toContain('{ {customerName} }');
  });

  it('puts a multi-line duration on one line', () => {
    const template = gdapTemplate('fr', { duration: '730\njours' });
    expect(template.body).toContain('Durée\u00a0: 730 jours');
  });
});
