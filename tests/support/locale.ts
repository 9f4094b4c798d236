/** The shipped locale files read as the browser reads them, so tests check the words a partner sees. */
import { readFileSync } from 'node:fs';
import type { Translate } from '../../src/core/language';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export function messages(locale: Locale): Messages {
  return JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
}

/**
 * `browser.i18n.getMessage` over a real locale file: named placeholders, then $1…$9 from the substitutions; a
 * missing message is '' (platform.ts then shows the key).
 */
export function getMessage(locale: Locale): (key: string, substitutions?: string | string[]) => string {
  const all = messages(locale);
  return (key, subs) => {
    const entry = all[key];
    if (!entry) return '';
    const args = subs === undefined ? [] : [subs].flat();
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_m, n: string) => args[Number(n) - 1] ?? '');
    });
  };
}

/** platform.ts's `t` over a real locale file. */
export function translator(locale: Locale): Translate {
  const get = getMessage(locale);
  return (key, subs) => get(key, subs) || key;
}

/**
 * The locale file a browser shows for its UI language: its own, else its base language's, else the manifest's
 * `default_locale` (https://developer.chrome.com/docs/extensions/reference/api/i18n#locales).
 */
export function localeFor(uiLanguage: string): Locale {
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}
