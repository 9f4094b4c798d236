/**
 * Counted phrases: each language words one and many in its own message (`<key>One`, `<key>Many`), the number going
 * in as `$COUNT$`, formatted for the UI language. Pure: `t` and the number format are passed in.
 */
import type { Translate } from './event-text';

export function counted(
  t: Translate,
  key: string,
  n: number,
  format: (n: number) => string = String,
): string {
  return n === 1 ? t(`${key}One`) : t(`${key}Many`, format(n));
}
