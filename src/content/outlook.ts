/**
 * Outlook on the web (spec/webmail.md §1b): React with hashed CSS-in-JS class names, so only roles, ARIA structure
 * and data-app-section are used, never a class or a label. The body is RoosterJS, which handles a paste event itself.
 * Fixtures: tests/fixtures/webmail/outlook (the real RoosterJS editor).
 */
import type { WebmailAdapter } from './adapter';
import { texts, typeText, visible } from './fields';

/** Every Microsoft host of Outlook on the web, `outlook.cloud.microsoft` included (spec §0.6). */
const HOSTS = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.office365.us',
  'outlook.cloud.microsoft',
];

const SEL = {
  // Self-hosted or custom-domain OWA, and pop-out frames, give themselves away by these (Briskine outlook.js). H.
  markers:
    'head [href*="cdn.office.net"], meta[content*="owamail"], link[href*="/owamail/"], script[src*="/owamail/"]',
  // The body is the one multi-line editable: language-agnostic, unlike "Message body" / "Nachrichtentext". M.
  body: '[contenteditable="true"][aria-multiline="true"], [contenteditable="plaintext-only"][aria-multiline="true"]',
  // The compose container around it: the pop-out compose form, a dialog, else the reading pane (Briskine). M.
  container: '[data-app-section="Form_Content"], [role="dialog"], [role="main"]',
  // Recipient wells are the single-line editables, in order To, Cc, Bcc (Briskine). M.
  wells: '[contenteditable="true"]:not([aria-multiline="true"])',
  // Resolved recipients in a well's row (Briskine reads the same two class prefixes). L: hashed suffixes.
  chips: '[class*="textContainer-"], [class*="individualText-"]',
  // Subject: the last free-text input of the form (Briskine PRs #381/#434/#568); no localised placeholder. M.
  subject: 'input[type="text"][autocomplete="off"]',
  // OWA's own markers of the quoted message in a reply or forward body. M.
  quote: '#divRplyFwdMsg, #appendonsend',
};

function toWell(root: HTMLElement): HTMLElement | null {
  return root.querySelector<HTMLElement>(SEL.wells);
}

const subject = (root: HTMLElement): HTMLInputElement | null =>
  [...root.querySelectorAll<HTMLInputElement>(SEL.subject)].at(-1) ?? null;

export const outlook = {
  site: 'outlook',
  detect: (doc) => HOSTS.includes(doc.location.hostname) || doc.querySelector(SEL.markers) !== null,
  composes(doc) {
    const roots = [...doc.querySelectorAll<HTMLElement>(SEL.body)].map(
      (body) => body.closest<HTMLElement>(SEL.container) ?? body.parentElement ?? body,
    );
    return [...new Set(roots)];
  },
  body: (root) => root.querySelector<HTMLElement>(SEL.body),
  subject,
  recipients(root) {
    const well = toWell(root);
    if (!well) return [];
    const typed = well.textContent?.trim();
    return [...texts(well.parentElement ?? well, SEL.chips), ...(typed ? [typed] : [])];
  },
  isReply: (root, body) => !visible(subject(root)) || body.querySelector(SEL.quote) !== null,
  async fillRecipient(root, address) {
    const well = toWell(root);
    if (!well) return;
    // The comma makes the picker resolve the typed text into a recipient (Briskine outlook.js).
    typeText(well, address);
    typeText(well, ',');
  },
  // RoosterJS runs its own paste pipeline (sanitiser, undo snapshot): paste first (spec §0.3).
  techniques: ['paste', 'execCommand', 'range'],
} satisfies WebmailAdapter;
