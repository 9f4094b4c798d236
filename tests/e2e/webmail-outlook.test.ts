/**
 * Outlook on the web end to end in real Chromium, on fixtures running the real RoosterJS editor: the tests read what
 * the editor itself would send (its content model, exported), not only the DOM. Then what is Outlook's own: the
 * Settings signature editor never listed nor touched, recipients read once each from inside the To well, a reply's
 * fields revealed only by focus, and the other Microsoft hosts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium';
import { body, DRAFT, describeWebmail, inputEvents, LINK } from './support/webmail';

const BODY = '[id^="editorParent_"] > [aria-multiline="true"]';
const SIGNATURE_EDITOR = '[role="dialog"] [aria-multiline="true"]';

/**
 * The first compose's To recipients as the page shows them: each item inside the To well (or, in a reply not yet
 * focused, in the header line), by its outermost text container.
 */
const chips = (page: Page) =>
  page.evaluate(() => {
    const part = document.querySelector('[id^="docking_InitVisiblePart"]');
    const well = part?.querySelector('[contenteditable="true"]:not([aria-multiline="true"])');
    const place = well ?? part?.querySelector('div[tabindex]:nth-child(2)');
    const texts = [
      ...(place?.querySelectorAll('[class*="textContainer-"], [class*="individualText-"]') ?? []),
    ];
    return texts.filter((t) => !texts.some((o) => o !== t && o.contains(t))).map((t) => t.textContent);
  });
const model = (page: Page, index: number) => page.evaluate((i) => window.roosterHtml(i), index);
const signatureInputs = (page: Page) =>
  page.evaluate(() => (window as unknown as { __signatureInputs: number }).__signatureInputs);

