// @vitest-environment happy-dom
/**
 * Proton Mail's adapter against its saved fixture pages, read statically: composer roots with and without their
 * data-testid, recipients in the summary and in the open editor (once each, To only, addresses where the DOM has
 * them), the editor frame's markup kept in `template[data-frame]`, and reply detection from the quote or its toggle.
 * The frame's live body, typing into To and the paste are covered end to end (tests/e2e/webmail-proton.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proton, selectors } from '../../src/content/proton';
import { loadFixture, loadHtml, URLS } from './load';

const DIR = 'tests/fixtures/webmail/proton';
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.html'));

const roots = (file: string) => proton.composes(loadFixture('proton', file));
const first = (file: string) => {
  const root = roots(file)[0];
  if (!root) throw new Error(`no composer in ${file}`);
  return root;
};

/** The editor frame's document as Proton writes it (happy-dom gives a srcless iframe no document of its own). */
function frameOf(root: HTMLElement): Document {
  const template = root.querySelector<HTMLTemplateElement>('template[data-frame]');
  if (!template) throw new Error('no frame markup');
  return loadHtml(URLS.proton, template.innerHTML);
}

describe('Proton composers', () => {
  it('are div.composer roots, never the section inside them, one per open composer', () => {
    expect(roots('new.html')).toHaveLength(1);
    expect(roots('two.html')).toHaveLength(2);
    expect(roots('minimised.html')).toHaveLength(2);
    for (const file of FILES) {
      for (const root of roots(file)) expect(root.tagName).toBe('DIV');
    }
    // The content section has "composer-content", not "composer": it is not a root.
    expect(first('new.html').querySelector('section.composer-content')).not.toBeNull();
  }, 60_000);

  it('keep their data-testid "composer-N" as a key, and have none in versions without it', () => {
    expect(roots('two.html').map((r) => proton.composeKey?.(r))).toEqual(['composer-0', 'composer-1']);
    expect(proton.composeKey?.(first('legacy.html'))).toBeNull();
    const odd = first('new.html');
    odd.setAttribute('data-testid', 'composer');
    expect(proton.composeKey?.(odd)).toBeNull();
  });

  it('find the subject by its test id or, failing that, its id prefix', () => {
    expect(proton.subject(first('reply.html'))?.value).toBe('Re: Reseller invitation');
    const root = first('new.html');
    root.querySelector('input[data-testid="composer:subject"]')?.removeAttribute('data-testid');
    expect(proton.subject(root)?.id).toMatch(/^subject-composer/);
  });

  it('give no body for a minimised composer, by its class, even where its frame would still show', () => {
    const [minimised, open] = roots('minimised.html');
    if (!minimised || !open) throw new Error('two composers expected');
    expect(minimised.classList.contains('composer--is-minimized')).toBe(true);
    // happy-dom lays nothing out, so only the class can say so here; the plain textarea is no fallback either.
    expect(proton.body(minimised)).toBeNull();
    const plain = first('plain.html');
    expect(proton.body(plain)?.tagName).toBe('TEXTAREA');
    plain.classList.add('composer--is-minimized');
    expect(proton.body(plain)).toBeNull();
  });

  it('give the plain-text textarea as the body in plain-text mode', () => {
    const body = proton.body(first('plain.html'));
    expect(body?.tagName).toBe('TEXTAREA');
    expect((body as HTMLTextAreaElement).value).toContain('Dana Smith');
  });
});

