/**
 * Proton Mail (docs/webmail.md, "Proton Mail"). A composer is a `div.composer`; its body is RoosterJS 8, which runs
 * in this page and edits `#rooster-editor` inside a srcless, same-origin iframe sandboxed without scripts, so the top
 * frame reaches the body through `iframe.contentDocument`. Recipients show as a summary button until it is focused;
 * only then does Proton render the To input and its items.
 */
import { all, type Selector, type WebmailAdapter } from './adapter';
import { typeText, visible, wait } from './fields';

const WEBCLIENTS = 'ProtonMail/WebClients';
const COMPOSER = `${WEBCLIENTS} applications/mail/src/app/components/composer`;
const ADDRESSES = `${COMPOSER}/addresses`;
const ROOSTER = `${WEBCLIENTS} packages/components/components/editor/rooster`;

export const selectors = {
  compose: {
    css: 'div.composer',
    source: `${COMPOSER}/ComposerFrame.tsx @e6ca047c (and every older version: a div, never a section)`,
    confidence: 'high',
  },
  minimised: {
    css: '.composer--is-minimized',
    source: `${COMPOSER}/ComposerFrame.tsx @e6ca047c (class set while minimised; the hiding rule is Proton's CSS)`,
    confidence: 'high',
  },
  frame: {
    css: 'iframe[data-testid="rooster-iframe"]',
    source: `${ROOSTER}/RoosterEditor.tsx @ae4b9c5c; page objects (Selenium, WebdriverIO)`,
    confidence: 'high',
  },
  editable: {
    css: '#rooster-editor',
    source: `${ROOSTER}/hooks/useInitRooster.ts @89fba32d (ROOSTER_EDITOR_ID, the div RoosterJS is started on)`,
    confidence: 'high',
    frame: true,
  },
  plain: {
    css: 'textarea[data-testid="editor-textarea"]',
    source: `${WEBCLIENTS} packages/components/components/editor/plainTextEditor/PlainTextEditor.tsx @13efe3ee`,
    confidence: 'high',
  },
  subject: {
    css: 'input[data-testid="composer:subject"], input[id^="subject-composer"]',
    source: `${COMPOSER}/ComposerMeta.tsx @0399d8f3; page objects use [id^="subject-composer"]`,
    confidence: 'high',
  },
  summary: {
    css: '[data-testid="composer:address"]',
    source: `${ADDRESSES}/AddressesSummary.tsx @35bebd9f (role=button, opens the editor on click or focus)`,
    confidence: 'high',
  },
  summaryInner: {
    css: '.composer-addresses-fakefield-inner',
    source: `${ADDRESSES}/AddressesSummary.tsx @35bebd9f; page objects (WebdriverIO, Selenium)`,
    confidence: 'medium',
  },
  summaryMarker: {
    css: '.color-primary',
    source: `${ADDRESSES}/AddressesSummary.tsx @35bebd9f (the "CC:" / "BCC:" span that starts the copies)`,
    confidence: 'low',
  },
  summaryPlaceholder: {
    css: '.placeholder',
    source: `${ADDRESSES}/AddressesSummary.tsx @35bebd9f ("Email address" while there is no recipient)`,
    confidence: 'medium',
  },
  toInput: {
    css: 'input[data-testid="composer:to"], input[id^="to-composer"]',
    source: `${ADDRESSES}/AddressesEditor.tsx @beebdf68 (dataTestId "composer:to", id "to-composer…"); page objects`,
    confidence: 'high',
  },
  toField: {
    css: '[data-testid="composer:to-field"]',
    source: `${ADDRESSES}/AddressesEditor.tsx @beebdf68 (the To row; CC and BCC rows are siblings)`,
    confidence: 'medium',
  },
  toContainer: {
    css: '.composer-addresses-container',
    source: `${ADDRESSES}/AddressesInput.tsx @980b788d and older (one per address field)`,
    confidence: 'medium',
  },
  item: {
    css: '[data-testid="composer-addresses-item"]',
    source: `${ADDRESSES}/AddressesRecipientItem.tsx (every version); AddressesEditor.test.tsx`,
    confidence: 'high',
  },
  itemAddress: {
    css: '[data-testid^="remove-address-button-"]',
    source: `${ADDRESSES}/AddressesRecipientItem.tsx (remove button named remove-address-button-<Address>, 2023+)`,
    confidence: 'medium',
  },
  itemLabel: {
    css: '.composer-addresses-item-label',
    source: `${ADDRESSES}/AddressesRecipientItem.tsx (text "Name <email>", recipientToInput)`,
    confidence: 'high',
  },
  quote: {
    css: '.protonmail_quote',
    source: `${WEBCLIENTS} applications/mail helpers/message/messageBlockquote (BLOCKQUOTE_SELECTORS) and its tests`,
    confidence: 'high',
    frame: true,
  },
  quoteToggle: {
    css: '#proton-editor-toggle-container button',
    source: `${ROOSTER}/BlockquoteToggle.tsx @14b6ea34, portalled by RoosterEditor.tsx into the frame`,
    confidence: 'medium',
    frame: true,
  },
} as const satisfies Record<string, Selector>;

const SEL = selectors;
const PREFIX = 'remove-address-button-';
const ANGLE = /<([^<>\s]+@[^<>\s]+)>\s*$/;

/** The editor frame's document, when the composer shows it (a minimised composer hides its container). */
function frameDoc(root: HTMLElement): Document | null {
  const frame = root.querySelector<HTMLIFrameElement>(SEL.frame.css);
  return frame && visible(frame) ? frame.contentDocument : null;
}

