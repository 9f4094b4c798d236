/**
 * No page can pose as a webmail or see the extension, and a compose that cannot be filled is reported, in real
 * Chromium with the dist-e2e build. `pages.example.net` and `webmail.fabrikam.example` are scriptable in that build
 * only (vite.config.ts, E2E_OTHER_HOSTS) and serve a page carrying Outlook on the web's markers.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium';
import { body, DRAFT, inputEvents, type WebmailSession, webmailSession } from './support/webmail';

const OUTLOOK_BODY = { body: '[aria-multiline="true"]' };
const POSING = 'pages.example.net';
const CUSTOM = 'webmail.fabrikam.example';

type Chrome = { storage: { local: { set(v: object): Promise<void>; get(k: string): Promise<object> } } };

describe.skipIf(!chromiumPath)('webmail trust boundary (Chromium, dist-e2e)', () => {
  let s: WebmailSession;
  beforeAll(async () => {
    s = await webmailSession({ [POSING]: 'other', [CUSTOM]: 'other' });
  });
  afterAll(() => s?.close());
  afterEach(async () => {
    for (const page of s.browser.context.pages()) if (page !== s.ext) await page.close();
    await s.ext.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ confirmedWebmailHosts: [] }),
    );
  });

  const confirm = (hosts: string[]) =>
    s.ext.evaluate(
      (h) =>
        (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ confirmedWebmailHosts: h }),
      hosts,
    );

  it('a page at another origin carrying Outlook markers is not listed and receives nothing', async () => {
    const { page, tabId } = await s.open('other', 'outlook-markers.html', POSING);
    const before = await body(page, OUTLOOK_BODY);
    const found = await s.findAll();
    expect(found.composes).toEqual([]);
    expect(found.unconfirmed).toEqual([{ tabId, host: POSING, site: 'outlook' }]);
    expect(await s.insert({ tabId })).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(await body(page, OUTLOOK_BODY)).toEqual(before);
    expect(await inputEvents(page)).toBe(0);
  });

  // A custom domain has no host permission of ours: it is reached as the active tab only (activeTab).
  it('a host the partner confirmed is treated as Outlook, and only that host', async () => {
    await confirm([CUSTOM]);
    const posing = await s.open('other', 'outlook-markers.html', POSING);
    expect((await s.findAll()).unconfirmed).toEqual([{ tabId: posing.tabId, host: POSING, site: 'outlook' }]);
    const custom = await s.open('other', 'outlook-markers.html', CUSTOM);
    const found = await s.findAll();
    expect(found.composes).toEqual([
      expect.objectContaining({ tabId: custom.tabId, site: 'outlook', host: CUSTOM }),
    ]);
    expect(found.unconfirmed).toEqual([]);
    expect(await s.insert({ tabId: custom.tabId }, { ...DRAFT, to: undefined })).toMatchObject({ ok: true });
    expect((await body(custom.page, OUTLOOK_BODY)).links).toBe(1);
    expect(await s.insert({ tabId: posing.tabId })).toMatchObject({ ok: false });
    expect((await body(posing.page, OUTLOOK_BODY)).links).toBe(0);
  });

  it('after a find and an insert, no attribute or global of ours is visible to the page', async () => {
    const { page, tabId } = await s.open('gmail', 'new.html');
    const [found] = await s.find();
    expect(await s.insert({ tabId })).toMatchObject({ ok: true });
    const traces = await page.evaluate((id) => {
      const attributes = [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].map((a) => `${a.name}=${a.value}`),
      );
      return {
        ours: attributes.filter((a) => /reseller-?invite/i.test(a) || a.includes(id)),
        globals: Object.keys(window).filter((k) => /reseller/i.test(k)),
      };
    }, found?.composeId ?? '');
    expect(traces).toEqual({ ours: [], globals: [] });
  });

  it('a compose that refuses the draft gets not-inserted, and the diagnostic report carries no content', async () => {
    const { tabId } = await s.open('gmail', 'locked.html');
    expect(await s.insert({ tabId })).toMatchObject({ ok: false, reason: 'not-inserted' });
    const report = await s.diagnose(tabId);
    expect(report).toContain('frame 0: host mail.google.com, site gmail');
    expect(report).toMatch(/ {2}compose: 1\n/);
    expect(report).toMatch(/ {2}body: 1\n/);
    expect(report).toContain('body execCommand changed-without-link');
    expect(report).toContain('recipient filled, subject filled');
    for (const secret of [DRAFT.subject, 'alex@contoso.example', 'Hello Alex', 'Dana Smith', 'partnerId'])
      expect(report).not.toContain(secret);
  });

  it('a Gmail tab with no compose is reported for a diagnostic, with its selectors at zero', async () => {
    const { tabId } = await s.open('gmail', 'inbox.html');
    const found = await s.findAll();
    expect(found.webmailTabs).toEqual([{ tabId, host: 'mail.google.com', site: 'gmail' }]);
    expect(await s.diagnose(tabId)).toMatch(/ {2}compose: 0\n/);
  });

  it('in the popup: a refused insert copies the draft and offers the diagnostic report', async () => {
    await s.open('gmail', 'locked.html');
    const popup: Page = await s.browser.context.newPage();
    await s.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.goto(`chrome-extension://${s.browser.extensionId}/src/popup/index.html`);
    await popup.locator('[data-ready="true"]').waitFor();
    await popup.fill('#partnerName', 'Fabrikam Cloud');
    await popup.fill('#tenantId', '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b');
    await popup.click('button[type="submit"]');
    await popup.fill('#company', 'Contoso Ltd');
    await popup.fill('#email', 'alex@contoso.example');
    await popup.getByTestId('insert').click();
    await expect.poll(() => popup.getByTestId('invite-status').textContent()).toMatch(/clipboard/);
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toContain('Contoso Ltd');
    await popup.getByRole('button', { name: 'Copy a diagnostic report' }).click();
    await expect
      .poll(() => popup.getByTestId('invite-status').textContent())
      .toMatch(/^Diagnostic report copied/);
    const report = await popup.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain('host mail.google.com');
    expect(report).not.toContain('Contoso');
  });

  it('in the popup: "Treat <host> as Outlook" confirms that host, and Options > Webmail lists it and removes it', async () => {
    const posing = await s.open('other', 'outlook-markers.html', POSING);
    const popup: Page = await s.browser.context.newPage();
    await popup.goto(`chrome-extension://${s.browser.extensionId}/src/popup/index.html`);
    await popup.locator('[data-ready="true"]').waitFor();
    // The profile saved by the test before carries over (one browser for the file).
    await popup.locator('#company').waitFor();
    // The webmail tab in front, as when the partner clicks the toolbar icon over it.
    await posing.page.bringToFront();
    await popup.getByRole('button', { name: 'Find compose windows in all tabs' }).click();
    await popup.getByRole('button', { name: `Treat ${POSING} as Outlook` }).click();
    await expect
      .poll(() => popup.getByTestId('insert').textContent())
      .toBe(`Insert into Outlook: new message (${POSING})`);

    const options = await s.browser.openPage('src/options/index.html');
    await expect.poll(() => options.getByTestId('webmail-hosts').textContent()).toContain(POSING);
    await options.getByRole('button', { name: `Remove ${POSING}` }).click();
    await options.getByTestId('webmail-hosts-none').waitFor();
    const stored = await s.ext.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('confirmedWebmailHosts'),
    );
    expect(stored).toEqual({ confirmedWebmailHosts: [] });
  });
});
