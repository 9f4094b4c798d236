/**
 * Loads a webmail fixture into its own happy-dom window at the site's real URL, with every script stripped and all
 * loading off: the unit tests read the saved structure only (no network, no fixture-side behaviour). happy-dom gives
 * a srcless iframe no document, so Proton's iframe body is covered end to end only (tests/e2e/webmail-proton.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const URLS = {
  gmail: 'https://mail.google.com/mail/u/0/',
  outlook: 'https://outlook.office.com/mail/',
  yahoo: 'https://mail.yahoo.com/d/folders/1',
  proton: 'https://mail.proton.me/u/0/inbox',
} as const;

export function loadHtml(url: string, html: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  window.document.write(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ''));
  return window.document as unknown as Document;
}

export function loadFixture(site: keyof typeof URLS, file: string): Document {
  const html = readFileSync(join('tests/fixtures/webmail', site, file), 'utf8');
  return loadHtml(URLS[site], html);
}
