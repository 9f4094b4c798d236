/**
 * The product as a partner meets it, offline: Chromium with the extension, the webmail fixture pages served at their
 * real addresses (the e2e tests' request routing), and either a sample portfolio imported through Options > Backup &
 * data or nothing at all (a first install). `walk` then goes through the partner's path and photographs each step;
 * `npm start` and `npm run screenshots` both use it, so the README's pictures show what the demo does.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Site } from '../../../src/messages';
import { type ExtensionBrowser, launchExtension } from './chromium';
import { samplePortfolio } from './sample-portfolio';
import { PARTNER_TENANT } from './tracking-data';
import { HOSTS, serve } from './webmail';

export type Lang = 'en' | 'fr';

export interface Demo {
  browser: ExtensionBrowser;
  lang: Lang;
  /** The webmail tabs, one per site, each with a new message open. */
  mail: Record<Site, Page>;
  /** The options page (the tab the extension opens on install). */
  options: Page;
}

/** A UI string exactly as the extension shows it in `lang` (selectors by visible text stay true in French). */
export function msg(lang: Lang, key: string): string {
  const all = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;
  const found = all[key]?.message;
  if (found === undefined) throw new Error(`no message ${key} in ${lang}`);
  return found;
}

export async function startDemo(opts: {
  dist: string;
  headless: boolean;
  empty: boolean;
  lang: Lang;
}): Promise<Demo> {
  const browser = await launchExtension(opts.dist, { headless: opts.headless, lang: opts.lang });
  const { context } = browser;
  // Headless Chromium picks the extension's _locales by --lang but still answers i18n.getUILanguage() with en-US,
  // which would date and number the French pictures the English way; a French browser answers `fr`.
  if (opts.lang !== 'en')
    await context.addInitScript((lang) => {
      const i18n = (globalThis as unknown as { chrome?: { i18n?: { getUILanguage(): string } } }).chrome
        ?.i18n;
      if (i18n) i18n.getUILanguage = () => lang;
    }, opts.lang);
  for (const [site, host] of Object.entries(HOSTS)) await serve(context, site as Site, host);
  const options = await optionsTab(browser);
  if (!opts.empty) await importSample(options, opts.lang);
  const mail = {} as Record<Site, Page>;
  for (const [site, host] of Object.entries(HOSTS) as [Site, string][]) {
    const page = await context.newPage();
    await page.goto(`https://${host}/mail/new.html`);
    mail[site] = page;
  }
  await mail.gmail.bringToFront();
  return { browser, lang: opts.lang, mail, options };
}

/** The options tab the worker opens on first install, else a new one. */
async function optionsTab(browser: ExtensionBrowser): Promise<Page> {
  const isOptions = (p: Page) => p.url().includes('/src/options/');
  const opened =
    browser.context.pages().find(isOptions) ??
    (await browser.context
      .waitForEvent('page', { predicate: isOptions, timeout: 5000 })
      .catch(() => undefined));
  if (!opened) return browser.openPage('src/options/index.html');
  await opened.locator('[data-ready="true"]').waitFor();
  return opened;
}

