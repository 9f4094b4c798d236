/**
 * Proton Mail end to end in real Chromium (dist-e2e, fixtures served at https://mail.proton.me): RoosterJS 8 runs in
 * the page and edits `#rooster-editor` inside a srcless, script-less iframe the page wrote; recipients are a summary
 * until the field is opened. The shared cases, then what only Proton has: composers without a data-testid, recipients
 * folded into the summary, the quote held behind its toggle, and what RoosterJS hands Proton to send.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium';
import { body, DRAFT, describeWebmail, HOSTS, inputEvents, LINK } from './support/webmail';

const FRAME = 'iframe[data-testid="rooster-iframe"]';
const PLACE = { frame: FRAME, body: '#rooster-editor' };
const HTML_LINK = LINK.replaceAll('&', '&amp;');

/**
 * The first composer's To recipients as the page shows them: the open editor's items (by the address in the remove
 * button's name), or the summary's labels up to "CC:".
 */
const chips = (page: Page) =>
  page.evaluate(() => {
    const composer = document.querySelector('div.composer');
    const field = composer?.querySelector('[data-testid="composer:to-field"]');
    if (field) {
      return [...field.querySelectorAll('[data-testid^="remove-address-button-"]')].map((b) =>
        (b.getAttribute('data-testid') ?? '').replace('remove-address-button-', ''),
      );
    }
    const labels: string[] = [];
    for (const child of composer?.querySelector('.composer-addresses-fakefield-inner')?.children ?? []) {
      if (child.classList.contains('color-primary')) break;
      if (!child.classList.contains('placeholder'))
        labels.push((child.textContent ?? '').replace(/,$/, '').trim());
    }
    return labels;
  });

/** What Proton would send for editor `index`: the content RoosterJS 8 last handed its change listener. */
const model = (page: Page, index: number) => page.evaluate((i) => window.roosterHtml(i), index);

