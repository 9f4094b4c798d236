// @vitest-environment happy-dom
/**
 * The Outlook adapter against its fixtures (scripts stripped: the saved structure only). What OWA itself does on
 * focus or typing is played here by small listeners that follow the same evidence as owa.js.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outlook } from '../../src/content/outlook';
import { loadFixture, loadHtml } from './load';

const roots = (doc: Document) => outlook.composes(doc);
const first = (doc: Document): HTMLElement => {
  const root = roots(doc)[0];
  if (!root) throw new Error('no compose');
  return root;
};
const bodyOf = (root: HTMLElement): HTMLElement => {
  const body = outlook.body(root);
  if (!body) throw new Error('no body');
  return body;
};

/** Records the browser editing commands the adapter sends (happy-dom has no editing). */
function recordEditing(doc: Document): string[][] {
  const calls: string[][] = [];
  doc.execCommand = (command: string, _ui?: boolean, value?: string) => {
    calls.push([command, value ?? '']);
    return true;
  };
  return calls;
}

/** OWA's side of a collapsed reply header: a focusin on it renders the editable fields (Briskine makeFieldsEditable). */
function revealOnFocus(doc: Document): void {
  const part = doc.querySelector('[id^="docking_InitVisiblePart"]') as HTMLElement;
  const template = part.querySelector('template[data-fields]') as HTMLTemplateElement;
  part.addEventListener('focusin', (event) => {
    const line = (event.target as HTMLElement).closest('div[tabindex]:nth-child(2):not([role="button"])');
    if (line) line.replaceWith(template.content.cloneNode(true));
  });
}

afterEach(() => vi.useRealTimers());

describe('Outlook on the web: which composes are listed', () => {
  it('a new message: its docking part, keyed by OWA id, with the body in editorParent_1', () => {
    const doc = loadFixture('outlook', 'new.html');
    const root = first(doc);
    expect(roots(doc)).toHaveLength(1);
    expect(root.id).toBe('docking_InitVisiblePart_0');
    expect(outlook.composeKey?.(root)).toBe('docking_InitVisiblePart_0');
    expect(bodyOf(root).parentElement?.id).toBe('editorParent_1');
    expect(outlook.subject(root)?.placeholder).toBe('Add a subject');
    expect(outlook.recipients(root)).toEqual([]);
    expect(outlook.isReply(root, bodyOf(root))).toBe(false);
  });

  it('two composes, in page order, each with its own body, subject, recipients and key', () => {
    const doc = loadFixture('outlook', 'two.html');
    const [a, b] = roots(doc) as [HTMLElement, HTMLElement];
    expect(roots(doc)).toHaveLength(2);
    expect([a, b].map((r) => outlook.composeKey?.(r))).toEqual([
      'docking_InitVisiblePart_0',
      'docking_InitVisiblePart_1',
    ]);
    expect(outlook.subject(a)?.value).toBe('Quarterly review');
    expect(outlook.recipients(a)).toEqual(['megan@northwind.example']);
    expect(bodyOf(a).textContent).toContain('Hi Megan,');
    expect(outlook.subject(b)?.value).toBe('');
    expect(outlook.recipients(b)).toEqual([]);
    expect(bodyOf(b)).not.toBe(bodyOf(a));
  });

  it('a minimised compose is still found, but its body is not rendered (the generic code leaves it out)', () => {
    const doc = loadFixture('outlook', 'minimised.html');
    const [hidden, open] = roots(doc) as [HTMLElement, HTMLElement];
    expect(roots(doc)).toHaveLength(2);
    expect(bodyOf(hidden).checkVisibility()).toBe(false);
    expect(bodyOf(open).checkVisibility()).toBe(true);
  });

  it('with Settings > Signature open beside a compose: exactly the compose, never the signature editor', () => {
    const doc = loadFixture('outlook', 'signature-settings.html');
    const signature = doc.querySelector('[aria-label^="Signature"]') as HTMLElement;
    expect(signature.matches(outlook.selectors.body?.css ?? '')).toBe(true);
    expect(roots(doc)).toHaveLength(1);
    expect(bodyOf(first(doc))).not.toBe(signature);
    // Were the dialog rendered inside the reading pane, even in an editorParent, it would still not be a compose.
    const wrapper = doc.createElement('div');
    wrapper.id = 'editorParent_9';
    signature.replaceWith(wrapper);
    wrapper.append(signature);
    doc.querySelector('[role="main"]')?.append(doc.querySelector('[role="dialog"]') as HTMLElement);
    expect(roots(doc)).toHaveLength(1);
    // Nor inside the compose itself: the compose keeps its own body.
    first(doc).append(doc.querySelector('[role="dialog"]') as HTMLElement);
    expect(roots(doc)).toHaveLength(1);
    expect(bodyOf(first(doc)).parentElement?.id).toBe('editorParent_1');
  });

  it('the pop-out compose window: its form is the compose, keyed by its editor', () => {
    const doc = loadFixture('outlook', 'popout.html');
    const root = first(doc);
    expect(roots(doc)).toHaveLength(1);
    expect(root.getAttribute('data-app-section')).toBe('Form_Content');
    expect(outlook.composeKey?.(root)).toBe('editorParent_1');
    expect(outlook.subject(root)?.value).toBe('');
    expect(outlook.recipients(root)).toEqual([]);
  });

  it('a multi-line textbox with no compose around it is not a compose', () => {
    const doc = loadHtml(
      'https://outlook.office.com/mail/',
      '<div role="main"><div contenteditable="true" role="textbox" aria-multiline="true"></div></div>',
    );
    expect(roots(doc)).toEqual([]);
  });

  it.each(['fr.html', 'de.html', 'plain.html'])(
    '%s: the same structural hooks, whatever the labels',
    (file) => {
      const doc = loadFixture('outlook', file);
      const root = first(doc);
      expect(roots(doc)).toHaveLength(1);
      expect(outlook.subject(root)).not.toBeNull();
      expect(root.querySelector(outlook.selectors.wells?.css ?? '')).not.toBeNull();
      expect(bodyOf(root).querySelector('#Signature')).not.toBeNull();
      expect(outlook.isReply(root, bodyOf(root))).toBe(false);
    },
  );
});

