/**
 * The one layer over browser APIs (DESIGN.md, style 3): the only importer of webextension-polyfill, so every other
 * module reads as plain TypeScript and Chrome/Firefox differences live here.
 */
import browser, { type Runtime } from 'webextension-polyfill';

export type { Runtime };

/** Localised UI string from _locales; the browser picks the language. Falls back to the key so a gap is visible. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Whether a localised string exists (used to localise core findings by their code, else their English text). */
export function hasMessage(key: string): boolean {
  return browser.i18n.getMessage(key) !== '';
}

/** The browser's UI language, e.g. `fr` or `en-US`. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

export const runtime = {
  id: (): string => browser.runtime.id,
  url: (path: string): string => browser.runtime.getURL(path),
  sendMessage: (message: unknown): Promise<unknown> => browser.runtime.sendMessage(message),
  onMessage: browser.runtime.onMessage,
  onInstalled: browser.runtime.onInstalled,
  openOptionsPage: (): Promise<void> => browser.runtime.openOptionsPage(),
};

export const tabs = {
  create: (url: string): Promise<unknown> => browser.tabs.create({ url }),
};

export const badge = {
  setText: (text: string): Promise<void> => browser.action.setBadgeText({ text }),
  setColor: (color: string): Promise<void> => browser.action.setBadgeBackgroundColor({ color }),
};

/** Writes rich HTML and plain text in one clipboard item. Must run inside the click handler (user activation). */
export async function copyRich(html: string, text: string): Promise<void> {
  const item = new ClipboardItem({
    'text/html': new Blob([html], { type: 'text/html' }),
    'text/plain': new Blob([text], { type: 'text/plain' }),
  });
  await navigator.clipboard.write([item]);
}
