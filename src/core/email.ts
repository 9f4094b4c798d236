import type { Problem } from './problem';

// Deliberately loose: one @, a dot in the domain, no spaces or list separators. Webmail and the mail app validate
// for real; this only catches typos and a pasted list, which would break the mailto: URL.
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/;

/** Problems with an optional recipient address. Empty is fine: the partner can type it in the mail window. */
export function checkEmail(value: string): Problem[] {
  const email = value.trim();
  if (!email || EMAIL.test(email)) return [];
  const message = 'Enter one email address, like name@contoso.com, or leave it empty.';
  return [{ field: 'email', code: 'invalid-email', message }];
}
