import { resolve } from 'node:path';
import { type Browser, launch, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../vite.config';
import { findFirefox } from './support/browsers';

const firefox = findFirefox().path;
// A fixed internal UUID gives the add-on a known moz-extension:// origin.
const UUID = '2f6a1f0e-4c3b-4e5d-9a8b-7c6d5e4f3a2b';
const BASE = `moz-extension://${UUID}/`;

/**
 * BiDi cannot navigate to moz-extension:// (docs/testing.md, "End-to-end mechanics"): find the page the add-on opened
 * on install.
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

describe.skipIf(!firefox)('Firefox build (firefox-esr, WebDriver BiDi)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({
      browser: 'firefox',
      executablePath: firefox,
      headless: true,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
    });
    await browser.installExtension(resolve('dist-firefox'));
  });
  afterAll(() => browser?.close());

  it('loads the add-on, and its popup renders the profile form and builds the link', async () => {
    const page = await extensionPage(browser);
    await page.evaluate((url) => {
      location.href = url;
    }, `${BASE}src/popup/index.html`);
    await page.waitForSelector('#setup-title', { timeout: 20_000 });
    await page.type('#partnerName', 'Fabrikam Cloud');
    await page.type('#tenantId', '4F1A2B3C-5D6E-4F70-8A9B-0C1D2E3F4A5B');
    const link = await page.waitForSelector('[data-testid="profile-link"] code');
    expect(await link?.evaluate((el) => el.textContent)).toBe(
      'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=' +
        '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b&msppId=0&DAP=false#/BillingAccounts/partner-invitation',
    );
    await page.click('button[type="submit"]');
    const type = await page.waitForSelector('[data-testid="link-type"]');
    expect(await type?.evaluate((el) => el.textContent)).toBe('Reseller relationship — direct');
  });

  it('holds `identity` from install, as Firefox requires, so Options shows its redirect URL; no Microsoft host is granted', async () => {
    const page = await extensionPage(browser);
    await page.evaluate((url) => {
      location.href = url;
    }, `${BASE}src/options/index.html#connect`);
    const redirect = await page.waitForSelector('[data-testid="redirect-url"]', { timeout: 20_000 });
    expect(await redirect?.evaluate((el) => el.textContent)).toMatch(
      /^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/,
    );
    type Granted = { permissions: string[]; origins: string[] };
    const granted = await page.evaluate(() =>
      (
        globalThis as unknown as { browser: { permissions: { getAll(): Promise<Granted> } } }
      ).browser.permissions.getAll(),
    );
    expect(granted.permissions).toContain('identity');
    expect(granted.origins.filter((o) => o.includes('microsoft'))).toEqual([]);
  });
});