function body(root: HTMLElement): HTMLElement | null {
  // Minimised by its own class, whatever the stylesheet does with it: the partner cannot see that body.
  if (root.matches(SEL.minimised.css)) return null;
  const inFrame = frameDoc(root)?.querySelector<HTMLElement>(SEL.editable.css);
  return inFrame ?? root.querySelector<HTMLElement>(SEL.plain.css);
}

const subject = (root: HTMLElement): HTMLInputElement | null => root.querySelector(SEL.subject.css);
const toInput = (root: HTMLElement): HTMLInputElement | null => root.querySelector(SEL.toInput.css);

/** An open editor's To items: the address from the remove button's name, else from the "Name <email>" label. */
function editorRecipients(input: HTMLInputElement): string[] {
  const field = input.closest(SEL.toField.css) ?? input.closest(SEL.toContainer.css);
  if (!field) return [];
  const found = all(field, SEL.item).map((item) => {
    const named = item.querySelector(SEL.itemAddress.css)?.getAttribute('data-testid');
    if (named?.startsWith(PREFIX) && named.length > PREFIX.length) return named.slice(PREFIX.length);
    const text = item.querySelector(SEL.itemLabel.css)?.textContent?.trim() ?? '';
    return ANGLE.exec(text)?.[1] ?? text;
  });
  const typed = input.value.trim();
  return [...found, ...(typed ? [typed] : [])];
}

/**
 * The summary's To labels, up to the "CC:" marker. Proton labels a recipient by its contact name or display name
 * when it has one, by its address otherwise (getRecipientLabel): a name is all the DOM holds until the editor opens.
 */
function summaryRecipients(root: HTMLElement): string[] {
  const inner = root.querySelector(`${SEL.summary.css} ${SEL.summaryInner.css}`);
  const labels: string[] = [];
  for (const child of inner?.children ?? []) {
    if (child.matches(SEL.summaryMarker.css)) break;
    if (child.matches(SEL.summaryPlaceholder.css)) continue;
    const text = child.textContent?.trim().replace(/,$/, '').trim();
    if (text) labels.push(text);
  }
  return labels;
}

function recipients(root: HTMLElement): string[] {
  const input = toInput(root);
  const read = input ? editorRecipients(input) : summaryRecipients(root);
  return [...new Set(read)];
}

/** Resolves with what `probe` finds, polling every 25 ms for up to `ms` (Proton renders on its own timers). */
async function until<T>(probe: () => T | null, ms: number): Promise<T | null> {
  for (let waited = 0; ; waited += 25) {
    const found = probe();
    if (found || waited >= ms) return found;
    await wait(25);
  }
}

/**
 * Opens the To editor the way a click on the summary does, types the address through the browser's editing and
 * commits it with a comma: AddressesAutocomplete hands every change to handleRecipientInputChange, which turns text
 * holding a comma into recipients. A blur commits what is left (hasAddOnBlur).
 */
async function fillRecipient(root: HTMLElement, address: string): Promise<void> {
  let input = toInput(root);
  if (!input) {
    const summary = root.querySelector<HTMLElement>(SEL.summary.css);
    if (!summary) return;
    summary.focus();
    summary.click();
    input = await until(() => toInput(root), 1000);
    // Addresses.tsx focuses To on its own timers (100 + 100 ms): let that land first, as a person waits for the
    // cursor, so it cannot pull the focus out of the body later.
    const field = input;
    if (field) await until(() => (field.ownerDocument.activeElement === field ? true : null), 500);
  }
  if (!input) return;
  typeText(input, address);
  typeText(input, ',');
  if (input.isConnected && input.value.trim() !== '') input.blur();
  await until(() => (recipients(root).includes(address) ? true : null), 500);
}

/**
 * RoosterJS 8 records an undo step for its own paste, but not for the browser's editing: its UndoPlugin takes the
 * next snapshot only once `hasNewContent` is set, which a `keypress` does (UndoPlugin.onKeyPress →
 * clearRedoForInput, roosterjs-editor-core 8.x). Without it, Ctrl+Z after `execCommand` or `range` leaves the draft
 * in place (both Chromium and Firefox). A synthetic keypress types nothing.
 */
function afterInsert(body: HTMLElement, method: string): void {
  if (method === 'paste' || body.tagName === 'TEXTAREA') return;
  body.dispatchEvent(new KeyboardEvent('keypress', { bubbles: true, cancelable: true }));
}

export const proton = {
  site: 'proton',
  hosts: ['mail.proton.me'],
  selectors,
  composes: (doc) => [...doc.querySelectorAll<HTMLElement>(SEL.compose.css)],
  composeKey: (root) => {
    const id = root.getAttribute('data-testid');
    return id && /^composer-\d+$/.test(id) ? id : null;
  },
  body,
  subject,
  recipients,
  isReply: (_root, editable) =>
    editable.querySelector(SEL.quote.css) !== null ||
    editable.ownerDocument.querySelector(SEL.quoteToggle.css) !== null,
  fillRecipient: (root, address, _engine) => fillRecipient(root, address),
  afterInsert,
  // The editor's own paste first: RoosterJS 8's CopyPastePlugin reads `event.clipboardData` and pastes through
  // `editor.paste` (sanitised, one undo snapshot, ContentChanged for Proton's draft). In Firefox the generic code skips
  // it (Mozilla bug 1654724); execCommand's native `input` event still reaches RoosterJS's Input handler.
  techniques: ['paste', 'execCommand', 'range'],
} satisfies WebmailAdapter;