describe.skipIf(!chromiumPath)('Outlook on the web compose (Chromium, dist-e2e, RoosterJS)', () => {
  describeWebmail(
    {
      site: 'outlook',
      body: BODY,
      signature: 'id="Signature"',
      quote: 'Could you send me the link',
      subjectInput: 'input[autocomplete="off"]',
      chips,
      method: 'paste',
      model,
      // No public source shows a DOM marker for OWA's plain-text mode: the editor's own paste is expected to win.
      plainMethod: 'paste',
      hosts: { 'outlook.cloud.microsoft': 'outlook', 'outlook.live.com': 'outlook' },
    },
    (session) => {
      for (const host of ['outlook.cloud.microsoft', 'outlook.live.com']) {
        it(`works on ${host}`, async () => {
          const s = session();
          const { page, tabId } = await s.open('outlook', 'new.html', host);
          expect((await s.find()).map((c) => [c.site, c.host])).toEqual([['outlook', host]]);
          expect(await s.insert({ tabId })).toEqual({ ok: true, method: 'paste' });
          expect((await body(page, { body: BODY })).links).toBe(1);
          expect(await model(page, 0)).toContain(LINK.replaceAll('&', '&amp;'));
        });
      }

      it('the pop-out compose window: found by its form, filled like the docked one', async () => {
        const s = session();
        const { page, tabId } = await s.open('outlook', 'popout.html');
        expect(await s.find()).toMatchObject([{ site: 'outlook', subject: '', to: [] }]);
        expect(await s.insert({ tabId })).toEqual({ ok: true, method: 'paste' });
        expect((await body(page, { body: BODY })).links).toBe(1);
        expect(await page.$eval('input[autocomplete="off"]', (el) => (el as HTMLInputElement).value)).toBe(
          DRAFT.subject,
        );
        expect((await s.find())[0]?.to).toEqual(['alex@contoso.example']);
      });

      it('with Settings > Signature open: lists the compose only, and the signature editor is never touched', async () => {
        const s = session();
        const { page, tabId } = await s.open('outlook', 'signature-settings.html');
        const signatureBefore = await page.$eval(SIGNATURE_EDITOR, (el) => el.innerHTML);
        // The partner was editing the signature last: its editor holds the focus and the caret.
        await page.click(SIGNATURE_EDITOR);
        const found = await s.find();
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ subject: '', to: [], focused: false });
        expect(await s.insert({ tabId })).toEqual({ ok: true, method: 'paste' });
        expect((await body(page, { body: BODY })).links).toBe(1);
        expect(await page.$eval(SIGNATURE_EDITOR, (el) => el.innerHTML)).toBe(signatureBefore);
        expect(await page.$eval(SIGNATURE_EDITOR, (el) => el.querySelectorAll('a').length)).toBe(0);
        expect(await signatureInputs(page)).toBe(0);
        // The signature editor's own model (RoosterJS editor 1) has nothing of the draft either.
        expect(await model(page, 1)).not.toContain('Hello Alex');
        expect(await model(page, 0)).toContain('Hello Alex');
      });

      it('reads each recipient once, with the address OWA shows, and types nothing into a To that has some', async () => {
        const s = session();
        const { page, tabId } = await s.open('outlook', 'recipients.html');
        const [found] = await s.find();
        expect(found?.to).toEqual(['ana.lima@contoso.example', 'megan@northwind.example', 'Alex Wilber']);
        expect(await s.insert({ tabId }, { ...DRAFT, to: 'someone@else.example' })).toMatchObject({
          ok: true,
        });
        expect(await chips(page)).toEqual([
          'Ana Lima <ana.lima@contoso.example>',
          'megan@northwind.example',
          'Alex Wilber',
        ]);
        expect((await s.find())[0]?.to).toHaveLength(3);
      });

      it('a typed address becomes one recipient inside the To well, read back once', async () => {
        const s = session();
        const { page, tabId } = await s.open('outlook', 'new.html');
        expect(await s.insert({ tabId })).toMatchObject({ ok: true });
        const well = await page.$eval('[aria-label="To"]', (el) => ({
          items: el.querySelectorAll(':scope > [contenteditable="false"]').length,
          typed: [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())
            .length,
        }));
        expect(well).toEqual({ items: 1, typed: 0 });
        expect((await s.find())[0]?.to).toEqual(['alex@contoso.example']);
      });

      it('a reply: its recipient is read while the fields are collapsed, and still once after focus reveals them', async () => {
        const s = session();
        const { page, tabId } = await s.open('outlook', 'reply.html');
        expect(await page.$$('[id^="docking_InitVisiblePart"] [aria-label="To"]')).toHaveLength(0);
        expect((await s.find())[0]?.to).toEqual(['alex@contoso.example']);
        const inputs = await inputEvents(page);
        expect(await s.insert({ tabId }, { ...DRAFT, to: 'someone@else.example' })).toEqual({
          ok: true,
          method: 'paste',
        });
        expect(await inputEvents(page)).toBeGreaterThan(inputs);
        // Nothing to fill: the header was left as it was.
        expect(await page.$$('[id^="docking_InitVisiblePart"] [aria-label="To"]')).toHaveLength(0);
        // The partner clicks the header: OWA shows the editable wells, with the same single recipient inside.
        await page.focus('[id^="docking_InitVisiblePart"] div[tabindex]');
        expect(await page.$$('[id^="docking_InitVisiblePart"] [aria-label="To"]')).toHaveLength(1);
        expect((await s.find())[0]?.to).toEqual(['alex@contoso.example']);
        expect(await chips(page)).toEqual(['alex@contoso.example']);
      });

      it('a reply whose collapsed header shows no recipient: focus reveals the To well and the address is typed', async () => {
        const s = session();
        const { page, tabId } = await s.open('outlook', 'reply.html');
        // A reply to a message with no one to answer (a note to self): both the line and the fields are empty.
        await page.evaluate(() => {
          const part = document.querySelector('[id^="docking_InitVisiblePart"]') as HTMLElement;
          part.querySelector('div[tabindex] [class*="textContainer-"]')?.remove();
          const template = part.querySelector('template[data-fields]') as HTMLTemplateElement;
          for (const item of template.content.querySelectorAll('[aria-label="To"] > *')) item.remove();
        });
        expect((await s.find())[0]?.to).toEqual([]);
        expect(await s.insert({ tabId })).toMatchObject({ ok: true });
        expect(await page.$$('[id^="docking_InitVisiblePart"] [aria-label="To"]')).toHaveLength(1);
        expect(await chips(page)).toEqual(['alex@contoso.example']);
        // The draft still went into the body, at the top, above the signature and the quote.
        const { html, links } = await body(page, { body: BODY });
        expect(links).toBe(1);
        expect(html.indexOf('Hello Alex')).toBeLessThan(html.indexOf('id="Signature"'));
      });
    },
  );
});
