// @vitest-environment happy-dom
/**
 * Yahoo Mail specifics against the saved fixture pages (scripts stripped): both pill UIs read once each with their
 * address, Cc left out, typed text, plain-text mode, replies, and how a recipient is committed (typed, then Enter).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WebmailAdapter } from '../../src/content/adapter';
import { selectors, yahoo } from '../../src/content/yahoo';
import { loadFixture } from './load';

const FILES = readdirSync('tests/fixtures/webmail/yahoo').filter((f) => f.endsWith('.html'));

function first(file: string): HTMLElement {
  const [root] = yahoo.composes(loadFixture('yahoo', file));
  if (!root) throw new Error(`no compose in ${file}`);
  return root;
}

describe('Yahoo selectors', () => {
  it('each entry names its evidence and matches in at least one fixture', () => {
    const docs = FILES.map((f) => loadFixture('yahoo', f));
    for (const [name, sel] of Object.entries(selectors)) {
      expect(sel.source.length, name).toBeGreaterThan(20);
      expect(
        docs.some((d) => d.querySelector(sel.css) !== null),
        name,
      ).toBe(true);
    }
  });
});

describe('Yahoo recipients', () => {
  it('reads the /n/ pills once each, by address: a saved contact by its title, a typed one by its text', () => {
    const root = first('pills.html');
    expect(root.querySelectorAll('[data-test-id="y-pill"]')).toHaveLength(3);
    expect(yahoo.recipients(root)).toEqual(['megan@northwind.example', 'alex@contoso.example']);
  });

  it('leaves Cc pills out of To', () => {
    expect(yahoo.recipients(first('pills.html'))).not.toContain('lee@fabrikam.example');
  });

  it('reads a classic pill by the address in its title, not its display name, and not twice for its label', () => {
    const root = first('reply.html');
    expect(root.querySelector('[data-test-id="pill-text"]')?.textContent).toBe('Alex Wilber');
    expect(yahoo.recipients(root)).toEqual(['alex@contoso.example']);
  });

  it('counts an address still typed in the To input, but not a half-typed name', () => {
    const root = first('new.html');
    const input = root.querySelector<HTMLInputElement>('#message-to-field');
    if (!input) throw new Error('no To input');
    input.value = 'Ale';
    expect(yahoo.recipients(root)).toEqual([]);
    input.value = 'alex@contoso.example';
    expect(yahoo.recipients(root)).toEqual(['alex@contoso.example']);
  });

  it('keeps each compose to its own To field', () => {
    const roots = yahoo.composes(loadFixture('yahoo', 'two.html'));
    expect(roots.map((r) => yahoo.recipients(r))).toEqual([['megan@northwind.example'], []]);
  });
});

describe('Yahoo fields and bodies', () => {
  it('finds the rich body, or the plain-text editor in plain mode', () => {
    expect(yahoo.body(first('new.html'))?.getAttribute('data-test-id')).toBe('rte');
    const plain = yahoo.body(first('plain.html'));
    expect(plain?.id).toBe('editorPlainText');
    expect(plain?.tagName).toBe('TEXTAREA');
  });

  it('tells a reply by its quote, and a new message (either UI) from one', () => {
    for (const [file, reply] of [
      ['reply.html', true],
      ['new.html', false],
      ['pills.html', false],
      ['subject.html', false],
      ['fr.html', false],
      ['de.html', false],
    ] as const) {
      const root = first(file);
      const body = yahoo.body(root);
      if (!body) throw new Error(`no body in ${file}`);
      expect(yahoo.isReply(root, body), file).toBe(reply);
    }
  });

  it('finds the subject and To input by structure in French and German', () => {
    for (const file of ['fr.html', 'de.html']) {
      const root = first(file);
      expect(yahoo.subject(root)?.getAttribute('data-test-id'), file).toBe('compose-subject');
      expect(root.querySelector('input[role="combobox"]'), file).not.toBeNull();
    }
  });
});

describe('Yahoo fillRecipient', () => {
  // Called as the generic code calls it, with the engine Yahoo does not need.
  const adapter: WebmailAdapter = yahoo;

  /** The page's side, as Yahoo behaves: Enter on the typed text makes a pill; a blur alone does nothing. */
  function commitsOnEnter(root: HTMLElement, seen: string[]): void {
    const input = root.querySelector<HTMLInputElement>('input[role="combobox"]');
    if (!input) throw new Error('no To input');
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      seen.push(input.value);
      const pill = root.ownerDocument.createElement('div');
      pill.setAttribute('data-test-id', 'y-pill');
      pill.textContent = `|${input.value}`;
      input.parentElement?.before(pill);
      input.value = '';
    });
  }

  it('types the address and presses Enter, which makes the pill (/n/ UI)', async () => {
    const root = first('subject.html');
    const seen: string[] = [];
    commitsOnEnter(root, seen);
    await adapter.fillRecipient(root, 'alex@contoso.example', 'chromium');
    expect(seen).toEqual(['alex@contoso.example']);
    expect(yahoo.recipients(root)).toEqual(['alex@contoso.example']);
  });

  it('fills the classic To input of the compose it is given, not another', async () => {
    const [one, two] = yahoo.composes(loadFixture('yahoo', 'two.html'));
    if (!one || !two) throw new Error('two composes expected');
    const seen: string[] = [];
    commitsOnEnter(two, seen);
    await adapter.fillRecipient(two, 'alex@contoso.example', 'firefox');
    expect(seen).toEqual(['alex@contoso.example']);
    expect(yahoo.recipients(one)).toEqual(['megan@northwind.example']);
  });

  it('gives up after a bounded wait when no pill comes, leaving the typed address to be read back', async () => {
    const root = first('new.html');
    await adapter.fillRecipient(root, 'alex@contoso.example', 'chromium');
    expect(root.querySelectorAll('[data-test-id="pill"]')).toHaveLength(0);
    expect(yahoo.recipients(root)).toEqual(['alex@contoso.example']);
  });
});
