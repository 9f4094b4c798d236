import { describe, expect, it } from 'vitest';
import { buildMailto, MAILTO_MAX } from '../../src/core/mailto';

function url(draft: Parameters<typeof buildMailto>[0]): string {
  const r = buildMailto(draft);
  if (!r.ok) throw new Error(`unexpectedly too long: ${r.length}`);
  return r.url;
}

/** Reads a built URL back the way a mail app does. */
function parse(u: string): { to: string; subject: string; body: string } {
  const m = /^mailto:([^?]*)\?subject=([^&]*)&body=([^&]*)$/.exec(u);
  if (!m) throw new Error(`not a mailto URL with exactly subject and body: ${u}`);
  return {
    to: decodeURIComponent(m[1] ?? ''),
    subject: decodeURIComponent(m[2] ?? ''),
    body: decodeURIComponent(m[3] ?? ''),
  };
}

describe('buildMailto', () => {
  it('exports the 1800-character limit', () => {
    expect(MAILTO_MAX).toBe(1800);
  });

  it('builds to, subject and body in that order', () => {
    expect(url({ to: 'jane@contoso.com', subject: 'Hi there', text: 'Body' })).toBe(
      'mailto:jane%40contoso.com?subject=Hi%20there&body=Body',
    );
  });

  it('leaves the address empty when there is no recipient', () => {
    expect(url({ subject: 's', text: 't' })).toBe('mailto:?subject=s&body=t');
    expect(url({ to: '  ', subject: 's', text: 't' })).toBe('mailto:?subject=s&body=t');
  });

  it('encodes &, #, ? and = so they cannot end a field or start another', () => {
    const u = url({ subject: 'a&b=c', text: 'x?y#z&body=evil' });
    expect(u).toBe('mailto:?subject=a%26b%3Dc&body=x%3Fy%23z%26body%3Devil');
    expect(parse(u)).toEqual({ to: '', subject: 'a&b=c', body: 'x?y#z&body=evil' });
  });

  it('encodes a hostile recipient instead of letting it add headers', () => {
    const to = 'a@b.com?cc=c@d.com&bcc=e@f.com\r\nSubject: x#frag';
    const u = url({ to, subject: 's', text: 't' });
    expect(
      u.startsWith('mailto:a%40b.com%3Fcc%3Dc%40d.com%26bcc%3De%40f.com%0D%0ASubject%3A%20x%23frag?'),
    ).toBe(true);
    expect(u.match(/\?/g)).toHaveLength(1);
    expect(u.match(/&/g)).toHaveLength(1);
    expect(u).not.toContain('#');
    expect(parse(u).to).toBe(to);
  });

  it('writes every line break in the body as %0D%0A', () => {
    const u = url({ subject: 's', text: 'one\ntwo\r\nthree\rfour\n\nfive' });
    expect(u).toBe('mailto:?subject=s&body=one%0D%0Atwo%0D%0Athree%0D%0Afour%0D%0A%0D%0Afive');
    expect(u).not.toMatch(/%0A(?<!%0D%0A)/);
  });

  it('keeps the subject on one line', () => {
    const u = url({ subject: 'a\r\n b\nc', text: 't' });
    expect(parse(u).subject).toBe('a b c');
  });

  it('percent-encodes non-ASCII as UTF-8', () => {
    const u = url({ to: 'zoé@exemple.fr', subject: 'Société', text: 'Bonjour\u00a0: é' });
    expect(u).toContain('subject=Soci%C3%A9t%C3%A9');
    expect(u).toContain('body=Bonjour%C2%A0%3A%20%C3%A9');
    expect(u).toContain('mailto:zo%C3%A9%40exemple.fr?');
    expect(u).toMatch(/^[\x21-\x7e]+$/);
  });

  it('keeps a link in the body intact through decoding', () => {
    const link = 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=x#/y';
    const u = url({ subject: 's', text: `Open:\n${link}\n` });
    expect(parse(u).body).toBe(`Open:\r\n${link}\r\n`);
  });

  it('replaces a lone surrogate instead of throwing', () => {
    const u = url({ subject: 'a\ud83d', text: 'b\ude00c' });
    expect(parse(u)).toEqual({ to: '', subject: 'a\ufffd', body: 'b\ufffdc' });
  });

  it('keeps a whole emoji', () => {
    expect(parse(url({ subject: 's', text: 'ok \u{1f600}' })).body).toBe('ok \u{1f600}');
  });

  describe('length limit', () => {
    const base = 'mailto:?subject=s&body='.length;

    it('accepts a URL of exactly MAILTO_MAX characters', () => {
      const r = buildMailto({ subject: 's', text: 'x'.repeat(MAILTO_MAX - base) });
      expect(r).toEqual({ ok: true, url: `mailto:?subject=s&body=${'x'.repeat(MAILTO_MAX - base)}` });
      if (r.ok) expect(r.url).toHaveLength(MAILTO_MAX);
    });

    it('refuses a URL one character longer, reporting its length', () => {
      expect(buildMailto({ subject: 's', text: 'x'.repeat(MAILTO_MAX - base + 1) })).toEqual({
        ok: false,
        reason: 'too-long',
        length: MAILTO_MAX + 1,
      });
    });

    it('measures the encoded length, not the raw text', () => {
      // 600 characters of text, but each é is six characters encoded.
      const r = buildMailto({ subject: 's', text: 'é'.repeat(600) });
      expect(r).toEqual({ ok: false, reason: 'too-long', length: base + 600 * 6 });
    });

    it('counts the recipient and subject too', () => {
      const text = 'x'.repeat(MAILTO_MAX - base - 10);
      expect(buildMailto({ subject: 's', text }).ok).toBe(true);
      expect(buildMailto({ to: 'someone@example.com', subject: 's', text }).ok).toBe(false);
      expect(buildMailto({ subject: 's'.repeat(20), text }).ok).toBe(false);
    });

    it('counts each line break as six characters', () => {
      const r = buildMailto({ subject: 's', text: '\n'.repeat(300) });
      expect(r).toEqual({ ok: false, reason: 'too-long', length: base + 1800 });
    });
  });
});
