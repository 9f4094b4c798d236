/**
 * Gmail end to end in Firefox (firefox-esr, puppeteer-core over WebDriver BiDi), with the dist-firefox build, which
 * has the webmail hosts only as optional permissions: the test grants mail.google.com the way a partner does, by a
 * real click on a button that calls `permissions.request`, with the prompt turned off by pref (spec/toolchain.md).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, launch, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindResult, InsertResult } from '../../src/messages';
import { GECKO_ID } from '../../vite.config';
import { findFirefox } from './support/browsers';
import { DRAFT, FIXTURES, LINK } from './support/webmail';

const firefox = findFirefox().path;
const UUID = '6b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const BASE = `moz-extension://${UUID}/`;
type Ext = {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  permissions: { request(p: object): Promise<boolean> };
};

/** BiDi cannot navigate to moz-extension:// (spec/toolchain.md): use the page the add-on opened on install. */
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

/** A Gmail tab: the fixture answered for mail.google.com by request interception, at the real origin. */
async function gmailTab(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== 'mail.google.com') return void request.continue();
    const name = url.pathname.split('/').pop() ?? '';
    const file = join(FIXTURES, 'gmail', name);
    const known = ['new.html', 'peoplekit.js'].includes(name);
    void request.respond({
      status: known ? 200 : 404,
      contentType: name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8',
      body: known ? readFileSync(file, 'utf8') : '',
    });
  });
  await page.goto('https://mail.google.com/mail/new.html');
  return page;
}

describe.skipIf(!firefox)('Gmail compose in Firefox (dist-firefox, WebDriver BiDi)', () => {
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

  it('after the partner grants mail.google.com, finds the compose and inserts recipient, subject and body', async () => {
    const gmail = await gmailTab(browser);
    const send = (m: unknown) =>
      ext.evaluate((msg) => (globalThis as unknown as { browser: Ext }).browser.runtime.sendMessage(msg), m);
    // No grant yet, and no activeTab (nothing was clicked): the tab is out of reach.
    expect(await send({ type: 'compose.find' })).toEqual({ composes: [], unconfirmed: [], webmailTabs: [] });

    const granted = await ext.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'grant';
      button.textContent = 'Find compose windows in all tabs';
      document.body.append(button);
      return new Promise<void>((ready) => {
        (window as unknown as { __granted: Promise<boolean> }).__granted = new Promise((done) => {
          button.addEventListener('click', () => {
            const { permissions } = (globalThis as unknown as { browser: Ext }).browser;
            permissions.request({ origins: ['https://mail.google.com/*'] }).then(done, () => done(false));
          });
          ready();
        });
      });
    });
    expect(granted).toBeUndefined();
    await ext.click('#grant');
    expect(await ext.evaluate(() => (window as unknown as { __granted: Promise<boolean> }).__granted)).toBe(
      true,
    );

    const { composes: found } = (await send({ type: 'compose.find' })) as FindResult;
    expect(found).toEqual([expect.objectContaining({ site: 'gmail', subject: '', to: [], frameId: 0 })]);
    const [compose] = found;
    const result = (await send({
      type: 'compose.insert',
      target: { tabId: compose?.tabId, frameId: 0, composeId: compose?.composeId },
      draft: DRAFT,
    })) as InsertResult;
    expect(result).toEqual({ ok: true, method: 'execCommand' });

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
  });
});
