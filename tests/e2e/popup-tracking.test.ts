/**
 * Tracking in the popup, in real Chromium: a copied invitation is recorded pending, counted, marked accepted and
 * undone; page clocks set in the past make an invitation overdue; the GDAP draft checks its link.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPath, type ExtensionBrowser, launchExtension } from './support/chromium';
import { webmailSession } from './support/webmail';

const DAY = 86_400_000;
const POPUP = 'src/popup/index.html';
const TENANT = '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const RESELLER_LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=' +
  `${TENANT}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;
// Two GUIDs joined by "-", as Partner Center gives them (docs/partner-center.md, "Link formats").
const GDAP_LINK =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/' +
  '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b-2c4e6a8b-1d3f-4a5b-9c7d-0e1f2a3b4c5d';

/**
 * The popup in a new tab; with `time`, the clock starts there (Dexie records use the page's Date.now). Playwright's
 * clock belongs to the whole context, not the page: `backToNow` puts it back for the pages opened after.
 */
async function openPopup(browser: ExtensionBrowser, time?: number): Promise<Page> {
  if (time !== undefined) await installClock(browser, time);
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${POPUP}`);
  await page.locator('[data-ready="true"]').waitFor();
  return page;
}

/**
 * Installed before the page opens, so its first script already sees the past. Installing evaluates in every page
 * of the context, and throws inside Playwright (`reading 'controller'`) on one still loading: the options tab the
 * worker opens on install. So that tab is waited for first.
 */
async function installClock(browser: ExtensionBrowser, time: number): Promise<void> {
  const { context } = browser;
  const isOptions = (p: Page) => p.url().includes('/src/options/');
  const options =
    context.pages().find(isOptions) ??
    (await context.waitForEvent('page', { predicate: isOptions, timeout: 5000 }).catch(() => undefined));
  await options?.waitForLoadState('load');
  await context.clock.install({ time });
}

async function backToNow(browser: ExtensionBrowser): Promise<void> {
  await browser.context.clock.setSystemTime(Date.now());
}

async function setProfile(page: Page): Promise<void> {
  await page.fill('#partnerName', 'Fabrikam Cloud');
  await page.fill('#tenantId', TENANT);
  await page.click('button[type="submit"]');
  await page.locator('#invite-title').waitFor();
}

async function inviteByCopy(page: Page, company: string, email: string): Promise<void> {
  await page.fill('#company', company);
  await page.fill('#contact', 'Alex Martin');
  await page.fill('#email', email);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect.poll(() => page.getByTestId('invite-status').textContent()).toMatch(/^Copied/);
  await expect.poll(() => page.getByTestId('record-notice').textContent()).toMatch(/^Recorded as pending/);
}

const text = (page: Page, testId: string) => () => page.getByTestId(testId).first().textContent();
const rows = (page: Page) => () => page.getByTestId('pending-row').count();

describe.skipIf(!chromiumPath)('tracking in the popup (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeEach(async () => {
    browser = await launchExtension('dist');
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterEach(() => browser.close());

  it('a copied invitation is pending for 0 days; Mark accepted counts it, Undo brings it back', async () => {
    const popup = await openPopup(browser);
    await setProfile(popup);
    await inviteByCopy(popup, 'Contoso Ltd', 'alex@contoso.com');
    await expect.poll(() => popup.getByRole('tab', { name: /Pending/ }).textContent()).toBe('Pending (1)');

    await popup.getByRole('tab', { name: /Pending/ }).click();
    await expect.poll(rows(popup)).toBe(1);
    const row = popup.getByTestId('pending-row');
    await expect.poll(() => row.locator('.company').textContent()).toBe('Contoso Ltd');
    await expect.poll(() => row.locator('.contact').textContent()).toBe('Alex Martin · alex@contoso.com');
    await expect.poll(text(popup, 'days-waiting')).toBe('0');
    await expect.poll(text(popup, 'count-pending')).toBe('1');
    await expect.poll(text(popup, 'count-accepted')).toBe('0');

    await row.getByTestId('mark-accepted').click();
    await expect.poll(rows(popup)).toBe(0);
    await expect.poll(text(popup, 'count-accepted')).toBe('1');
    await expect.poll(text(popup, 'count-pending')).toBe('0');
    await expect.poll(text(popup, 'pending-notice')).toMatch(/^Contoso Ltd: marked accepted\./);

    await popup.getByTestId('pending-notice').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(rows(popup)).toBe(1);
    await expect.poll(text(popup, 'count-pending')).toBe('1');
    await expect.poll(text(popup, 'count-accepted')).toBe('0');
    await expect.poll(text(popup, 'pending-notice')).toBe('Undone.');
  });

  it('an invitation recorded 10 days ago is overdue; a follow-up re-sends it', async () => {
    const past = await openPopup(browser, Date.now() - 10 * DAY);
    await setProfile(past);
    await inviteByCopy(past, 'Northwind Traders', 'dana@northwind.example');
    await past.close();
    await backToNow(browser);

    const popup = await openPopup(browser);
    await expect.poll(text(popup, 'tab-overdue')).toBe('1 overdue');
    await popup.getByRole('tab', { name: /Pending/ }).click();
    await expect.poll(text(popup, 'count-overdue')).toBe('1');
    await expect.poll(text(popup, 'days-waiting')).toBe('10');
    await expect.poll(() => popup.locator('.wait .overdue').textContent()).toBe('follow-up due');

    await popup.getByTestId('follow-up-button').click();
    await expect.poll(() => popup.locator('#invite-title').textContent()).toBe('Follow up');
    await expect.poll(() => popup.locator('#company').inputValue()).toBe('Northwind Traders');
    await popup.selectOption('#followUpReason', 'not-global-admin');
    await expect.poll(text(popup, 'preview-subject')).toMatch(/Global Administrator/);
    await popup.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(text(popup, 'record-notice')).toMatch(/^Recorded as sent again/);

    await popup.getByRole('tab', { name: /Pending/ }).click();
    await expect.poll(rows(popup)).toBe(1);
    await expect.poll(text(popup, 'count-overdue')).toBe('0');
    await expect.poll(text(popup, 'days-waiting')).toBe('10');
  });

  it('drafts a GDAP request: a reseller link is refused, a GDAP link is previewed as pasted', async () => {
    const popup = await openPopup(browser);
    await setProfile(popup);
    await popup.getByLabel('GDAP request', { exact: true }).check();
    await expect.poll(text(popup, 'link-type')).toBe('GDAP — granular admin access');
    await popup.fill('#company', 'Contoso Ltd');
    await popup.fill('#gdapLink', RESELLER_LINK);
    await expect.poll(() => popup.locator('[data-code="not-gdap"]').textContent()).toMatch(/not a GDAP link/);
    await expect.poll(() => popup.locator('#gdapLink').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => popup.getByTestId('preview-body').count()).toBe(0);

    const roles = 'Helpdesk Administrator: resets passwords';
    await popup.fill('#gdapLink', GDAP_LINK);
    await popup.fill('#gdapRoles', roles);
    await popup.fill('#gdapDuration', '730 days');
    const body = popup.getByTestId('preview-body');
    await expect.poll(() => body.locator('a').getAttribute('href')).toBe(GDAP_LINK);
    await expect.poll(() => body.locator('a').textContent()).toBe(GDAP_LINK);
    await expect.poll(() => body.textContent()).toContain(roles);
    await expect.poll(() => body.textContent()).toContain('Duration: 730 days');

    await popup.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(text(popup, 'record-notice')).toMatch(/^Recorded as pending/);
    await popup.getByRole('tab', { name: /Pending/ }).click();
    await expect.poll(text(popup, 'gdap-days-left')).toBe('90 days left');
  });

  it('inserting into a compose window records the invitation with the compose channel (dist-e2e)', async () => {
    const session = await webmailSession();
    try {
      await session.open('gmail', 'new.html');
      const popup = await openPopup(session.browser);
      await setProfile(popup);
      await popup.fill('#company', 'Contoso Ltd');
      await popup.fill('#email', 'alex@contoso.com');
      await popup.getByTestId('insert').click();
      await expect.poll(text(popup, 'invite-status')).toMatch(/^Inserted into Gmail/);
      await expect.poll(text(popup, 'record-notice')).toMatch(/^Recorded as pending/);
      const channels = await popup.evaluate(
        () =>
          new Promise<string[]>((done) => {
            const open = indexedDB.open('reseller-invite');
            open.onsuccess = () => {
              const all = open.result.transaction('invitations').objectStore('invitations').getAll();
              all.onsuccess = () => done(all.result.map((i: { channel: string }) => i.channel));
            };
          }),
      );
      expect(channels).toEqual(['compose']);
    } finally {
      await session.close();
    }
  });
});