describe.skipIf(!chromiumPath)(
  'Proton Mail compose (Chromium, dist-e2e, RoosterJS 8 in a sandboxed frame)',
  () => {
    describeWebmail(
      {
        site: 'proton',
        ...PLACE,
        plainBody: { body: 'textarea[data-testid="editor-textarea"]' },
        // Proton's plain text has no "-- " line: its toText keeps the signature block's lines as they are.
        plainSignature: 'Fabrikam Cloud\n\nSent with Proton Mail',
        // RoosterJS 8 edits the DOM itself: Proton's class names survive into what it sends.
        signature: 'protonmail_signature_block',
        quote: 'Could you send me the link',
        quoteOutsideBody: true,
        subjectInput: 'input[data-testid="composer:subject"]',
        chips,
        method: 'paste',
        model,
      },
      (session) => {
        it('finds a composer from a version without data-testid and inserts into it', async () => {
          const { page, tabId } = await session().open('proton', 'legacy.html');
          const found = await session().find();
          expect(found).toEqual([
            expect.objectContaining({ site: 'proton', host: HOSTS.proton, subject: '', to: [] }),
          ]);
          expect(await session().insert({ tabId })).toEqual({ ok: true, method: 'paste' });
          expect((await body(page, PLACE)).links).toBe(1);
          expect(await chips(page)).toEqual(['alex@contoso.example']);
        });

        it('gives the composer its own data-testid as a stable id', async () => {
          await session().open('proton', 'two.html');
          const ids = (await session().find()).map((f) => f.composeId);
          expect(ids.sort()).toEqual(['k:composer-0', 'k:composer-1']);
        });

        it('reads To folded into the summary once each (a contact by its name, CC left out) and adds no one', async () => {
          const { page, tabId } = await session().open('proton', 'summary.html');
          const [found] = await session().find();
          expect(found?.to).toEqual(['Megan Bowen', 'lee@contoso.example']);
          expect(await session().insert({ tabId }, { ...DRAFT, to: 'someone@else.example' })).toMatchObject({
            ok: true,
          });
          // The summary was never opened: nothing was typed into To.
          expect(await page.$('input[data-testid="composer:to"]')).toBeNull();
          expect(await chips(page)).toEqual(['Megan Bowen', 'lee@contoso.example']);
          expect(await page.inputValue('input[data-testid="composer:subject"]')).toBe('Licensing');
        });

        it('reads the open editor by address, To row only, and adds no one to it', async () => {
          const { page, tabId } = await session().open('proton', 'recipients.html');
          const [found] = await session().find();
          expect(found?.to).toEqual(['megan@northwind.example', 'lee@contoso.example']);
          expect(await session().insert({ tabId }, { ...DRAFT, to: 'someone@else.example' })).toMatchObject({
            ok: true,
          });
          expect(await chips(page)).toEqual(['megan@northwind.example', 'lee@contoso.example']);
        });

        it('opens the summary as a click does and commits the typed address as Proton does', async () => {
          const { page, tabId } = await session().open('proton', 'de.html');
          expect(await page.$('input[data-testid="composer:to"]')).toBeNull();
          expect(await session().insert({ tabId })).toMatchObject({ ok: true });
          // The subject was filled after To, and its focus folded the addresses back into the summary.
          expect(await page.$('input[data-testid="composer:to"]')).toBeNull();
          expect(await chips(page)).toEqual(['alex@contoso.example']);
        });

        it('hands Proton the draft with its link: RoosterJS 8 saw the change (its Input/ContentChanged)', async () => {
          const { page, tabId } = await session().open('proton', 'new.html');
          expect(await model(page, 0)).not.toContain(HTML_LINK);
          const before = await inputEvents(page);
          expect(await session().insert({ tabId })).toEqual({ ok: true, method: 'paste' });
          const sent = await model(page, 0);
          expect(sent).toContain(`href="${HTML_LINK}"`);
          expect(sent.indexOf(HTML_LINK)).toBeLessThan(sent.indexOf('protonmail_signature_block'));
          expect(await inputEvents(page)).toBeGreaterThan(before);
        });

        it('on a reply keeps the quote behind its toggle, untouched, and the toggle in place', async () => {
          const { page, tabId } = await session().open('proton', 'reply.html');
          expect(await session().insert({ tabId })).toMatchObject({ ok: true });
          const frame = page.frameLocator(FRAME);
          await expect.poll(() => frame.locator('#proton-editor-toggle-container button').count()).toBe(1);
          expect(await frame.locator('.protonmail_quote').count()).toBe(0);
          expect(await page.inputValue('input[data-testid="composer:subject"]')).toBe(
            'Re: Reseller invitation',
          );
        });

        it('on an expanded reply lands above the signature and the quote, which RoosterJS keeps', async () => {
          const { page, tabId } = await session().open('proton', 'reply-expanded.html');
          expect(await session().insert({ tabId })).toEqual({ ok: true, method: 'paste' });
          const sent = await model(page, 0);
          expect(sent.indexOf(HTML_LINK)).toBeGreaterThan(-1);
          expect(sent.indexOf(HTML_LINK)).toBeLessThan(sent.indexOf('protonmail_signature_block'));
          expect(sent.indexOf('protonmail_signature_block')).toBeLessThan(
            sent.indexOf('Could you send me the link'),
          );
          expect(await page.inputValue('input[data-testid="composer:subject"]')).toBe(
            'Re: Reseller invitation',
          );
        });

        it('when the paste never reaches RoosterJS (as in Firefox), execCommand lands and Ctrl+Z undoes it', async () => {
          const { page, tabId } = await session().open('proton', 'new.html');
          // The page swallows the paste before RoosterJS hears it, as Firefox empties a content script's paste.
          await page.evaluate((frameSel) => {
            const doc = document.querySelector<HTMLIFrameElement>(frameSel)?.contentDocument;
            doc?.addEventListener('paste', (event) => event.stopImmediatePropagation(), true);
          }, FRAME);
          expect(await session().insert({ tabId }, { ...DRAFT, to: undefined })).toEqual({
            ok: true,
            method: 'execCommand',
          });
          expect(await model(page, 0)).toContain(`href="${HTML_LINK}"`);
          await page.bringToFront();
          await page.keyboard.press('Control+z');
          await expect.poll(async () => (await body(page, PLACE)).links).toBe(0);
          expect(await model(page, 0)).not.toContain('Hello Alex');
          expect(await model(page, 0)).toContain('protonmail_signature_block');
        });
      },
    );
  },
);
