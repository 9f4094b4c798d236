/**
 * Outlook on the web end to end in real Chromium, on fixtures running the real RoosterJS editor: the tests read what
 * the editor itself would send (its content model, exported), not only the DOM.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium';
import { body, describeWebmail, LINK } from './support/webmail';

/** Resolved recipients of the first compose's To row (OWA's hashed class prefix, as the adapter reads them). */
const chips = (page: Page) =>
  page.$$eval('[data-app-section="Form_Content"] .wellRow-31:first-child [class*="individualText-"]', (els) =>
    els.map((el) => el.textContent),
  );
const model = (page: Page, index: number) => page.evaluate((i) => window.roosterHtml(i), index);

describe.skipIf(!chromiumPath)('Outlook on the web compose (Chromium, dist-e2e, RoosterJS)', () => {
  describeWebmail(
    {
      site: 'outlook',
      body: '[aria-multiline="true"]',
      signature: 'id="Signature"',
      quote: 'Could you send me the link',
      subjectInput: 'input[autocomplete="off"]',
      chips,
      method: 'paste',
      model,
      hosts: { 'outlook.cloud.microsoft': 'outlook', 'outlook.live.com': 'outlook' },
    },
    (session) => {
      for (const host of ['outlook.cloud.microsoft', 'outlook.live.com']) {
        it(`works on ${host}`, async () => {
          const s = session();
          const { page, tabId } = await s.open('outlook', 'new.html', host);
          expect((await s.find()).map((c) => c.site)).toEqual(['outlook']);
          expect(await s.insert({ tabId })).toEqual({ ok: true, method: 'paste' });
          expect((await body(page, { body: '[aria-multiline="true"]' })).links).toBe(1);
          expect(await model(page, 0)).toContain(LINK.replaceAll('&', '&amp;'));
        });
      }
    },
  );
});
