// @vitest-environment happy-dom
/**
 * Each adapter's find/read logic against the saved fixture pages: compose roots, order, ids, subject, recipients,
 * reply detection, minimised composes, localised labels, plain-text mode, and site detection by host and markers.
 */
import { describe, expect, it } from 'vitest';
import { find } from '../../src/content/composes';
import { gmail } from '../../src/content/gmail';
import { siteOf } from '../../src/content/index';
import { isPlainText } from '../../src/content/insert';
import { outlook } from '../../src/content/outlook';
import { yahoo } from '../../src/content/yahoo';
import { loadFixture, loadHtml, URLS } from './load';

const detected = (doc: Document, confirmed: string[] = []) => siteOf(doc, confirmed).adapter?.site ?? null;

/** Sites whose body is in the page itself (Proton's is in an iframe happy-dom cannot fill). */
const INLINE = [gmail, outlook, yahoo];

describe('site detection', () => {
  it('knows each fixture by its real host, and only that one', () => {
    for (const site of ['gmail', 'outlook', 'yahoo', 'proton'] as const) {
      expect(detected(loadFixture(site, 'new.html'))).toBe(site);
    }
  });

  it('knows every Outlook host; markers elsewhere only make an offer until the partner confirms that host', () => {
    for (const host of [
      'outlook.office365.com',
      'outlook.live.com',
      'outlook.office365.us',
      'outlook.cloud.microsoft',
    ]) {
      expect(detected(loadHtml(`https://${host}/mail/`, '<p></p>'))).toBe('outlook');
    }
    const bare = '<!doctype html><html><head><title>Mail</title></head><body></body></html>';
    expect(siteOf(loadHtml('https://mail.contoso.com/owa/', bare), [])).toEqual({
      adapter: null,
      candidate: null,
    });
    const marked = bare.replace(
      '<title>',
      '<meta name="owa-root" content="/owamail/20261102001.12/"><title>',
    );
    const page = loadHtml('https://mail.contoso.com/owa/', marked);
    expect(siteOf(page, [])).toEqual({ adapter: null, candidate: 'outlook' });
    expect(detected(page, ['other.example.com'])).toBeNull();
    expect(detected(page, ['mail.contoso.com'])).toBe('outlook');
    const cdn = bare.replace(
      '<title>',
      '<link rel="x-owa-resources" href="https://res.cdn.office.net/owamail/"><title>',
    );
    expect(
      detected(loadHtml('https://webmail.fabrikam.example/owa/', cdn), ['webmail.fabrikam.example']),
    ).toBe('outlook');
  });

  it("leaves Gmail's /mail/mu/ mobile app alone", () => {
    expect(detected(loadHtml('https://mail.google.com/mail/mu/mp/1/', '<p></p>'))).toBeNull();
    expect(detected(loadHtml('https://mail.google.com/mail/u/0/', '<p></p>'))).toBe('gmail');
  });
});

describe.each(INLINE.map((a) => [a.site, a] as const))('%s adapter on its fixtures', (site, adapter) => {
  it('finds a new compose: empty subject and To, not a reply, rich body; its id is stable and not in the page', () => {
    const doc = loadFixture(site, 'new.html');
    const [first, ...rest] = find(adapter, doc);
    expect(rest).toEqual([]);
    expect(first).toEqual({
      composeId: expect.any(String),
      site,
      host: new URL(URLS[site]).hostname,
      subject: '',
      to: [],
      focused: false,
    });
    expect(find(adapter, doc)[0]?.composeId).toBe(first?.composeId);
    const root = adapter.composes(doc)[0] as HTMLElement;
    expect([...root.attributes].map((a) => a.value)).not.toContain(first?.composeId);
    const body = adapter.body(root) as HTMLElement;
    expect(adapter.isReply(root, body)).toBe(false);
    expect(isPlainText(body)).toBe(false);
  });

  it('reads a reply: recipient already there, and it counts as a reply', () => {
    const doc = loadFixture(site, 'reply.html');
    const [found] = find(adapter, doc);
    expect(found?.to).toEqual(['alex@contoso.example']);
    const root = adapter.composes(doc)[0] as HTMLElement;
    expect(adapter.isReply(root, adapter.body(root) as HTMLElement)).toBe(true);
  });

  it('with two composes, lists the later one first until one is focused', () => {
    const doc = loadFixture(site, 'two.html');
    const found = find(adapter, doc);
    expect(found.map((c) => [c.subject, c.to])).toEqual([
      ['', []],
      ['Quarterly review', ['megan@northwind.example']],
    ]);
    expect(new Set(found.map((c) => c.composeId)).size).toBe(2);
    const first = adapter.composes(doc)[0] as HTMLElement;
    (adapter.body(first) as HTMLElement).focus();
    expect(find(adapter, doc).map((c) => [c.subject, c.focused])).toEqual([
      ['Quarterly review', true],
      ['', false],
    ]);
  });

  it('leaves out a minimised compose', () => {
    const doc = loadFixture(site, 'minimised.html');
    expect(adapter.composes(doc)).toHaveLength(2);
    expect(find(adapter, doc)).toHaveLength(1);
  });

  it('finds French and German composes by structure, not labels', () => {
    for (const lang of ['fr', 'de']) {
      const doc = loadFixture(site, `${lang}.html`);
      expect(find(adapter, doc)).toHaveLength(1);
      const root = adapter.composes(doc)[0] as HTMLElement;
      expect(adapter.subject(root)?.value).toBe('');
    }
  });

  // Gmail's plain-text mode keeps the same contenteditable with no marker (adam-p/markdown-here#50,
  // leggett/simplify#264), and no public source shows what Outlook's changes: there the mode cannot be told apart,
  // and the rich draft goes in (docs/webmail.md, "Gmail" and "Outlook on the web").
  const markerless = site === 'gmail' || site === 'outlook';
  it(`${markerless ? 'cannot tell' : 'recognises'} plain-text mode from the DOM`, () => {
    const doc = loadFixture(site, 'plain.html');
    const root = adapter.composes(doc)[0] as HTMLElement;
    expect(isPlainText(adapter.body(root) as HTMLElement)).toBe(!markerless);
  });
});
