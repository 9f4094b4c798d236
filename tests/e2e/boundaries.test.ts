/**
 * A page never goes blank, in real Chromium: a profile or template of the wrong shape written into storage.sync as
 * if by another device (or another version) reaches this browser's database through the worker; the popup stays
 * usable, says what is wrong, and offers the way out.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../src/sync/engine';
import { MemoryLocalStore } from '../sync/memory-store';
import { chromiumPath, type ExtensionBrowser, launchExtension } from './support/chromium';

const TENANT = '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

interface SyncStorage {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
const storageSync = () =>
  (globalThis as unknown as { chrome: { storage: { sync: SyncStorage } } }).chrome.storage.sync;

/** What another device's engine puts in storage.sync for one edited setting, clocked after this device's edits. */
async function remoteSetting(key: string, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  const t = Date.now() + 5_000;
  const store = new MemoryLocalStore('Rem0te');
  store.edit('settings', key, fields, t);
  const data: Record<string, unknown> = {};
  const engine = new SyncEngine({
    store,
    reconcileMs: 0,
    area: {
      get: async () => structuredClone(data),
      set: async (items) => void Object.assign(data, structuredClone(items)),
      remove: async (keys) => {
        for (const k of keys) delete data[k];
      },
      onChanged: () => () => {},
    },
  });
  await engine.reconcile();
  engine.stop();
  return data;
}

async function setProfile(page: Page): Promise<void> {
  await page.fill('#partnerName', 'Fabrikam Cloud');
  await page.fill('#tenantId', TENANT);
  await page.click('button[type="submit"]');
  await page.locator('#invite-title').waitFor();
}

/** Reloads the popup until the settings notice shows (the worker applies storage.sync changes on its own). */
async function noticeAfterSync(popup: Page): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        await popup.reload();
        await popup.locator('[data-ready="true"]').waitFor();
        const notice = popup.getByTestId('settings-notice');
        await notice.waitFor({ timeout: 1_500 }).catch(() => undefined);
        text = (await notice.count()) > 0 ? ((await notice.textContent()) ?? '') : '';
        return text;
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .not.toBe('');
  return text;
}

describe.skipIf(!chromiumPath)('a page never goes blank (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeEach(async () => {
    browser = await launchExtension('dist-e2e');
  });
  afterEach(() => browser.close());

  it('a bad profile arriving through storage.sync leaves a working popup with a clear notice', async () => {
    const popup = await browser.openPage('src/popup/index.html');
    await setProfile(popup);
    const data = await remoteSetting('profile', { partnerName: 42 });
    await popup.evaluate(`(${storageSync})().set(${JSON.stringify(data)})`);

    const notice = await noticeAfterSync(popup);
    expect(notice).toContain('Your stored partner profile cannot be read');
    expect(notice).toContain('partnerName should be text, not a number.');
    expect(await popup.getByTestId('error-boundary').count()).toBe(0);
    // The form starts from every field that still reads: only the broken name is to enter again.
    expect(await popup.locator('#tenantId').inputValue()).toBe(TENANT);
    expect(await popup.locator('#partnerName').inputValue()).toBe('');

    await popup.fill('#partnerName', 'Fabrikam Cloud');
    await popup.click('button[type="submit"]');
    await popup.locator('#invite-title').waitFor();
    await expect.poll(() => popup.getByTestId('settings-notice').count()).toBe(0);
  }, 90_000);

  it('a synced template that no longer renders falls back to the default, with a notice and a reset', async () => {
    const popup = await browser.openPage('src/popup/index.html');
    await setProfile(popup);
    const data = await remoteSetting('templates', { en: { subject: 'Hello', body: 'No link in this one.' } });
    await popup.evaluate(`(${storageSync})().set(${JSON.stringify(data)})`);

    const notice = await noticeAfterSync(popup);
    expect(notice).toContain('the default template is used in its place');
    expect(notice).toContain('EN template: The body must contain {{link}}');
    // The invite view still drafts, from the default template, with the invitation link.
    await popup.fill('#company', 'Contoso Ltd');
    await expect
      .poll(() => popup.locator('body').textContent())
      .toContain('https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship');
    expect(await popup.getByTestId('error-boundary').count()).toBe(0);

    await popup.getByTestId('settings-notice').getByRole('button', { name: 'Reset to default' }).click();
    await expect.poll(() => popup.getByTestId('settings-notice').count()).toBe(0);
  }, 90_000);

  it('Options refuses a backup with a wrong-shaped profile, naming it, and Replace says where its deletions go', async () => {
    const popup = await browser.openPage('src/popup/index.html');
    await setProfile(popup);
    const options = await browser.openPage('src/options/index.html#backup');
    const backup = {
      format: 'reseller-invite-backup',
      version: 1,
      exportedAt: Date.now(),
      customers: [{ id: 'c1', companyName: 'Contoso', junk: 'dropped' }],
      invitations: [],
      events: [],
      settings: [{ key: 'profile', value: { partnerName: 42 } }],
    };
    await options.setInputFiles('#backup-file', jsonFile(backup));
    await expect
      .poll(() => options.getByTestId('import-status').textContent())
      .toMatch(/nothing was imported: settings\[0\] has a missing or invalid partnerName/);

    await options.setInputFiles('#backup-file', jsonFile({ ...backup, settings: [] }));
    await options.getByTestId('backup-summary').waitFor();
    await options.getByRole('radio', { name: /^Replace/ }).check();
    await options.getByRole('button', { name: 'Replace everything…' }).click();
    const dialog = options.getByRole('dialog');
    await expect
      .poll(() => dialog.getByTestId('replace-sync-note').textContent())
      .toBe('The deletions also reach every browser that syncs with this one.');
  }, 90_000);
});

describe.skipIf(!chromiumPath)('every write reaches sync within its budget (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeEach(async () => {
    browser = await launchExtension('dist-e2e');
  });
  afterEach(() => browser.close());

  const syncText = (page: Page) =>
    page.evaluate(`(${storageSync})().get(null).then((d) => JSON.stringify(d))`) as Promise<string>;
  // The flush budget: debounce 3 s, at most 15 s (docs/sync.md); the hourly reconcile is far outside it.
  const withinBudget = { timeout: 20_000, interval: 500 };

  it('a profile edit and a template edit each reach storage.sync with no other write', async () => {
    const popup = await browser.openPage('src/popup/index.html');
    await setProfile(popup);
    await expect.poll(async () => (await syncText(popup)).length, withinBudget).toBeGreaterThan(2);
    const afterProfile = await syncText(popup);

    const options = await browser.openPage('src/options/index.html#templates');
    await options.fill('#tpl-subject', 'Fabrikam invites {{customerName}}');
    await options.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => options.getByTestId('template-status').textContent()).not.toBe('');
    await expect.poll(() => syncText(options), withinBudget).not.toBe(afterProfile);
  }, 90_000);
});

function jsonFile(value: unknown) {
  return { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) };
}
