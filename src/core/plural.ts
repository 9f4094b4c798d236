/**
 * Counted phrases. Browser i18n has no plural forms, so each counted phrase is two messages, `<key>One` and
 * `<key>Other`, and the language's plural rule picks one. The rule must be that of the strings shown, not the
 * browser's: a Portuguese browser gets our English strings (the default locale), and an English `1 day` under
 * Portuguese or French rules would say "0 day". The strings say their own language in the `stringsLanguage` message
 * (`en` in the English file, `fr` in the French one), so the rule always matches the words. Pure: `t` is passed in.
 */

import { stringsLanguage, type Translate } from './language';

const rules = new Map<string, Intl.PluralRules>();

/** `<base>One` or `<base>Other`, by `language`'s rule (French: 0 and 1 are singular; English: 1 only). */
export function pluralKey(base: string, n: number, language: string): string {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  return `${base}${rule.select(n) === 'one' ? 'One' : 'Other'}`;
}

/** The counted phrase `key` for `n`, in the strings' language; the number goes in as `$1`, formatted by `format`. */
export function counted(
  t: Translate,
  key: string,
  n: number,
  format: (n: number) => string = String,
): string {
  return t(pluralKey(key, n, stringsLanguage(t)), format(n));
}
