/**
 * The toolbar badge in real Chromium: the worker counts pending invitations overdue for follow-up (7 days by
 * default) when a page tells it it wrote something. Time is moved with Playwright's clock in the page that records
 * the send, so the worker, on the real clock, sees an 8-day-old invitation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/core/status';
import { chromiumPath, type ExtensionBrowser, launchExtension } from './support/chromium';
import { invitationAfter, putCountsRaw, putRaw, sendAction } from './support/seed';

type Page = import('playwright-core').Page;
type Chrome = {
  action: { getBadgeText(details: object): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

const POPUP = 'src/popup/index.html';
const TENANT = '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

/** What the toolbar shows, read from an extension page. */
const badgeOf = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}));

const tellWorker = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'data.changed' }),
  );

async function saveProfile(browser: ExtensionBrowser): Promise<void> {
  const popup = await browser.openPage(POPUP);
  await popup.fill('#partnerName', 'Fabrikam Cloud');
  await popup.fill('#senderName', 'Dana Smith');
  await popup.fill('#tenantId', TENANT);
  await popup.click('button[type="submit"]');
  await popup.locator('#invite-title').waitFor();
  await popup.close();
}

describe.skipIf(!chromiumPath)('toolbar badge (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeEach(async () => {
    browser = await launchExtension('dist');
  });
  afterEach(() => browser.close());

  it('an invitation copied 8 days ago shows "1"; marking it accepted clears the badge', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await saveProfile(browser);

    const past = await browser.context.newPage();
    await past.clock.install({ time: Date.now() - 8 * DAY });
    await past.goto(`chrome-extension://${browser.extensionId}/${POPUP}`);
    await past.locator('#invite-title').waitFor();
    await past.fill('#company', 'Contoso Dental');
    await past.fill('#contact', 'Alex');
    await past.fill('#email', 'alex@contoso-dental.example');
    expect(await badgeOf(past)).toBe('');
    await past.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => past.getByTestId('invite-status').textContent()).toMatch(/^Copied/);
    await expect.poll(() => badgeOf(past)).toBe('1');
    await past.close();

    const popup = await browser.openPage(POPUP);
    await popup.click('#tab-pending');
    const row = popup.getByTestId('pending-row').filter({ hasText: 'Contoso Dental' });
    await row.getByTestId('mark-accepted').click();
    await expect.poll(() => popup.getByTestId('pending-row').count()).toBe(0);
    await expect.poll(() => badgeOf(popup)).toBe('');
  });

  it('counts only what a page reports: a write shows after data.changed, not before', async () => {
    const page = await browser.openPage(POPUP); // the app has created the schema
    await tellWorker(page); // and the worker's start-up count is done: refreshes run one at a time
    expect(await badgeOf(page)).toBe('');
    const sent = Date.now() - 8 * DAY;
    const invitation = invitationAfter([[sendAction('inv-1', 'cust-1'), sent]]);
    await putRaw(page, { invitations: [invitation] });
    await putCountsRaw(page, [invitation]);
    // The worker does not observe IndexedDB: nothing changes until a page says so (or the hourly alarm).
    expect(await badgeOf(page)).toBe('');
    await tellWorker(page);
    expect(await badgeOf(page)).toBe('1');

    const accepted = invitationAfter([
      [sendAction('inv-1', 'cust-1'), sent],
      [{ kind: 'accept', source: 'manual' }, Date.now()],
    ]);
    await putRaw(page, { invitations: [accepted] });
    await putCountsRaw(page, [accepted]);
    await tellWorker(page);
    expect(await badgeOf(page)).toBe('');
  });
});
