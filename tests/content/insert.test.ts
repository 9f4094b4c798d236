// @vitest-environment happy-dom
/**
 * The body techniques' shared rules: where the draft goes (caret or top, an empty first line taken), the link read
 * back after each try, falling through to the next technique, and stopping when a try changed the body without
 * leaving the link. execCommand has no happy-dom implementation: it is covered end to end.
 */
import { describe, expect, it } from 'vitest';
import { caretOf, countMarker, draftLink, insertBody } from '../../src/content/insert';
import { loadHtml } from './load';

const LINK = 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=x#/invite';
const DRAFT = {
  html: `<p>Hello Alex,</p>\n<p><a href="${LINK.replace('&', '&amp;')}">${LINK.replace('&', '&amp;')}</a></p>`,
  text: `Hello Alex,\n\n${LINK}`,
};

function compose(inner: string): HTMLElement {
  const doc = loadHtml(
    'https://mail.yahoo.com/',
    `<div contenteditable="true" id="body">${inner}</div><input id="to">`,
  );
  return doc.getElementById('body') as HTMLElement;
}

/** A RoosterJS-like editor: its paste handler inserts what it is given (or, if told so, only the text). */
function handlePaste(body: HTMLElement, keep: 'html' | 'text'): void {
  body.addEventListener('paste', (event) => {
    const data = (event as ClipboardEvent).clipboardData;
    event.preventDefault();
    const template = body.ownerDocument.createElement('template');
    if (keep === 'html') template.innerHTML = data?.getData('text/html') ?? '';
    else template.content.append(data?.getData('text/plain') ?? '');
    body.prepend(template.content);
  });
}

describe('draft link and read-back', () => {
  it('takes the href from the draft HTML, entities decoded, and counts exact matches only', () => {
    expect(draftLink(DRAFT.html, document)).toBe(LINK);
    const body = compose(`<a href="${LINK.replace('&', '&amp;')}">x</a><a href="${LINK}&more">y</a>`);
    expect(countMarker(body, LINK, false)).toBe(1);
    expect(countMarker(body, LINK, true)).toBe(0);
  });
});

describe('where the draft goes', () => {
  it('into an empty first line, else at the very top', () => {
    const empty = compose('<div><br></div><div class="signature">Dana</div>');
    const top = caretOf(empty) as Range;
    expect(top.startContainer).toBe(empty.firstChild);
    expect(top.startOffset).toBe(0);
    const full = compose('<div>Hi Megan,</div><div class="signature">Dana</div>');
    expect((caretOf(full) as Range).startContainer).toBe(full);
  });

  it('at the caret when it is in this body, collapsed to the end of a selection so nothing is replaced', () => {
    const body = compose('<div>Hi Megan, thanks</div><div class="signature">Dana</div>');
    const text = body.firstChild?.firstChild as Text;
    const selection = body.ownerDocument.getSelection() as Selection;
    const range = body.ownerDocument.createRange();
    range.setStart(text, 3);
    range.setEnd(text, 9);
    selection.removeAllRanges();
    selection.addRange(range);
    const caret = caretOf(body) as Range;
    expect([caret.startContainer, caret.startOffset, caret.collapsed]).toEqual([text, 9, true]);

    (body.ownerDocument.getElementById('to') as HTMLInputElement).focus();
    selection.removeAllRanges();
    expect((caretOf(body) as Range).startContainer).toBe(body);
  });
});

describe('the technique chain', () => {
  it('Range insertion puts the draft above the signature and tells the page with an input event', async () => {
    const body = compose('<div><br></div><div class="signature">Dana</div>');
    const seen: string[] = [];
    body.addEventListener('input', (e) => seen.push((e as InputEvent).inputType));
    expect(await insertBody(body, DRAFT, ['range'])).toEqual({ ok: true, method: 'range' });
    expect(countMarker(body, LINK, false)).toBe(1);
    expect(body.innerHTML.indexOf(LINK.replace('&', '&amp;'))).toBeLessThan(
      body.innerHTML.indexOf('signature'),
    );
    expect(body.innerHTML).not.toContain('</p>\n<p>');
    expect(seen).toEqual(['insertFromPaste']);
  });

  it('an editor that takes the paste wins, and nothing else is tried', async () => {
    const body = compose('<div class="signature">Dana</div>');
    handlePaste(body, 'html');
    expect(await insertBody(body, DRAFT, ['paste', 'range'])).toEqual({ ok: true, method: 'paste' });
    expect(countMarker(body, LINK, false)).toBe(1);
  });

  it('an ignored paste falls through to the next technique', async () => {
    const body = compose('<div class="signature">Dana</div>');
    expect(await insertBody(body, DRAFT, ['paste', 'range'])).toEqual({ ok: true, method: 'range' });
    expect(countMarker(body, LINK, false)).toBe(1);
  });

  it('a paste that changed the body but lost the link stops the chain: no second, partial copy', async () => {
    const body = compose('<div class="signature">Dana</div>');
    handlePaste(body, 'text');
    expect(await insertBody(body, DRAFT, ['paste', 'range'])).toEqual({ ok: false, changed: true });
    expect(countMarker(body, LINK, false)).toBe(0);
    expect(body.textContent?.split('Hello Alex').length).toBe(2);
  });

  it('nothing worked: not inserted, body untouched', async () => {
    const body = compose('<div class="signature">Dana</div>');
    expect(await insertBody(body, DRAFT, ['paste'])).toEqual({ ok: false, changed: false });
    expect(body.innerHTML).toBe('<div class="signature">Dana</div>');
  });
});
