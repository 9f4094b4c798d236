/**
 * Outlook on the web: React with hashed CSS-in-JS class names, so the hooks are roles, ids OWA gives its compose
 * parts, and the structure Briskine's plugin relies on. The body is RoosterJS, which runs its own paste pipeline.
 * docs/webmail.md, "Outlook on the web", is the table of these hooks and their evidence; fixtures:
 * tests/fixtures/webmail/outlook.
 */
import { all, one, type Selector, type WebmailAdapter } from './adapter';
import { typeText, visible, wait } from './fields';

const BRISKINE = 'Briskine/briskine src/content/plugins/outlook.js';
const PAGE_OBJECTS = 'public Selenium/Playwright page objects for outlook.office.com (2021-2025)';

const SEL = {
  // The message body: the one multi-line editable of a compose. Settings > Signature is one too, hence `root`.
  body: {
    css: '[contenteditable="true"][aria-multiline="true"]',
    source: `${BRISKINE} @98b08dbe (2026-08-20): wells are the editables without aria-multiline; ${PAGE_OBJECTS}: div[role=textbox][aria-multiline=true]`,
    confidence: 'high',
  },
  // A compose part in the main window; the N in its id counts the composes open (_0, _1, …).
  docking: {
    css: '[id^="docking_InitVisiblePart"]',
    source: `${BRISKINE} @475cc2b4 (2023-08-30) to @98b08dbe; ${PAGE_OBJECTS}: //*[@id="docking_InitVisiblePart_0"]`,
    confidence: 'medium',
  },
  // The compose form of the "open in new window" pop-out.
  form: {
    css: '[data-app-section="Form_Content"]',
    source: `${BRISKINE} @fcc686a2 (2024-10-08) to @98b08dbe, getParent: "[data-app-section] for the compose popup view"`,
    confidence: 'medium',
  },
  // The body's own wrapper, numbered per editor (editorParent_1, editorParent_2 for a second one).
  editorParent: {
    css: '[id^="editorParent_"]',
    source: `${PAGE_OBJECTS}: //*[@id="editorParent_1"]/div is the body`,
    confidence: 'medium',
  },
  // The default view's main region, Briskine's other compose container.
  main: {
    css: '[role="main"]',
    source: `${BRISKINE} @98b08dbe getParent: "[role=main] for the default outlook view"`,
    confidence: 'medium',
  },
  // Settings and other modal layers: a multi-line textbox inside one is never a compose body.
  dialog: {
    css: '[role="dialog"]',
    source:
      'saved DOM: Settings > Signature editor, div[role=textbox][aria-multiline=true] "Signature, press Alt+F10 to exit" inside [role=dialog]',
    confidence: 'medium',
  },
  // Recipient wells are the single-line editables, in order To, Cc, Bcc.
  wells: {
    css: '[contenteditable="true"]:not([aria-multiline="true"])',
    source: `${BRISKINE} @1839856c (2026-03-31, #634) getContainers`,
    confidence: 'medium',
  },
  // Each recipient is an element with a contenteditable attribute INSIDE the well (`well > [contenteditable]`).
  item: {
    css: '[contenteditable="true"]:not([aria-multiline="true"]) > [contenteditable]',
    source: `${BRISKINE} @43897bc6 (2025-10-24, #581) to @98b08dbe getFieldData: $container.querySelectorAll(':scope > [contenteditable]')`,
    confidence: 'medium',
  },
  // The recipient's shown text inside an item: a name, an address, or "Name <address>" in a reopened draft.
  itemText: {
    css: '[class*="textContainer-"], [class*="individualText-"]',
    source: `${BRISKINE} @4981d8ec (2025-06-10, #569) to @98b08dbe; the aria-label was dropped there for carrying presence status`,
    confidence: 'low',
  },
  // A reply's header before focus: a focusable summary line; the editable wells appear only after a focusin on it.
  collapsed: {
    css: '[id^="docking_InitVisiblePart"] div[tabindex]:nth-child(2):not([role="button"])',
    source: `${BRISKINE} @475cc2b4 (2023-08-30) to @98b08dbe makeFieldsEditable`,
    confidence: 'low',
  },
  // Subject: the last free-text input of the compose; no localised placeholder needed.
  subject: {
    css: 'input[type="text"][autocomplete="off"]',
    source: `${BRISKINE} @98b08dbe getSubjectField (PRs #381, #434, #568)`,
    confidence: 'medium',
  },
  // OWA's own markers of the quoted message in a reply or forward body.
  quote: {
    css: '#divRplyFwdMsg, #appendonsend',
    source: 'OWA-authored HTML: Microsoft Graph createReply draft bodies and public quote strippers',
    confidence: 'medium',
  },
} satisfies Record<string, Selector>;

/** Custom-domain Outlook gives itself away by these; the generic code trusts them only on hosts the partner confirmed. */
const MARKERS: Selector = {
  css: 'head [href*="cdn.office.net"], meta[content*="owamail"], link[href*="/owamail/"], script[src*="/owamail/"]',
  source: `${BRISKINE} @68bbec51 (2024-04-03) to @98b08dbe isActive`,
  confidence: 'high',
};

