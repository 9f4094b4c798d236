/**
 * Sync in real Chromium (docs/testing.md, "Sync in a real browser"): storage.sync works there without an account, so
 * (a) edits made in the popup reach storage.sync within the flush budget (debounce 3 s, at most 15 s), and
 * (b) data written into storage.sync as if by another device merges into Dexie and shows in the popup.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../src/core/sync-merge';
import { decodeShard, parseKey } from '../../src/sync/codec';
import { SyncEngine } from '../../src/sync/engine';
import { MemoryLocalStore } from '../sync/memory-store';
import { chromiumPath, type ExtensionBrowser, launchExtension } from './support/chromium';

const POPUP = 'src/popup/index.html';
const TENANT = '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${POPUP}`);
  await page.locator('[data-ready="true"]').waitFor();
  return page;
}

async function setProfile(page: Page): Promise<void> {
  await page.fill('#partnerName', 'Fabrikam Cloud');
  await page.fill('#tenantId', TENANT);
  await page.click('button[type="submit"]');
  await page.locator('#invite-title').waitFor();
}

/** The extension page's `chrome.storage.sync` (the page runs in Chromium, not in this Node process). */
interface SyncStorage {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
const storageSync = () =>
  (globalThis as unknown as { chrome: { storage: { sync: SyncStorage } } }).chrome.storage.sync;

const syncData = (page: Page) =>
  page.evaluate(`(${storageSync})().get(null)`) as Promise<Record<string, unknown>>;

/** Every record the shards of `data` hold; a shard that does not decode fails the test. */
function recordsIn(data: Record<string, unknown>): SyncRecord[] {
  return Object.entries(data).flatMap(([key, value]) => {
    if (parseKey(key)?.kind !== 'shard') return [];
    const decoded = decodeShard(value);
    if (!decoded.ok) throw new Error(`shard ${key} does not decode: ${decoded.problem}`);
    return decoded.value;
  });
}

/** What another device's engine puts in storage.sync for one customer with a pending invitation. */
async function remoteDeviceData(): Promise<Record<string, unknown>> {
  const t = Date.now() - 60_000;
  const store = new MemoryLocalStore('Rem0te');
  store.edit(
    'customers',
    'remote-c1',
    {
      companyName: 'Remote Contoso',
      contactName: 'Robin Remote',
      email: 'robin@remote-contoso.example',
      domain: 'remote-contoso.example',
      tenantId: '',
      language: 'en',
      notes: '',
      servedByAnotherPartner: false,
      createdAt: t,
      updatedAt: t,
    },
    t,
  );
  store.edit(
    'invitations',
    'remote-i1',
    {
      customerId: 'remote-c1',
      type: 'reseller',
      linkType: 'reseller',
      language: 'en',
      status: 'pending',
      sentAt: [t],
      adminAccessRemoved: false,
      channel: 'copy',
      epoch: 0,
      changedAt: t,
      lastAction: 'send',
      updatedAt: t,
    },
    t,
  );
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

describe.skipIf(!chromiumPath)('sync through storage.sync (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeEach(async () => {
    browser = await launchExtension('dist');
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterEach(() => browser.close());

  it('a profile and a recorded invitation reach storage.sync within the flush budget', async () => {
    const popup = await openPopup(browser);
    await setProfile(popup);
    await popup.fill('#company', 'Contoso Ltd');
    await popup.fill('#contact', 'Alex Martin');
    await popup.fill('#email', 'alex@contoso.example');
    await popup.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => popup.getByTestId('record-notice').textContent()).toMatch(/^Recorded as pending/);
    // Read back as another device would: every shard decoded with the wire format's own reader.
    const synced = async () => recordsIn(await syncData(popup));
    await expect
      .poll(async () => (await synced()).filter((r) => r.table === 'invitations').length, {
        timeout: 25_000,
        interval: 500,
      })
      .toBe(1);
    const records = await synced();
    const profile = records.find((r) => r.table === 'settings' && r.id === 'profile');
    expect(profile?.fields).toMatchObject({ partnerName: 'Fabrikam Cloud', tenantId: TENANT });
    const customer = records.find((r) => r.table === 'customers');
    expect(customer?.fields).toMatchObject({
      companyName: 'Contoso Ltd',
      contactName: 'Alex Martin',
      email: 'alex@contoso.example',
    });
    const invitation = records.find((r) => r.table === 'invitations');
    expect(invitation?.fields).toMatchObject({
      customerId: customer?.id,
      status: 'pending',
      channel: 'copy',
    });

    const data = await syncData(popup);
    const keys = Object.keys(data);
    expect(keys.every((k) => parseKey(k) !== undefined)).toBe(true);
    expect(keys.some((k) => parseKey(k)?.kind === 'device')).toBe(true);
    const bytes = Object.entries(data).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
    expect(bytes).toBeLessThan(102_400);
  }, 60_000);

  it('data another device put in storage.sync shows in the popup’s pending list', async () => {
    const popup = await openPopup(browser);
    await setProfile(popup);
    const data = await remoteDeviceData();
    expect(Object.keys(data).length).toBeGreaterThan(0);
    await popup.evaluate(`(${storageSync})().set(${JSON.stringify(data)})`);
    await expect
      .poll(
        async () => {
          await popup.reload();
          await popup.locator('[data-ready="true"]').waitFor();
          await popup.getByRole('tab', { name: /Pending/ }).click();
          // The tab renders after the click: wait a little for a row before reading them.
          await popup
            .getByTestId('pending-row')
            .first()
            .waitFor({ timeout: 2_000 })
            .catch(() => undefined);
          return popup.getByTestId('pending-row').allTextContents();
        },
        { timeout: 25_000, interval: 1_000 },
      )
      .toContainEqual(expect.stringContaining('Remote Contoso'));
  }, 60_000);

  it('Options > Sync shows usage and customers synced, and turning sync off stops writing', async () => {
    const popup = await openPopup(browser);
    await setProfile(popup);
    await popup.fill('#company', 'Contoso Ltd');
    await popup.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => popup.getByTestId('record-notice').textContent()).toMatch(/^Recorded as pending/);
    const options = await browser.openPage('src/options/index.html#sync');
    const customers = options.getByTestId('sync-customers');
    await expect.poll(() => customers.textContent(), { timeout: 25_000, interval: 500 }).toBe('1 of 1');
    await expect.poll(() => options.getByTestId('sync-status').getAttribute('data-state')).toBe('ok');

    await options.getByLabel(/^Sync my customers/).uncheck();
    await expect.poll(() => options.locator('#sync').textContent()).toContain('Sync is off on this browser');
    const before = JSON.stringify(await syncData(options));
    await popup.fill('#company', 'Northwind Traders');
    await popup.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => popup.getByTestId('record-notice').textContent()).toMatch(/^Recorded as pending/);
    // Longer than the flush budget (debounce 3 s, at most 15 s): nothing may have been written.
    await new Promise((r) => setTimeout(r, 16_000));
    expect(JSON.stringify(await syncData(options))).toBe(before);
  }, 90_000);
});
