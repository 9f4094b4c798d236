import type { Language } from './types';

export const LANGUAGES: readonly Language[] = ['en', 'fr'];

/** The invitation language that matches a browser UI language (`fr-CA` → `fr`), English otherwise. */
export function languageFor(uiLanguage: string): Language {
  return /^fr(?:[-_]|$)/i.test(uiLanguage) ? 'fr' : 'en';
}

/** `browser.i18n.getMessage` as platform.ts wraps it: the key itself when the message is missing. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** The message every locale file carries with its own language code. */
export const STRINGS_LANGUAGE = 'stringsLanguage';

/** The default locale (manifest `default_locale`): what the browser shows when it has no strings in its language. */
const DEFAULT_LANGUAGE = 'en';

/** The language of the strings `t` returns; the default locale when the message is missing (`t` gives the key back). */
export function stringsLanguage(t: Translate): string {
  const language = t(STRINGS_LANGUAGE);
  return language && language !== STRINGS_LANGUAGE ? language : DEFAULT_LANGUAGE;
}
