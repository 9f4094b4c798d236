import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPath, type ExtensionBrowser, launchExtension } from './support/chromium';

const TENANT = '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=' +
  `${TENANT}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;

/** Rows in the extension's settings table, read straight from IndexedDB (not through our code). */
function settingsCount(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('reseller-invite');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').count();
          request.onsuccess = () => done(request.result);
        };
      }),
  );
}

describe.skipIf(!chromiumPath)('partner profile in the popup (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeEach(async () => {
    browser = await launchExtension();
  });
  afterEach(() => browser.close());

  it('installs with no host permission and no static content script', () => {
    const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));
    expect(manifest.permissions.sort()).toEqual([
      'activeTab',
      'alarms',
      'clipboardWrite',
      'contextMenus',
      'scripting',
      'storage',
    ]);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.optional_host_permissions).toContain('https://outlook.cloud.microsoft/*');
    expect(manifest.content_security_policy.extension_pages).toMatch(/^script-src 'self';/);
  });

  it('builds the popup to paint from one script, with its stylesheets in the page (vite.config.ts, popupOwnBuild)', () => {
    for (const dir of ['dist', 'dist-firefox']) {
      expect(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')).action.default_popup).toBe(
        'src/popup/index.html',
      );
      const html = readFileSync(`${dir}/src/popup/index.html`, 'utf8');
      const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+)"/g)].map((m) => m[1]);
      expect(scripts).toEqual([expect.stringMatching(/^assets\/popup-[\w-]+\.js$/)]);
      expect(html).not.toMatch(/<link rel="(stylesheet|modulepreload)"/);
      expect(html).toMatch(/<style>[^<]*\.popup-main\{/);
      // Its lazy parts are `import("./…")`; a static import would be one more file before the first paint.
      const code = readFileSync(`${dir}/${scripts[0]}`, 'utf8');
      expect(code).toMatch(/import\(/);
      expect(code).not.toMatch(/\bfrom\s*["']\.{1,2}\/|\bimport\s*["']/);
    }
  });

  it('starts with the profile form, and an invalid tenant shows its message and saves nothing', async () => {
    const popup = await browser.openPage('src/popup/index.html');
    await expect.poll(() => popup.locator('#setup-title').textContent()).toBe('Set up your partner profile');
    await popup.fill('#partnerName', 'Fabrikam Cloud');
    await popup.fill('#tenantId', '1234567');
    const message = popup.locator('[data-code="numeric-partner-id"]');
    await expect.poll(() => message.textContent()).toMatch(/PartnerID \(MPN ID\)/);
    await expect.poll(() => popup.locator('#tenantId').getAttribute('aria-invalid')).toBe('true');
    await popup.click('button[type="submit"]');
    await expect.poll(() => popup.getByTestId('profile-status').textContent()).toMatch(/Nothing was saved/);
    expect(await settingsCount(popup)).toBe(0);
    await popup.reload();
    await popup.locator('#setup-title').waitFor();
  });

  it('a valid profile leads to the invite view whose preview holds the exact link, and Copy writes both formats', async () => {
    const popup = await browser.openPage('src/popup/index.html');
    await popup.fill('#partnerName', 'Fabrikam Cloud');
    await popup.fill('#senderName', 'Dana Smith');
    await popup.fill('#tenantId', TENANT.toUpperCase());
    await expect.poll(() => popup.getByTestId('profile-link').locator('code').textContent()).toBe(LINK);
    await popup.click('button[type="submit"]');
    await popup.locator('#invite-title').waitFor();
    await expect
      .poll(() => popup.getByTestId('link-type').textContent())
      .toBe('Reseller relationship — direct');

    await popup.fill('#company', '<img src=x onerror=alert(1)>');
    await popup.fill('#contact', 'Alex');
    const body = popup.getByTestId('preview-body');
    await expect.poll(() => body.locator('a').getAttribute('href')).toBe(LINK);
    await expect.poll(() => body.locator('a').textContent()).toBe(LINK);
    await expect.poll(() => body.locator('img').count()).toBe(0);
    await expect.poll(() => body.textContent()).toContain('<img src=x onerror=alert(1)>');

    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => popup.getByTestId('invite-status').textContent()).toMatch(/^Copied/);
    const clip = await popup.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      const read = async (type: string) => (await item.getType(type)).text();
      return { types: [...item.types].sort(), html: await read('text/html'), text: await read('text/plain') };
    });
    expect(clip?.types).toEqual(['text/html', 'text/plain']);
    expect(clip?.html).toContain(`<a href="${LINK.replaceAll('&', '&amp;')}">`);
    expect(clip?.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(clip?.text).toContain(`\n${LINK}\n`);
    expect(clip?.text).toContain('Hello Alex,');
    expect(clip?.text).toContain('Dana Smith');
  });

  it('paints from the pages’ copy of the profile, which follows an edit in Options and corrects itself when stale', async () => {
    // The subject the popup's first frame shows: recorded when the company field first appears.
    await browser.context.addInitScript({
      content: `new MutationObserver((_, observer) => {
        const subject = document.querySelector('[data-testid="preview-subject"]');
        if (!document.getElementById('company') || !subject) return;
        globalThis.__firstSubject = subject.textContent;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });`,
    });
    const firstSubject = async () => {
      const popup = await browser.openPage('src/popup/index.html');
      await popup.waitForFunction(() => '__firstSubject' in globalThis);
      return {
        popup,
        subject: await popup.evaluate(() => (globalThis as { __firstSubject?: string }).__firstSubject),
      };
    };
    const options = await browser.openPage('src/options/index.html');
    await options.fill('#partnerName', 'Fabrikam Cloud');
    await options.fill('#tenantId', TENANT);
    await options.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => options.getByTestId('profile-status').textContent()).toBe('Profile saved.');
    expect((await firstSubject()).subject).toMatch(/^Fabrikam Cloud: /);

    await options.fill('#partnerName', 'Northwind Partners');
    await options.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => options.getByTestId('profile-status').textContent()).toBe('Profile saved.');
    const edited = await firstSubject();
    expect(edited.subject).toMatch(/^Northwind Partners: /);

    // A copy left behind (as when another browser's sync changed the profile while no page ran): the first frame
    // shows it, the live read corrects it, and the copy is renewed.
    // Written from a page of the extension's origin that runs none of its scripts, once no page that keeps the copy
    // is left to renew it.
    await options.close();
    await edited.popup.close();
    const plain = await browser.context.newPage();
    await plain.goto(`chrome-extension://${browser.extensionId}/icons/icon-48.png`);
    await plain.evaluate(() => {
      const key = 'firstSettings';
      const copy = JSON.parse(localStorage.getItem(key) ?? '{}');
      copy.values.profile.partnerName = 'Old Name';
      localStorage.setItem(key, JSON.stringify(copy));
    });
    await plain.close();
    const stale = await firstSubject();
    expect(stale.subject).toMatch(/^Old Name: /);
    await expect
      .poll(() => stale.popup.getByTestId('preview-subject').textContent())
      .toMatch(/^Northwind Partners: /);
    await expect
      .poll(() => stale.popup.evaluate(() => localStorage.getItem('firstSettings')))
      .toContain('"partnerName":"Northwind Partners"');
  });

  it('keeps a pasted Partner Center link byte for byte and labels it', async () => {
    const pasted = LINK.replace(TENANT, TENANT.toUpperCase()).replace(
      'ResellerRelationship',
      'IndirectResellerRelationship',
    );
    const popup = await browser.openPage('src/popup/index.html');
    await popup.fill('#partnerName', 'Fabrikam Cloud');
    await popup.getByLabel('Paste the link from Partner Center').check();
    await popup.fill('#pastedLink', `  ${pasted}`);
    await expect.poll(() => popup.locator('#pastedLink').getAttribute('aria-invalid')).toBe('true');
    const fixed = `${pasted.replace('msppId=0', 'msppId=1234567')}`.replace(
      '#/',
      '&indirectCSPId=7d9e1f2a-3b4c-4d5e-8f60-718293a4b5c6#/',
    );
    await popup.fill('#pastedLink', `  ${fixed}  `);
    await popup.click('button[type="submit"]');
    await popup.locator('#invite-title').waitFor();
    await expect
      .poll(() => popup.getByTestId('link-type').textContent())
      .toBe('Reseller relationship — indirect');
    await expect.poll(() => popup.getByTestId('preview-body').locator('a').getAttribute('href')).toBe(fixed);
  });
});