/** Imports the sample as a partner would restore a backup: the extension's own import writes every record. */
export async function importSample(options: Page, lang: Lang): Promise<void> {
  const backup = samplePortfolio();
  await options.setInputFiles('#backup-file', {
    name: 'reseller-invite-sample.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await options.getByTestId('backup-summary').waitFor();
  await options.getByRole('button', { name: msg(lang, 'importMergeButton') }).click();
  const status = options.getByTestId('import-status');
  await status.filter({ hasText: msg(lang, 'importMerged') }).waitFor({ timeout: 30_000 });
}

/** A step's picture: its file name (without extension) and what it shows, for the closing summary. */
export interface Shot {
  name: string;
  shows: string;
}

/**
 * The partner's path, photographed into `dir`: (first run: the profile form, filled in), the invitation form with
 * the Gmail compose found, the Gmail compose after insertion, the Pending tab, Options > Customers with its charts,
 * and Options > Sync. The popup is opened as a tab 400 px wide, its real width (src/ui/theme.css, body.popup).
 */
export async function walk(demo: Demo, dir: string): Promise<Shot[]> {
  mkdirSync(dir, { recursive: true });
  const { browser, lang, mail, options } = demo;
  const shots: Shot[] = [];
  const snap = async (page: Page, name: string, shows: string, fullPage = false) => {
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage, animations: 'disabled' });
    shots.push({ name, shows });
  };

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
  await popup.locator('[data-ready="true"]').waitFor();

  if (await popup.locator('#setup-title').isVisible()) {
    await snap(popup, 'popup-setup', 'first run: the partner profile form', true);
    await popup.fill('#partnerName', 'Fabrikam Cloud');
    await popup.fill('#senderName', 'Dana Smith');
    await popup.fill('#tenantId', PARTNER_TENANT);
    await popup.click('button[type="submit"]');
    await popup.locator('#invite-title').waitFor();
  }

  await popup.fill('#company', 'Contoso Pharmaceuticals');
  await popup.fill('#contact', 'Alex Martin');
  await popup.fill('#email', 'alex@contoso-pharma.example');
  if (lang === 'fr') await popup.getByRole('radio', { name: msg(lang, 'language_fr') }).check();
  // Every webmail tab is reachable here (the e2e build grants their hosts): pick the Gmail compose.
  await popup.getByTestId('insert').waitFor();
  const choice = popup.getByLabel(msg(lang, 'composeWindowLabel'));
  if (await choice.isVisible()) {
    const gmail = await choice.locator('option', { hasText: 'Gmail' }).first().getAttribute('value');
    if (gmail !== null) await choice.selectOption(gmail);
  }
  // The tab's counts arrive after the popup's first paint, with its database.
  await popup.locator('#tab-pending').filter({ hasText: /\d/ }).waitFor();
  await popup.evaluate(() => window.scrollTo(0, 0));
  await snap(popup, 'popup-invite', 'Invite: the form, the live preview and the compose windows found', true);

  await popup.getByTestId('insert').click();
  await popup.getByTestId('record-notice').filter({ hasText: /\S/ }).waitFor();
  await mail.gmail.bringToFront();
  await mail.gmail.addStyleTag({ content: GMAIL_LOOK });
  await mail.gmail
    .locator('.M9')
    .screenshot({ path: join(dir, 'compose-gmail.png'), animations: 'disabled' });
  shots.push({
    name: 'compose-gmail',
    shows: 'Gmail: the invitation inserted above the signature, To and Subject filled',
  });

  await popup.bringToFront();
  await popup.getByRole('tab', { name: new RegExp(msg(lang, 'tabPending')) }).click();
  await popup.getByTestId('pending-row').first().waitFor();
  await snap(popup, 'popup-pending', 'Pending: counts at a glance and the longest-waiting invitations');

  await options.bringToFront();
  await options.setViewportSize({ width: 1280, height: 900 });
  await options.reload();
  await options.locator('[data-ready="true"]').waitFor();
  await options.locator('tbody tr[data-index]').first().waitFor();
  await options.locator('#customers').screenshot({ path: join(dir, 'options-customers.png') });
  shots.push({ name: 'options-customers', shows: 'Options > Customers: the table and both charts' });
  await options.locator('#sync').scrollIntoViewIfNeeded();
  await options.locator('#sync').screenshot({ path: join(dir, 'options-sync.png') });
  shots.push({
    name: 'options-sync',
    shows: 'Options > Sync: what syncs and how full the browser’s sync is',
  });
  await popup.close();
  return shots;
}

/**
 * Gmail's look, roughly, for the picture only: the fixture is Gmail's structure (its class names, roles and hooks)
 * with no styling, which reads as a bare form. Presentation only, added after the insertion: nothing the extension
 * reads or writes depends on it.
 */
const GMAIL_LOOK = `
  body { margin: 0; padding: 24px; background: #f6f8fc; font: 14px/1.45 Arial, Helvetica, sans-serif; color: #202124 }
  .M9 { width: 560px !important; background: #fff; border-radius: 8px 8px 0 0; overflow: hidden;
        box-shadow: 0 8px 10px 1px rgb(0 0 0 / .14), 0 3px 14px 2px rgb(0 0 0 / .12) }
  .aDh { background: #f2f6fc; padding: 10px 16px; font-weight: 600; color: #041e49 }
  .aoP, .aoP > tbody, .aoP tr, .aoP td, .cf, .cf tbody, .cf tr, .cf td { display: block; width: 100% }
  .fX, .aoD { border-bottom: 1px solid #f1f3f4; margin: 0 16px; padding: 6px 0 }
  .fX::before { content: 'To'; color: #5f6368; margin-right: 8px; float: left; line-height: 26px }
  .agb { display: flex; gap: 6px; align-items: center; flex-wrap: wrap }
  .afV { background: #e8eaed; border-radius: 12px; padding: 2px 10px; font-size: 13px }
  .agP, .aoT { border: none; outline: none; font: inherit; flex: 1; width: 100%; padding: 4px 0 }
  .Am.editable { border: none; outline: none; padding: 12px 16px 24px; box-sizing: border-box; width: 100% }
  .Am.editable a { color: #1a73e8 }
  .Am.editable p { margin: 0 0 12px }
`;
