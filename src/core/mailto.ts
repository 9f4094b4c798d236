/**
 * Builds a `mailto:` URL for "Open in mail app". RFC 6068: the body is plain text, CRLF line breaks, and every
 * field percent-encoded. Long URLs are truncated or refused by mail handlers, so an over-long one is not built.
 */

/** Longest URL built, inclusive. Measured limits: about 2046 (Outlook), 1620 (Gmail handler); 1800 suits desktop apps. */
export const MAILTO_MAX = 1800;

export type MailtoResult = { ok: true; url: string } | { ok: false; reason: 'too-long'; length: number };

/** RFC 6068 requires CRLF; a lone CR or LF from the draft would otherwise reach the client as-is. */
function crlf(s: string): string {
  return s.replace(/\r\n?|\n/g, '\r\n');
}

/** encodeURIComponent throws on a lone surrogate (a pasted half emoji); replace it rather than fail. */
function encode(s: string): string {
  return encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

export function buildMailto(draft: { to?: string; subject: string; text: string }): MailtoResult {
  // The address is checked loosely on purpose: encodeURIComponent turns `?`, `&`, `#` and line breaks into
  // escapes, so a stray character cannot start another header or inject a body; the mail app shows the rest.
  const to = encode((draft.to ?? '').trim());
  const subject = encode(draft.subject.replace(/\s*[\r\n]+\s*/g, ' ').trim());
  const body = encode(crlf(draft.text));
  const url = `mailto:${to}?subject=${subject}&body=${body}`;
  if (url.length > MAILTO_MAX) return { ok: false, reason: 'too-long', length: url.length };
  return { ok: true, url };
}
