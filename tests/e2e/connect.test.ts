/**
 * The Partner Center connection end to end in real Chromium: the e2e build (vite.config.ts, E2E_CONNECT_FAKE) signs
 * in and reads from the loopback fake of Microsoft (tests/connect/fake-microsoft.ts), its sign-in launcher asking
 * the fake's authorize endpoint in place of the browser's window. Connect → a pending invitation becomes accepted
 * once the fake lists the customer → Disconnect clears the tokens and no request follows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCustomer } from '../../src/db/customers';
import { E2E_CONNECT_FAKE } from '../../vite.config';
import { FakeMicrosoft } from '../connect/fake-microsoft';
import { chromiumPath, type ExtensionBrowser, launchExtension } from './support/chromium';
import { invitationAfter, putRaw, sendAction } from './support/seed';

type Page = import('playwright-core').Page;
type Chrome = {
  storage: {
    session: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> };
  };
};

const TENANT = '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const CLIENT = '11111111-2222-4333-8444-555555555555';
const CONTOSO = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html#connect';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

/** One record of the extension's database, read with the raw IndexedDB API from an extension page. */
const readRecord = (page: Page, store: string, id: string) =>
  page.evaluate(
    ([name, key]) =>
      new Promise<unknown>((done, fail) => {
        const open = indexedDB.open('reseller-invite');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(name, 'readonly').objectStore(name).get(key);
          get.onsuccess = () => {
            open.result.close();
            done(get.result);
          };
        };
      }),
    [store, id] as const,
  );

const sessionTokens = (page: Page) =>
  page.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: Chrome }).chrome;
    return (await storage.session.get('connect.tokens'))['connect.tokens'];
  });

describe('the e2e build never ships', () => {
  it('only dist-e2e knows the fake', () => {
    const knows = (dir: string) =>
      files(dir).some((f) => readFileSync(f, 'latin1').includes(E2E_CONNECT_FAKE));
    expect(knows('dist-e2e')).toBe(true);
    expect(knows('dist')).toBe(false);
    expect(knows('dist-firefox')).toBe(false);
  });
});

describe.skipIf(!chromiumPath)('Partner Center connection (Chromium)', () => {
  const fake = new FakeMicrosoft(TENANT, CLIENT);
  let browser: ExtensionBrowser;
  const at = Date.now() - 3 * 86_400_000;
  const customer = newCustomer({ companyName: 'Contoso Dental', domain: 'contoso.onmicrosoft.com' }, at);
  const invitation = invitationAfter([[sendAction(crypto.randomUUID(), customer.id), at]]);

  beforeAll(async () => {
    await fake.start(Number(new URL(E2E_CONNECT_FAKE).port));
    fake.setCustomers([]);
    browser = await launchExtension('dist-e2e');
    const popup = await browser.openPage(POPUP);
    await popup.fill('#partnerName', 'Fabrikam Cloud');
    await popup.fill('#tenantId', TENANT);
    await popup.click('button[type="submit"]');
    await popup.locator('#invite-title').waitFor();
    await putRaw(popup, { customers: [customer], invitations: [invitation] });
    await popup.close();
  });
  afterAll(async () => {
    await browser?.close();
    await fake.stop();
  });

  it('a partner who never connects sees no line and causes no request', async () => {
    const popup = await browser.openPage(POPUP);
    await popup.locator('#invite-title').waitFor();
    await popup.waitForTimeout(300);
    expect(await popup.getByTestId('pc-line').count()).toBe(0);
    expect(fake.log).toEqual([]);
    await popup.close();
  });

  it('connect → accepted once Partner Center lists the customer → disconnect stops everything', async () => {
    const options = await browser.openPage(OPTIONS);
    const section = options.locator('#connect');
    await expect
      .poll(() => section.getByTestId('redirect-url').textContent())
      .toMatch(/\.chromiumapp\.org\/$/);
    await section.locator('#connect-client').fill(CLIENT);
    await section.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect
      .poll(() => section.getByTestId('connect-state').textContent(), { timeout: 20_000 })
      .toMatch(/^Connected/);
    expect(fake.log.some((l) => l.includes(`/${TENANT}/oauth2/v2.0/authorize`))).toBe(true);
    expect(((await readRecord(options, 'invitations', invitation.id)) as { status: string }).status).toBe(
      'pending',
    );
    expect(await sessionTokens(options)).toMatchObject({ tenant: TENANT, clientId: CLIENT });

    fake.setCustomers([
      { tenantId: CONTOSO, companyName: 'Contoso Dental Ltd', domain: 'contoso.onmicrosoft.com' },
    ]);
    await section.getByRole('button', { name: 'Check now' }).click();
    await expect
      .poll(
        async () => ((await readRecord(options, 'invitations', invitation.id)) as { status: string }).status,
        {
          timeout: 20_000,
        },
      )
      .toBe('accepted');
    const stored = (await readRecord(options, 'customers', customer.id)) as { tenantId: string };
    expect(stored.tenantId).toBe(CONTOSO);

    const popup = await browser.openPage(POPUP);
    await expect
      .poll(() => popup.getByTestId('pc-line').textContent())
      .toMatch(/^Partner Center last checked/);
    await popup.close();

    // A browser restart empties storage.session: the next popup says checks stopped, without waiting for a check.
    await options.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.remove('connect.tokens'),
    );
    const restarted = await browser.openPage(POPUP);
    await expect
      .poll(() => restarted.getByTestId('pc-line').textContent())
      .toMatch(/^Partner Center checks stopped/);
    expect(await restarted.getByRole('button', { name: 'Sign in again' }).count()).toBe(1);
    await restarted.close();

    await section.getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(() => section.getByTestId('connect-state').textContent()).toBe('Not connected.');
    expect(await sessionTokens(options)).toBeUndefined();
    const calls = fake.apiCalls().length;
    const after = await browser.openPage(POPUP);
    await after.waitForTimeout(500);
    expect(await after.getByTestId('pc-line').count()).toBe(0);
    expect(fake.apiCalls().length).toBe(calls);
  });
});
