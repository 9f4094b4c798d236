/** Random text in every field a partner types: validators never throw, and text never becomes markup or a link. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from '../../src/core/csv';
import { checkCustomer } from '../../src/core/customer';
import { defaultTemplate } from '../../src/core/default-templates';
import { checkEmail } from '../../src/core/email';
import { checkLink } from '../../src/core/link';
import { TemplateError } from '../../src/core/problem';
import { checkPartnerProfile, EMPTY_PROFILE, parseProfile } from '../../src/core/profile';
import { renderDraft } from '../../src/core/template';
import { checkFollowUpDays } from '../../src/core/tracking-settings';

const text = fc.oneof(
  fc.string({ maxLength: 80, unit: 'binary' }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'",
    '&amp;',
    '{{link}}',
    'javascript:x',
  ),
);
const LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b&msppId=0&DAP=false#/BillingAccounts/partner-invitation';

describe('validators under random text', () => {
  it('never throw, and answer with problems in the one shape', () => {
    fc.assert(
      fc.property(text, text, text, text, text, (a, b, c, d, e) => {
        for (const p of [
          ...checkCustomer({ companyName: a, contactName: b, email: c, domain: d, tenantId: e, notes: a }),
          ...checkEmail(c),
          ...checkPartnerProfile({ ...EMPTY_PROFILE, partnerName: a, senderName: b, tenantId: c }).problems,
          ...checkPartnerProfile({
            ...EMPTY_PROFILE,
            source: 'pasted',
            pastedLink: d,
            confirmedHost: e,
            partnerName: a,
          }).problems,
          ...checkFollowUpDays(Number(a)),
        ]) {
          expect(typeof p.code).toBe('string');
          expect(p.message.length).toBeGreaterThan(0);
        }
        expect(parseProfile({ partnerName: a, senderName: b, pastedLink: c }).ok).toBeTypeOf('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('accept a link only when it is plain printable ASCII with nothing before or after the host', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 6, unit: 'binary' }),
          fc.constantFrom('\u00AD', '\u200B', '\uFEFF', 'ａ', '@', 'evil.com@', ':443', '\\', '\t'),
        ),
        fc.nat(LINK.length),
        (insert, at) => {
          const link = LINK.slice(0, at) + insert + LINK.slice(at);
          const r = checkLink(link);
          if (!r.ok) return;
          expect(r.url).toMatch(/^[\x21-\x7e]+$/);
          expect(r.url.startsWith('https://admin.microsoft.com/')).toBe(true);
          expect(r.url).not.toContain('\\');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('drafts and exports under random text', () => {
  it('render every value as text: no markup but our own, only the checked link in href', () => {
    fc.assert(
      fc.property(text, text, text, text, (customerName, contactName, partnerName, senderName) => {
        let draft: ReturnType<typeof renderDraft>;
        try {
          draft = renderDraft(defaultTemplate('en'), {
            customerName,
            contactName,
            partnerName,
            senderName,
            link: LINK,
          });
        } catch (error) {
          expect(error).toBeInstanceOf(TemplateError);
          return;
        }
        const withoutOurs = draft.html.replace(/<\/?p>|<br>|<a href="[^"<>]*">|<\/a>/g, '');
        expect(withoutOurs).not.toMatch(/[<>]/);
        for (const [, href] of draft.html.matchAll(/href="([^"]*)"/g))
          expect(href).toBe(LINK.replace(/&/g, '&amp;'));
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a cell start a formula in a spreadsheet, and keeps the text', () => {
    fc.assert(
      fc.property(text, (value) => {
        const cell = parseCsv(csvCell(value), ',').records[0]?.fields.join(',') ?? '';
        const shown = cell.replace(/^[\s\u3000]+/, '');
        expect(shown).not.toMatch(/^[=+\-@＝＋－＠]/);
        expect([value, `'${value}`]).toContain(cell === '' && value === '' ? '' : cell);
      }),
      { numRuns: 300 },
    );
  });
});
