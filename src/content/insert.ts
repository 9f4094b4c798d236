/**
 * The body insertion techniques (docs/webmail.md, "How insertion works"). Each try is checked by reading the link
 * back from the body: only a technique whose result the webmail kept counts. The HTML is only ever the draft's
 * `html` (renderDraft output, already escaped); nothing else is built from strings.
 */
import type { Engine, InsertTrace } from '../messages';
import type { Editable } from './adapter';
import { wait } from './fields';

export type Technique = 'execCommand' | 'paste' | 'range';

/** Order for editors with no known preference: native undo first, the editor's paste handler next, bare DOM last. */
export const DEFAULT_TECHNIQUES: readonly Technique[] = ['execCommand', 'paste', 'range'];

export interface BodyDraft {
  html: string;
  text: string;
}

/** What the body answered: the technique that worked, or why none did. */
export type BodyResult = { ok: true; method: string } | { ok: false; changed: boolean };

/**
 * RoosterJS answers a paste after `DataTransferItem.getAsString` callbacks (roosterjs CopyPastePlugin): give it this
 * long to land. Generous on purpose: a paste that lands after the next technique ran would leave two copies, and
 * a paste that lands early ends the wait at once.
 */
const SETTLE_MS = 1500;

/** A textarea, or a contenteditable that only takes text (plain-text mode): HTML would be shown as markup or lost. */
export function isPlainText(el: Editable): boolean {
  return el.tagName === 'TEXTAREA' || el.getAttribute('contenteditable') === 'plaintext-only';
}

/** The draft's link, parsed from its own HTML (inert template: nothing loads, nothing runs). */
export function draftLink(html: string, doc: Document): string | null {
  const template = doc.createElement('template');
  template.innerHTML = html;
  return template.content.querySelector('a[href]')?.getAttribute('href') ?? null;
}

