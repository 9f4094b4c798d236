import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, defaultTemplate } from '../../src/core/default-templates';
import { buildMailto, MAILTO_MAX } from '../../src/core/mailto';
import { checkTemplate, escapeHtml, renderDraft } from '../../src/core/template';
import type { DraftValues, Language } from '../../src/core/types';

const LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship' +
  '&partnerId=0b9b5b4e-1c7b-4f0e-9a55-2f0f7d0c8a11&msppId=0&DAP=false#/BillingAccounts/partner-invitation';

// The longest link format (indirect reseller) is the worst case for the mailto length.
const INDIRECT_LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship' +
  '&partnerId=0b9b5b4e-1c7b-4f0e-9a55-2f0f7d0c8a11&msppId=1234567&DAP=false' +
  '&indirectCSPId=7d1c2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f#/BillingAccounts/partner-invitation';

const BILLING_URL = 'https://admin.microsoft.com/Adminportal/Home?#/BillingAccounts/billing-accounts';

const full: DraftValues = {
  customerName: 'Fabrikam Manufacturing Ltd',
  contactName: 'Jane Doe',
  partnerName: 'Contoso Cloud Partners',
  senderName: 'Sam Smith',
  link: LINK,
};

const bare: DraftValues = { customerName: 'Fabrikam', partnerName: 'Contoso', link: LINK };

const LANGS: Language[] = ['en', 'fr'];

const ADMIN: Record<Language, RegExp> = { en: /Global Administrator/, fr: /administrateur général/ };

describe.each(LANGS)('default template %s', (lang) => {
  const template = DEFAULT_TEMPLATES[lang];

  it('has no problems', () => {
    expect(checkTemplate(template)).toEqual([]);
  });

  it.each([
    ['all values', full],
    ['no contact or sender', bare],
  ] as const)('renders with %s, the link exactly once as an anchor', (_label, values) => {
    const d = renderDraft(template, values);
    const anchors = [...d.html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)];
    expect(anchors).toHaveLength(1);
    expect(anchors[0]?.[1]?.replace(/&amp;/g, '&')).toBe(LINK);
    expect(anchors[0]?.[2]).toBe(anchors[0]?.[1]);
    expect(d.html.split('<a ')).toHaveLength(2);
    // The link sits on its own line in the text, so a mail app auto-links all of it.
    expect(d.text.split('\n')).toContain(LINK);
    expect(d.text.split(LINK)).toHaveLength(2);
  });

  it('contains the names and the elements of the invitation', () => {
    const d = renderDraft(template, full);
    for (const name of ['Fabrikam Manufacturing Ltd', 'Jane Doe', 'Contoso Cloud Partners', 'Sam Smith']) {
      expect(d.text).toContain(name);
      expect(d.html).toContain(name);
    }
    expect(d.subject).toContain('Contoso Cloud Partners');
    expect(d.text).toContain(BILLING_URL);
    expect(d.html).toContain(escapeHtml(BILLING_URL));
    expect(d.text).toMatch(ADMIN[lang]);
    expect(d.text).toMatch(/\b5 minutes\b/);
    expect(d.text).toMatch(lang === 'en' ? /Microsoft Customer Agreement/ : /Contrat client Microsoft/);
    expect(d.subject).toMatch(
      lang === 'en' ? /Microsoft Cloud Solution Provider/ : /fournisseur de solutions cloud Microsoft/,
    );
    expect(d.text).toMatch(/^1\. .*\n/m);
    expect(d.text).toMatch(/^2\. /m);
  });

  it('leaves the billing URL as text, not as a link', () => {
    const d = renderDraft(template, full);
    expect(d.html).not.toContain(`href="${escapeHtml(BILLING_URL)}"`);
  });

  it('greets and signs off with fallbacks when contact and sender are missing', () => {
    const d = renderDraft(template, bare);
    const [greeting] = d.text.split('\n');
    expect(greeting).toBe(lang === 'en' ? 'Hello there,' : 'Bonjour Madame, Monsieur,');
    expect(d.text.trimEnd().split('\n').slice(-2)).toEqual(
      lang === 'en' ? ['Your account team', 'Contoso'] : ['Votre équipe commerciale', 'Contoso'],
    );
  });

  it('greets the contact and signs with the sender when given', () => {
    const d = renderDraft(template, full);
    expect(d.text.split('\n')[0]).toBe(lang === 'en' ? 'Hello Jane Doe,' : 'Bonjour Jane Doe,');
    expect(d.text.trimEnd().split('\n').slice(-2)).toEqual(['Sam Smith', 'Contoso Cloud Partners']);
  });

  it('leaves no placeholder syntax and no doubled spaces behind', () => {
    for (const values of [full, bare]) {
      const d = renderDraft(template, values);
      for (const out of [d.subject, d.text, d.html]) {
        expect(out).not.toContain('{{');
        expect(out).not.toContain('}}');
        expect(out).not.toMatch(/ {2}/);
        expect(out).not.toMatch(/ ,/);
      }
    }
  });

  it.each([
    ['a realistic link', LINK],
    ['the longest (indirect) link', INDIRECT_LINK],
  ])('fits a mailto URL with a 30-character company name and %s', (_label, link) => {
    const values: DraftValues = {
      customerName: 'Northwind Traders Holdings Ltd',
      contactName: 'Marie-Hélène Dupont-Lefèvre',
      partnerName: 'Contoso Cloud Partners Europe',
      senderName: 'Jean-Christophe Martin',
      link,
    };
    expect(values.customerName).toHaveLength(30);
    const d = renderDraft(template, values);
    const r = buildMailto({
      to: 'marie-helene.dupont@northwindtraders.com',
      subject: d.subject,
      text: d.text,
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.url.length).toBeLessThanOrEqual(MAILTO_MAX);
  });
});

describe('French default', () => {
  it('is in French, with a no-break space before each colon', () => {
    const d = renderDraft(DEFAULT_TEMPLATES.fr, full);
    expect(d.text).toMatch(/profil de facturation/);
    expect(d.text).not.toMatch(/ :/);
    expect(d.subject).toBe(
      'Contoso Cloud Partners\u00a0: invitation à devenir votre fournisseur de solutions cloud Microsoft',
    );
  });
});

describe('English and French differ', () => {
  it('does not ship the same text twice', () => {
    expect(DEFAULT_TEMPLATES.en.body).not.toBe(DEFAULT_TEMPLATES.fr.body);
    expect(DEFAULT_TEMPLATES.en.subject).not.toBe(DEFAULT_TEMPLATES.fr.subject);
  });
});

describe('defaultTemplate', () => {
  it.each(LANGS)('returns an equal copy for %s', (lang) => {
    const copy = defaultTemplate(lang);
    expect(copy).toEqual(DEFAULT_TEMPLATES[lang]);
    expect(copy).not.toBe(DEFAULT_TEMPLATES[lang]);
  });

  it('lets the copy change without touching the default', () => {
    const copy = defaultTemplate('en');
    copy.subject = 'changed';
    expect(DEFAULT_TEMPLATES.en.subject).not.toBe('changed');
    expect(defaultTemplate('en').subject).not.toBe('changed');
  });

  it('keeps the shipped defaults frozen', () => {
    expect(Object.isFrozen(DEFAULT_TEMPLATES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_TEMPLATES.fr)).toBe(true);
  });
});