describe('Outlook on the web: recipients', () => {
  it('reads each recipient once, from the items inside the To well, with its address where OWA shows one', () => {
    const doc = loadFixture('outlook', 'recipients.html');
    const root = first(doc);
    // "Name <address>" (reopened draft), a bare address, and a directory contact shown by name only.
    expect(outlook.recipients(root)).toEqual([
      'ana.lima@contoso.example',
      'megan@northwind.example',
      'Alex Wilber',
    ]);
  });

  it('adds what is typed but not yet a recipient, and ignores blank text and the Cc well', () => {
    const doc = loadFixture('outlook', 'recipients.html');
    const root = first(doc);
    const well = root.querySelector('[aria-label="To"]') as HTMLElement;
    well.append(doc.createTextNode('\u00a0 '));
    expect(outlook.recipients(root)).toHaveLength(3);
    well.append(doc.createTextNode('lee@fabrikam.example'));
    expect(outlook.recipients(root)).toEqual([
      'ana.lima@contoso.example',
      'megan@northwind.example',
      'Alex Wilber',
      'lee@fabrikam.example',
    ]);
    expect(outlook.recipients(root)).not.toContain('pat@fabrikam.example');
  });

  it('takes an address from the item title or aria-label when the shown text is a name', () => {
    const doc = loadFixture('outlook', 'recipients.html');
    const root = first(doc);
    const alex = root.querySelector('[aria-label="Alex Wilber"]') as HTMLElement;
    alex.setAttribute('title', 'Alex Wilber <alex@contoso.example>');
    expect(outlook.recipients(root).at(-1)).toBe('alex@contoso.example');
  });

  it('types the address into the To well, then the comma that makes it a recipient', async () => {
    const doc = loadFixture('outlook', 'new.html');
    const calls = recordEditing(doc);
    const root = first(doc);
    await outlook.fillRecipient(root, 'alex@contoso.example', 'chromium');
    expect(calls).toEqual([
      ['insertText', 'alex@contoso.example'],
      ['insertText', ','],
    ]);
    expect(doc.activeElement?.getAttribute('aria-label')).toBe('To');
  });
});