/** How many times the body holds the marker: anchors with that exact href, or the text itself (plain text). */
export function countMarker(body: Editable, marker: string, byText: boolean): number {
  if (byText) {
    const text = body.tagName === 'TEXTAREA' ? (body as HTMLTextAreaElement).value : (body.textContent ?? '');
    return text.split(marker).length - 1;
  }
  return [...body.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href') === marker).length;
}

/** An empty first line (`<div><br></div>`) is where a person would start typing: take it rather than add a line. */
function emptyLine(node: Node | null): node is HTMLElement {
  return (
    node?.nodeType === 1 &&
    /^(DIV|P)$/.test(node.nodeName) &&
    node.childNodes.length === 1 &&
    node.firstChild?.nodeName === 'BR'
  );
}

/** Where the draft goes: a Range in a contenteditable, an offset in a textarea. */
export type Caret = Range | number;

/**
 * The caret, when it is in this body (collapsed to its end, so a selection is never replaced), else the top of the
 * body, above the signature and the quoted text. Read it before focus moves elsewhere.
 */
export function caretOf(body: Editable): Caret {
  const doc = body.ownerDocument;
  if (body.tagName === 'TEXTAREA')
    return doc.activeElement === body ? (body as HTMLTextAreaElement).selectionEnd : 0;
  const selection = doc.getSelection();
  if (selection && selection.rangeCount > 0) {
    const current = selection.getRangeAt(0);
    if (body.contains(current.startContainer) && body.contains(current.endContainer)) {
      const range = current.cloneRange();
      range.collapse(false);
      return range;
    }
  }
  const range = doc.createRange();
  const first = body.firstChild;
  range.setStart(emptyLine(first) ? first : body, 0);
  range.collapse(true);
  return range;
}

function select(body: Editable, range: Range): void {
  body.focus();
  const selection = body.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Chromium keeps the newline text nodes between paragraphs as stray blank text (Briskine minifies likewise). */
function compact(html: string): string {
  return html.replace(/>\s*\n\s*</g, '><');
}

function paste(body: Editable, draft: BodyDraft): void {
  // Data set on the event's own clipboardData (Briskine); Firefox still delivers it empty to the page's listeners
  // (Mozilla bug 1654724), so `insertBody` never pastes there.
  const event = new ClipboardEvent('paste', {
    bubbles: true,
    cancelable: true,
    clipboardData: new DataTransfer(),
  });
  event.clipboardData?.setData('text/html', draft.html);
  event.clipboardData?.setData('text/plain', draft.text);
  body.dispatchEvent(event);
}

/** Bare DOM insertion: no undo entry, so last in every order; `insertBody`'s `input` event lets editor models resync. */
function rangeInsert(body: Editable, range: Range, draft: BodyDraft): void {
  const doc = body.ownerDocument;
  // A template parses inertly; the isolated world is outside the page's Trusted Types policy (tests/fixtures: gmail).
  const template = doc.createElement('template');
  template.innerHTML = compact(draft.html);
  const last = template.content.lastChild;
  range.insertNode(template.content);
  if (last) {
    range.setStartAfter(last);
    range.collapse(true);
    select(body, range);
  }
}

function tryTechnique(technique: Technique, body: Editable, range: Range, draft: BodyDraft): void {
  select(body, range);
  if (technique === 'execCommand') body.ownerDocument.execCommand('insertHTML', false, compact(draft.html));
  else if (technique === 'paste') paste(body, draft);
  else rangeInsert(body, range, draft);
}

/**
 * Resolves true once `done()` holds after the page has had its turn (its mutation observers and tasks run first, so
 * an editor that rebuilds its body from its own model is seen doing so), watching the body for up to `ms` more.
 */
async function settle(body: Editable, done: () => boolean, ms: number): Promise<boolean> {
  await wait(0);
  if (done()) return true;
  return new Promise((resolve) => {
    const finish = (): void => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(done());
    };
    const observer = new MutationObserver(() => {
      if (done()) finish();
    });
    const timer = setTimeout(finish, ms);
    observer.observe(body, { childList: true, subtree: true, characterData: true });
  });
}

/** Plain-text mode: the text twin, whose link is the bare URL; `insertText` keeps the native undo entry. */
function insertText(body: Editable, caret: Caret, text: string): void {
  if (typeof caret === 'number') {
    body.focus();
    (body as HTMLTextAreaElement).setSelectionRange(caret, caret);
  } else select(body, caret);
  body.ownerDocument.execCommand('insertText', false, text);
}

/** Firefox hands a content script's synthetic paste to the page with empty data (Mozilla bug 1654724). */
export function techniquesFor(engine: Engine, techniques: readonly Technique[]): readonly Technique[] {
  return engine === 'firefox' ? techniques.filter((t) => t !== 'paste') : techniques;
}

/**
 * Inserts the draft, trying each technique in order until the link reads back. A try that changed the body without
 * leaving the link stops the chain: trying again would add a second, partial copy to the partner's message.
 * Whatever landed, the webmail then sees an `input` event on the body: Gmail saves drafts on it (browser-use
 * domain-skills/gmail/compose.md: "without it Gmail's autosave doesn't register the change").
 */
export async function insertBody(
  body: Editable,
  draft: BodyDraft,
  techniques: readonly Technique[],
  caret: Caret = caretOf(body),
  engine: Engine = 'chromium',
  trace: InsertTrace = { recipient: 'none', subject: 'none', techniques: [], inputEvents: 0 },
): Promise<BodyResult> {
  const counted = (): void => {
    trace.inputEvents++;
  };
  body.addEventListener('input', counted);
  try {
    const result = await tryAll(body, draft, techniquesFor(engine, techniques), caret, trace);
    if (result.ok && trace.inputEvents === 0) {
      body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
    return result;
  } finally {
    body.removeEventListener('input', counted);
  }
}

async function tryAll(
  body: Editable,
  draft: BodyDraft,
  techniques: readonly Technique[],
  caret: Caret,
  trace: InsertTrace,
): Promise<BodyResult> {
  const plain = isPlainText(body);
  const link = draftLink(draft.html, body.ownerDocument);
  // A draft without a link (a custom template) is recognised by its first line instead.
  const marker = link ?? draft.text.trim().split('\n')[0] ?? '';
  const byText = plain || link === null;
  const before = countMarker(body, marker, byText);
  const landed = (): boolean => countMarker(body, marker, byText) > before;
  if (plain || typeof caret === 'number') {
    insertText(body, caret, `${draft.text}\n\n`);
    const ok = await settle(body, landed, 0);
    trace.techniques.push({ technique: 'insertText', outcome: ok ? 'landed' : 'no-change' });
    return ok ? { ok: true, method: 'insertText' } : { ok: false, changed: false };
  }
  for (const technique of techniques) {
    let changed = false;
    let threw = false;
    const watch = new MutationObserver(() => {
      changed = true;
    });
    watch.observe(body, { childList: true, subtree: true, characterData: true });
    try {
      tryTechnique(technique, body, caret, draft);
    } catch {
      // A technique the page refuses (a Trusted Types sink, a missing API) is just one that did not work.
      threw = true;
    }
    const ok = await settle(body, landed, technique === 'paste' ? SETTLE_MS : 0);
    if (watch.takeRecords().length > 0) changed = true;
    watch.disconnect();
    const outcome = ok ? 'landed' : changed ? 'changed-without-link' : threw ? 'threw' : 'no-change';
    trace.techniques.push({ technique, outcome });
    if (ok) return { ok: true, method: technique };
    if (changed) return { ok: false, changed: true };
  }
  return { ok: false, changed: false };
}
