import type { Language } from './types';

export const LANGUAGES: readonly Language[] = ['en', 'fr'];

/** The invitation language that matches a browser UI language (`fr-CA` → `fr`), English otherwise. */
export function languageFor(uiLanguage: string): Language {
  return /^fr(?:[-_]|$)/i.test(uiLanguage) ? 'fr' : 'en';
}