describe('Proton recipients', () => {
  it('reads the summary: an address where the label is one, the name where Proton shows a name, never CC', () => {
    expect(proton.recipients(first('reply.html'))).toEqual(['alex@contoso.example']);
    expect(proton.recipients(first('summary.html'))).toEqual(['Megan Bowen', 'lee@contoso.example']);
    expect(proton.recipients(first('two.html'))).toEqual(['Megan Bowen']);
  });

  it('reads an empty summary (its placeholder) and an empty editor as no recipient', () => {
    expect(proton.recipients(first('de.html'))).toEqual([]);
    expect(proton.recipients(first('new.html'))).toEqual([]);
    expect(proton.recipients(first('legacy.html'))).toEqual([]);
  });

  it('reads the open editor by address, To row only, once each, plus what is typed but not committed', () => {
    const root = first('recipients.html');
    expect(proton.recipients(root)).toEqual(['megan@northwind.example', 'lee@contoso.example']);
    const input = root.querySelector<HTMLInputElement>('input[data-testid="composer:to"]');
    if (!input) throw new Error('no To input');
    input.value = 'kim@contoso.example';
    expect(proton.recipients(root)).toEqual([
      'megan@northwind.example',
      'lee@contoso.example',
      'kim@contoso.example',
    ]);
    input.value = 'lee@contoso.example';
    expect(proton.recipients(root)).toEqual(['megan@northwind.example', 'lee@contoso.example']);
  });

  it('finds the To input by its id and its items by their container where the test ids are missing', () => {
    const root = first('recipients.html');
    root.querySelector('[data-testid="composer:to-field"]')?.removeAttribute('data-testid');
    root
      .querySelector('input[data-testid="composer:to"]')
      ?.setAttribute('data-testid', 'composer-addresses-input');
    expect(proton.recipients(root)).toEqual(['megan@northwind.example', 'lee@contoso.example']);
  });

  it('falls back to the "Name <email>" label where the remove button carries no address (older versions)', () => {
    const root = first('recipients.html');
    for (const button of root.querySelectorAll('[data-testid^="remove-address-button-"]')) {
      button.removeAttribute('data-testid');
    }
    expect(proton.recipients(root)).toEqual(['megan@northwind.example', 'lee@contoso.example']);
  });
});

describe('Proton editor frame and replies', () => {
  it('keeps the frame markup Proton writes, with #rooster-editor inside and the iframe sandboxed without scripts', () => {
    for (const file of FILES.filter((f) => f !== 'plain.html')) {
      for (const root of roots(file)) {
        const frame = root.querySelector(selectors.frame.css);
        expect(frame?.getAttribute('sandbox')).toBe(
          'allow-same-origin allow-popups allow-popups-to-escape-sandbox',
        );
        expect(frameOf(root).querySelector(selectors.editable.css)).not.toBeNull();
      }
    }
  }, 60_000);

  it('knows a reply by its toggle while the quote is held back, and by the quote once shown', () => {
    const held = frameOf(first('reply.html'));
    const heldBody = held.querySelector<HTMLElement>(selectors.editable.css);
    if (!heldBody) throw new Error('no body');
    expect(heldBody.querySelector(selectors.quote.css)).toBeNull();
    expect(proton.isReply(first('reply.html'), heldBody)).toBe(true);

    const shown = frameOf(first('reply-expanded.html')).querySelector<HTMLElement>(selectors.editable.css);
    if (!shown) throw new Error('no body');
    expect(proton.isReply(first('reply-expanded.html'), shown)).toBe(true);

    const fresh = frameOf(first('new.html')).querySelector<HTMLElement>(selectors.editable.css);
    if (!fresh) throw new Error('no body');
    expect(proton.isReply(first('new.html'), fresh)).toBe(false);
  });

  it("marks RoosterJS 8's undo history after the browser's editing, not after its own paste", () => {
    const div = frameOf(first('new.html')).querySelector<HTMLElement>(selectors.editable.css);
    const area = proton.body(first('plain.html'));
    if (!div || !area) throw new Error('no bodies');
    const heard: string[] = [];
    div.addEventListener('keypress', (event) => heard.push(event.type));
    area.addEventListener('keypress', () => heard.push('textarea'));
    proton.afterInsert?.(div, 'paste');
    expect(heard).toEqual([]);
    proton.afterInsert?.(div, 'execCommand');
    proton.afterInsert?.(div, 'range');
    proton.afterInsert?.(area, 'insertText');
    expect(heard).toEqual(['keypress', 'keypress']);
    // Nothing was typed.
    expect(div.textContent).not.toContain('undefined');
  });

  it('has every selector match in some fixture: frame ones in the frame markup, the rest in the page', () => {
    for (const [name, sel] of Object.entries(selectors)) {
      const hits = FILES.flatMap((file) =>
        'frame' in sel
          ? roots(file)
              .filter((root) => root.querySelector('template[data-frame]'))
              .map((root) => frameOf(root).querySelectorAll(sel.css).length)
          : [loadFixture('proton', file).querySelectorAll(sel.css).length],
      );
      expect(
        hits.some((n) => n > 0),
        name,
      ).toBe(true);
    }
  }, 60_000);

  it('opens every fixture with a comment naming its sources', () => {
    for (const file of [...FILES, 'proton.js']) {
      const head = readFileSync(join(DIR, file), 'utf8').slice(0, 800);
      expect(head, file).toContain('Built from:');
    }
  });
});