describe('Outlook on the web: a reply whose fields are editable only after focus', () => {
  it('is a reply, has no subject, and reads its recipient from the collapsed header', () => {
    const doc = loadFixture('outlook', 'reply.html');
    const root = first(doc);
    expect(root.querySelector(outlook.selectors.wells?.css ?? '')).toBeNull();
    expect(outlook.subject(root)).toBeNull();
    expect(outlook.isReply(root, bodyOf(root))).toBe(true);
    expect(outlook.recipients(root)).toEqual(['alex@contoso.example']);
  });

  it('reveals the fields with a focusin, finds the recipient already there, and types nothing', async () => {
    const doc = loadFixture('outlook', 'reply.html');
    revealOnFocus(doc);
    const calls = recordEditing(doc);
    const root = first(doc);
    await outlook.fillRecipient(root, 'someone@else.example', 'chromium');
    expect(root.querySelector(outlook.selectors.wells?.css ?? '')).not.toBeNull();
    expect(outlook.recipients(root)).toEqual(['alex@contoso.example']);
    expect(calls).toEqual([]);
  });

  it('when the revealed To well is empty, types the address into it', async () => {
    const doc = loadFixture('outlook', 'reply.html');
    const template = doc.querySelector('template[data-fields]') as HTMLTemplateElement;
    for (const item of template.content.querySelectorAll('[aria-label="To"] > *')) item.remove();
    doc.querySelector('div[tabindex] [class*="textContainer-"]')?.remove();
    revealOnFocus(doc);
    const calls = recordEditing(doc);
    const root = first(doc);
    expect(outlook.recipients(root)).toEqual([]);
    await outlook.fillRecipient(root, 'alex@contoso.example', 'chromium');
    expect(calls.map((c) => c[1])).toEqual(['alex@contoso.example', ',']);
  });

  it('gives up waiting after about a second when the fields never appear', async () => {
    vi.useFakeTimers();
    const doc = loadFixture('outlook', 'reply.html');
    const calls = recordEditing(doc);
    const done = outlook.fillRecipient(first(doc), 'alex@contoso.example', 'chromium');
    await vi.advanceTimersByTimeAsync(1100);
    await done;
    expect(calls).toEqual([]);
  });

  it('a forward or reply with a subject still counts as a reply by its quote markers', () => {
    const doc = loadFixture('outlook', 'new.html');
    const root = first(doc);
    bodyOf(root).insertAdjacentHTML('beforeend', '<div id="divRplyFwdMsg">From: Alex</div>');
    expect(outlook.isReply(root, bodyOf(root))).toBe(true);
  });
});

describe('Outlook on the web: hosts and custom-domain markers', () => {
  it('lists every Microsoft host of Outlook on the web', () => {
    expect([...outlook.hosts].sort()).toEqual([
      'outlook.cloud.microsoft',
      'outlook.live.com',
      'outlook.office.com',
      'outlook.office365.com',
      'outlook.office365.us',
    ]);
  });

  it("finds Briskine's markers in a self-hosted page's head, and nothing in a bare page", () => {
    const css = outlook.markers?.css ?? '';
    const bare = '<!doctype html><html><head><title>Mail</title></head><body></body></html>';
    expect(loadHtml('https://mail.contoso.example/owa/', bare).querySelector(css)).toBeNull();
    const marks: [string, string, string][] = [
      ['meta', 'content', '/owamail/20261102001.12/'],
      ['link', 'href', 'https://res.cdn.office.net/owamail/x.css'],
      ['script', 'src', '/owamail/boot.js'],
    ];
    for (const [tag, name, value] of marks) {
      const doc = loadHtml('https://mail.contoso.example/owa/', bare);
      const el = doc.createElement(tag);
      el.setAttribute(name, value);
      doc.head.append(el);
      expect(doc.querySelector(css)).toBe(el);
    }
  });
});
