import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPath, type ExtensionBrowser, launchExtension } from './support/chromium';

describe.skipIf(!chromiumPath)('templates in the options page (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeEach(async () => {
    browser = await launchExtension();
    const options = await browser.openPage('src/options/index.html');
    await options.fill('#partnerName', 'Fabrikam Cloud');
    await options.fill('#tenantId', '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b');
    await options.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => options.getByTestId('profile-status').textContent()).toBe('Profile saved.');
    await options.close();
  });
  afterEach(() => browser.close());

  it('an edited template shows in the popup preview', async () => {
    const options = await browser.openPage('src/options/index.html');
    await options.getByLabel('English').check();
    await options.fill('#tpl-subject', 'A note from {{partnerName}} for {{customerName}}');
    await options.fill(
      '#tpl-body',
      'Dear {{contactName|customer}},\n\nPlease accept: {{link}}\n\n{{partnerName}}',
    );
    await options.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => options.getByTestId('template-status').textContent()).toBe('Template saved.');

    const popup = await browser.openPage('src/popup/index.html');
    await popup.getByLabel('English').check();
    await popup.fill('#company', 'Contoso');
    await expect
      .poll(() => popup.getByTestId('preview-subject').textContent())
      .toBe('A note from Fabrikam Cloud for Contoso');
    await expect
      .poll(() => popup.getByTestId('preview-body').locator('p').first().textContent())
      .toBe('Dear customer,');
  });

  it('a template without its link shows the problem and cannot be saved', async () => {
    const options = await browser.openPage('src/options/index.html');
    await options.getByLabel('English').check();
    await options.fill('#tpl-body', 'Hello {{contactName}}, {{unknown}}');
    await expect.poll(() => options.locator('[data-code="missing-link"]').count()).toBe(1);
    await expect.poll(() => options.locator('[data-code="unknown-placeholder"]').count()).toBe(1);
    await expect.poll(() => options.getByRole('button', { name: 'Save template' }).isDisabled()).toBe(true);
    await options.getByRole('button', { name: 'Reset to default' }).click();
    await expect.poll(() => options.locator('#tpl-body').inputValue()).toContain('{{link}}');
  });
});
