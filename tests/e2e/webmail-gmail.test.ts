/**
 * Gmail end to end in real Chromium: the dist-e2e build, fixtures served at https://mail.google.com under Trusted
 * Types, and the worker driven by the real compose.find / compose.insert messages from an extension page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { insertFailureText } from '../../src/ui/invite/insert-failure';
import { translator } from '../support/locale';
import { chromiumPath } from './support/chromium';
import { describeWebmail } from './support/webmail';

const chips = (page: Page) =>
  page.$$eval('div[name="to"] [data-hovercard-id]', (els) =>
    els.map((el) => el.getAttribute('data-hovercard-id')),
  );

describe.skipIf(!chromiumPath)('Gmail compose (Chromium, dist-e2e)', () => {
  describeWebmail(
    {
      site: 'gmail',
      body: '[g_editable="true"]',
      signature: 'gmail_signature',
      quote: 'Could you send me the link',
      subjectInput: 'input[name="subjectbox"]',
      chips,
      method: 'execCommand',
      // Plain-text mode has no DOM marker: the rich draft goes in, and its link's text is the bare link.
      plainMethod: 'execCommand',
      quoteOutsideBody: true,
    },
    (session) => {
      it('answers no-compose, unsupported, no-access and tab-gone, each with what to do', async () => {
        const s = session();
        const inbox = await s.open('gmail', 'inbox.html');
        expect(await s.insert({ tabId: inbox.tabId })).toMatchObject({ ok: false, reason: 'no-compose' });
        // The /mail/mu/ mobile UI is another app: not one we fill.
        const mobile = await s.open('gmail', 'mu/new.html');
        expect(await s.insert({ tabId: mobile.tabId })).toMatchObject({ ok: false, reason: 'unsupported' });

        // A host the build has no permission for, and no activeTab grant (headless gives none).
        await s.browser.context.route('https://www.example.org/**', (r) =>
          r.fulfill({ contentType: 'text/html', body: '<p contenteditable="true">Not a webmail</p>' }),
        );
        const other = await s.browser.context.newPage();
        await other.goto('https://www.example.org/');
        const otherId = await s.ext.evaluate(async () => {
          type Tabs = { query(q: object): Promise<{ id: number; url?: string }[]> };
          const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
          return (await tabs.query({})).find((t) => t.url === undefined)?.id ?? -1;
        });
        const denied = await s.insert({ tabId: otherId });
        expect(denied).toMatchObject({ ok: false, reason: 'no-access' });
        // The worker answers a code; the popup words it in its own language, with what to do.
        if (denied.ok) throw new Error('inserted without access');
        expect(insertFailureText(denied, translator('en'))).toMatch(/toolbar icon/);
        expect(insertFailureText(denied, translator('fr'))).toMatch(/icône de la barre d’outils/);
        expect(await s.insert({ tabId: 987654321 })).toMatchObject({ ok: false, reason: 'tab-gone' });
      });
    },
  );
});