const ADDRESS = /[^\s<>"',;]+@[^\s<>"',;]+\.[^\s<>"',;]+/;

/**
 * The compose a body belongs to, or null when it belongs to none: a docking part or pop-out form around it, else the
 * main region when the body sits in an editorParent. A body inside a dialog nested in that region (Settings >
 * Signature) is not a compose body.
 */
function rootOf(body: HTMLElement): HTMLElement | null {
  const root =
    body.closest<HTMLElement>(SEL.docking.css) ??
    body.closest<HTMLElement>(SEL.form.css) ??
    (body.closest(SEL.editorParent.css) ? body.closest<HTMLElement>(SEL.main.css) : null);
  const dialog = body.closest(SEL.dialog.css);
  if (!root || (dialog && root.contains(dialog))) return null;
  return root;
}

const toWell = (root: HTMLElement): HTMLElement | null => one(root, SEL.wells);

/**
 * One recipient's address from its shown text: "Name <address>" (a reopened draft) or a bare address (typed, not in
 * the directory). A directory contact shows only its name (Briskine 6dac2f41, "we no longer have access to contact
 * emails"): then an address in the item's title or aria-label, if OWA ever puts one there, else the name itself.
 */
function recipientOf(item: Element): string {
  const shown = (item.matches(SEL.itemText.css) ? item : one(item, SEL.itemText))?.textContent?.trim() ?? '';
  const text = shown || item.textContent?.trim() || '';
  const label = `${item.getAttribute('title') ?? ''} ${item.getAttribute('aria-label') ?? ''}`;
  const found = text.match(ADDRESS) ?? label.match(ADDRESS);
  return found ? found[0] : text;
}

/** The outermost matches only: a text container holding an individual text is one recipient, not two. */
const outermost = (els: HTMLElement[]): HTMLElement[] =>
  els.filter((el) => !els.some((o) => o !== el && o.contains(el)));

/** What is typed in the well but not yet made a recipient: its own text, outside every item. */
function typed(well: HTMLElement): string {
  return [...well.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent ?? '')
    .join('')
    .replace(/\u00a0/g, ' ')
    .trim();
}

function recipients(root: HTMLElement): string[] {
  const well = toWell(root);
  let found: string[];
  if (well) {
    const items = [...well.children].filter((el) => el.matches(SEL.item.css));
    found = [...items.map(recipientOf), typed(well)];
  } else {
    // A reply before focus: the summary line, whose recipients use the same text containers. Anything else in it
    // is a localised label; with no recipient read, `fillRecipient` reveals the wells and checks them itself.
    const line = one(root, SEL.collapsed);
    found = line ? outermost(all(line, SEL.itemText)).map(recipientOf) : [];
  }
  return [...new Set(found.filter((r) => r !== ''))];
}

/**
 * A reply keeps its From/To/Cc collapsed until the header gets focus: send the focusin OWA listens for and wait for
 * the wells (Briskine waits 100 ms; we look every 50 ms for up to a second), then give the body its selection back.
 */
async function reveal(root: HTMLElement): Promise<void> {
  const line = one(root, SEL.collapsed);
  if (!line || toWell(root)) return;
  const doc = root.ownerDocument;
  const selection = doc.getSelection();
  const saved = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  line.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  for (let i = 0; i < 20 && !toWell(root); i++) await wait(50);
  if (saved && doc.contains(saved.startContainer)) {
    selection?.removeAllRanges();
    selection?.addRange(saved);
  }
}

const subject = (root: HTMLElement): HTMLInputElement | null =>
  all<HTMLInputElement>(root, SEL.subject).at(-1) ?? null;

export const outlook = {
  site: 'outlook',
  hosts: [
    'outlook.office.com',
    'outlook.office365.com',
    'outlook.live.com',
    'outlook.office365.us',
    'outlook.cloud.microsoft',
  ],
  selectors: SEL,
  markers: MARKERS,
  composes(doc) {
    const roots = all(doc, SEL.body)
      .map(rootOf)
      .filter((root): root is HTMLElement => root !== null);
    return [...new Set(roots)];
  },
  composeKey(root) {
    if (root.matches(SEL.docking.css)) return root.id;
    return one(root, SEL.editorParent)?.id ?? null;
  },
  body: (root) => all(root, SEL.body).find((body) => rootOf(body) === root) ?? null,
  subject,
  recipients,
  isReply: (root, body) => !visible(subject(root)) || one(body, SEL.quote) !== null,
  // Both engines type the same way: execCommand('insertText') is trusted editing in Firefox too.
  async fillRecipient(root, address, _engine) {
    await reveal(root);
    const well = toWell(root);
    // Briskine checks the field first too: a reply revealed with its recipient already there is left alone.
    if (!well || recipients(root).length > 0) return;
    // The comma makes OWA's picker resolve the typed text into a recipient item inside the well (Briskine #568, #607).
    typeText(well, address);
    typeText(well, ',');
  },
  // RoosterJS runs its own paste pipeline (sanitiser, undo snapshot): paste first. Firefox skips it (generic code).
  techniques: ['paste', 'execCommand', 'range'],
} satisfies WebmailAdapter;
