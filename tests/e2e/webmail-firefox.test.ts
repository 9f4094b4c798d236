/**
 * Gmail and Proton Mail end to end in Firefox (firefox-esr, puppeteer-core over WebDriver BiDi), with the
 * dist-firefox build, which has the webmail hosts only as optional permissions: the test grants each host the way a
 * partner does, by a real click on a button that calls `permissions.request`, with the prompt turned off by pref.
 * Firefox hands a content script's synthetic paste to the page empty (Mozilla bug 1654724): these runs prove the
 * techniques chosen for Firefox reach each site's own editor and listeners.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, launch, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindResult, InsertResult } from '../../src/messages';
import { GECKO_ID } from '../../vite.config';
import { findFirefox } from './support/browsers';
import { DRAFT, FIXTURES, LINK, roosterBundle } from './support/webmail';

const firefox = findFirefox().path;
const UUID = '6b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const BASE = `moz-extension://${UUID}/`;
type Ext = {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  permissions: { request(p: object): Promise<boolean> };
};

/**
 * BiDi cannot navigate to moz-extension:// (docs/testing.md, "End-to-end mechanics"): use the page the add-on opened on
 * install.
 */
async function extensionPage(browser: Browser): Promise<Page> {
  for (let i = 0; i < 100; i++) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(BASE)) return page;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The add-on did not open its options page on a temporary install.');
}

/** A webmail tab: the site's fixtures answered for its real host by request interception, at the real origin. */
async function webmailTab(browser: Browser, site: 'gmail' | 'proton', host: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== host) return void request.continue();
    const name = url.pathname.split('/').pop() ?? '';
    const file = join(FIXTURES, site, name);
    const js = name.endsWith('.js');
    const body = name.startsWith('rooster')
      ? roosterBundle(name)
      : Promise.resolve(existsSync(file) ? readFileSync(file, 'utf8') : null);
    void body.then((text) =>
      request.respond({
        status: text === null ? 404 : 200,
        contentType: js ? 'text/javascript' : 'text/html; charset=utf-8',
        body: text ?? '',
      }),
    );
  });
  await page.goto(`https://${host}/mail/new.html`);
  return page;
}

describe.skipIf(!firefox)('Gmail and Proton compose in Firefox (dist-firefox, WebDriver BiDi)', () => {
  let browser: Browser;
  let ext: Page;
  beforeAll(async () => {
    browser = await launch({
      browser: 'firefox',
      executablePath: firefox,
      headless: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    await browser.installExtension(resolve('dist-firefox'));
    ext = await extensionPage(browser);
  });
  afterAll(() => browser?.close());

  const send = (m: unknown) =>
    ext.evaluate((msg) => (globalThis as unknown as { browser: Ext }).browser.runtime.sendMessage(msg), m);

  /** Grants one host from a real click on an extension page, as "Find compose windows in all tabs" does. */
  async function grant(origin: string): Promise<boolean> {
    await ext.evaluate((o) => {
      document.getElementById('grant')?.remove();
      const button = document.createElement('button');
      button.id = 'grant';
      button.textContent = 'Find compose windows in all tabs';
      document.body.append(button);
      (window as unknown as { __granted: Promise<boolean> }).__granted = new Promise((done) => {
        button.addEventListener('click', () => {
          const { permissions } = (globalThis as unknown as { browser: Ext }).browser;
          permissions.request({ origins: [o] }).then(done, () => done(false));
        });
      });
    }, origin);
    await ext.click('#grant');
    return ext.evaluate(() => (window as unknown as { __granted: Promise<boolean> }).__granted);
  }

  async function insertInto(site: string): Promise<InsertResult> {
    const { composes } = (await send({ type: 'compose.find' })) as FindResult;
    const compose = composes.find((c) => c.site === site);
    expect(compose).toMatchObject({ subject: '', to: [], frameId: 0 });
    return (await send({
      type: 'compose.insert',
      target: { tabId: compose?.tabId, frameId: 0, composeId: compose?.composeId },
      draft: DRAFT,
    })) as InsertResult;
  }

  const inputEvents = (page: Page) =>
    page.evaluate(() => (window as unknown as { __inputEvents?: number }).__inputEvents ?? 0);

  it('after the partner grants mail.google.com, finds the compose and inserts recipient, subject and body', async () => {
    const gmail = await webmailTab(browser, 'gmail', 'mail.google.com');
    // No grant yet, and no activeTab (nothing was clicked): the tab is out of reach.
    expect(await send({ type: 'compose.find' })).toEqual({
      composes: [],
      unconfirmed: [],
      webmailTabs: [],
      failed: [],
    });
    expect(await grant('https://mail.google.com/*')).toBe(true);

    expect(await insertInto('gmail')).toEqual({ ok: true, method: 'execCommand' });
    const facts = await gmail.evaluate((link) => {
      const body = document.querySelector('[g_editable="true"]') as HTMLElement;
      return {
        links: [...body.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href') === link).length,
        linkBeforeSignature: body.innerHTML.indexOf('<a href') < body.innerHTML.indexOf('gmail_signature'),
        chips: [...document.querySelectorAll('[data-hovercard-id]')].map((c) =>
          c.getAttribute('data-hovercard-id'),
        ),
        subject: (document.querySelector('input[name="subjectbox"]') as HTMLInputElement).value,
      };
    }, LINK);
    expect(facts).toEqual({
      links: 1,
      linkBeforeSignature: true,
      chips: ['alex@contoso.example'],
      subject: DRAFT.subject,
    });
    expect(await inputEvents(gmail)).toBeGreaterThan(0);
  });

  it('after the partner grants mail.proton.me, RoosterJS 8 in the page takes the draft without a paste', async () => {
    const proton = await webmailTab(browser, 'proton', 'mail.proton.me');
    expect(await grant('https://mail.proton.me/*')).toBe(true);
    const result = await insertInto('proton');
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.method).not.toBe('paste');
    const facts = await proton.evaluate((link) => {
      const frame = document.querySelector('iframe[data-testid="rooster-iframe"]') as HTMLIFrameElement;
      const body = frame.contentDocument?.querySelector('#rooster-editor') as HTMLElement;
      const model = (window as unknown as { roosterHtml(i: number): string }).roosterHtml(0);
      return {
        links: [...body.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href') === link).length,
        linkBeforeSignature:
          body.innerHTML.indexOf('<a href') < body.innerHTML.indexOf('protonmail_signature'),
        inModel: model.includes(link.replaceAll('&', '&amp;')),
        subject: (document.querySelector('input[data-testid="composer:subject"]') as HTMLInputElement).value,
      };
    }, LINK);
    expect(facts).toEqual({
      links: 1,
      linkBeforeSignature: true,
      inModel: true,
      subject: DRAFT.subject,
    });
    expect(await inputEvents(proton)).toBeGreaterThan(0);
    // The recipient as the composer shows it now (the open editor's item, or its summary once the field closed).
    const { composes } = (await send({ type: 'compose.find' })) as FindResult;
    expect(composes.find((c) => c.site === 'proton')?.to).toEqual(['alex@contoso.example']);
  });
});
