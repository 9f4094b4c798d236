/**
 * Small DOM helpers the adapters share for the subject and recipient fields: written once so that every site fills
 * a field the way its own scripts can observe (docs/webmail.md, "How insertion works").
 */

export const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Rendered and not inside a hidden ancestor (a minimised compose hides its body; an inline reply its subject). */
export function visible(el: Element | null): el is HTMLElement {
  return !!el?.checkVisibility();
}

/**
 * Sets an input's value and sends the bubbling `input` and `change` a person's typing would. From the isolated world
 * React's value tracker still sees the write as new (Mailvelope providerSpecific.js resets `_valueTracker` for the
 * same reason from the page's world).
 */
export function setValue(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Fills a field and leaves it, as a person tabbing on would: Yahoo keeps a script-set subject only once the field
 * is blurred ("Blur the subject field to commit the value to React state", Greasyfork userscript 526042), and
 * Gmail's PeopleKit makes a chip of a typed address on blur (Briskine gmail.js).
 */
export function fillField(input: HTMLInputElement, value: string): void {
  setValue(input, value);
  input.blur();
}

/** Types through the browser's editing (trusted `input` events, native undo): what Outlook's wells need (Briskine). */
export function typeText(el: HTMLElement, text: string): boolean {
  el.focus();
  return el.ownerDocument.execCommand('insertText', false, text);
}

/** A synthetic paste of plain text, which recipient pickers (Gmail's PeopleKit) turn into chips themselves. */
export function pasteText(el: HTMLElement, text: string): void {
  el.focus();
  const event = new ClipboardEvent('paste', {
    bubbles: true,
    cancelable: true,
    clipboardData: new DataTransfer(),
  });
  event.clipboardData?.setData('text/plain', text);
  el.dispatchEvent(event);
}

/** Text of each matching node, trimmed, empty ones dropped. */
export function texts(root: ParentNode, selector: string, attribute?: string): string[] {
  return [...root.querySelectorAll(selector)]
    .map((el) => (attribute ? el.getAttribute(attribute) : el.textContent)?.trim() ?? '')
    .filter((s) => s !== '');
}
