/**
 * Gmail. Structural hooks only (`name=`, `g_editable`, `role`, `data-hovercard-id`): the aria-labels are localised
 * ("Message Body", « Corps du message », „Nachrichtentext“), and Gmail A/B-renames short class tokens (InboxSDK's
 * comments), so a class is used only where peers have relied on it for years (`M9`). docs/webmail.md, "Gmail".
 */
import { all, one, type Selector, type WebmailAdapter } from './adapter';
import { fillField, pasteText, visible, wait } from './fields';

const INBOXSDK = 'InboxSDK/InboxSDK @a8a6fe2c (2026-07-23)';
const GMAILJS = 'KartikTalwar/gmail.js src/gmail.js @b7dfdabc (2026-03-25)';
const SAVED = 'saved DOM: evan-brass/js-min examples/instantiate-performance/index.mjs @ec4d9055';

const SEL = {
  compose: {
    css: 'div.M9',
    source: `${GMAILJS} api.dom.composes; Briskine/briskine src/content/plugins/gmail.js @98b08dbe; ${SAVED}`,
    confidence: 'high',
  },
  body: {
    css: '.Ap [g_editable="true"]',
    // The same cell also holds a hidden legacy `textarea.Ak` labelled "Message Body": never the body.
    source: `${INBOXSDK} gmail-compose-view.ts getMaybeBodyElement; ${SAVED}`,
    confidence: 'high',
  },
  subject: {
    css: 'input[name="subjectbox"]',
    source: `${INBOXSDK} setSubject; ${GMAILJS} dom subjectbox; ${SAVED}`,
    confidence: 'high',
  },
  composeKey: {
    css: 'input[name="composeid"]',
    source: `${INBOXSDK} gmail-compose-view.ts; ${GMAILJS} dom composeid; ${SAVED}`,
    confidence: 'medium',
  },
  toInput: {
    css: '[name="to"] input[role="combobox"]',
    source: `${INBOXSDK} set-recipients.ts (input[role=combobox][aria-autocomplete=list] in the To listbox row); ${GMAILJS} is_peoplekit_compose`,
    confidence: 'high',
  },
  toChips: {
    css: '[name="to"] [role="option"][data-hovercard-id]',
    source: `${INBOXSDK} page-parser.ts (new UI since 2021-10); ${GMAILJS} recipients (data-hovercard-id)`,
    confidence: 'high',
  },
  recipientsSummary: {
    css: 'div.aoD.hl',
    // Collapsed To row (inline replies): focusing it opens the row (InboxSDK set-recipients.ts, Briskine gmail.js).
    source: `${INBOXSDK} set-recipients.ts; Briskine/briskine src/content/plugins/gmail.js @98b08dbe; ${SAVED}`,
    confidence: 'medium',
  },
  inlineReply: {
    css: '.ip.adB',
    source: `${INBOXSDK} gmail-message-view.ts #setupReplyStream (message .ip gets adB)`,
    confidence: 'medium',
  },
  quote: {
    css: '.gmail_quote',
    source: 'sent HTML in public list archives 2023-2025 (gmail_quote, gmail_quote_container)',
    confidence: 'high',
  },
  trimmedQuote: {
    css: '.ajR[role="button"]',
    // "Show trimmed content": a reply's quote stays outside the body until it is expanded.
    source: `${SAVED}; ${GMAILJS} quoted_reply (input[name=uet])`,
    confidence: 'medium',
  },
} satisfies Record<string, Selector>;

/** A fresh compose resets its recipients once just after opening: check again after this long (InboxSDK). */
const RECHECK_MS = 100;
const ATTEMPTS = 3;

const subject = (root: HTMLElement): HTMLInputElement | null => one(root, SEL.subject);

function recipients(root: HTMLElement): string[] {
  const chips = all(root, SEL.toChips).map((chip) => chip.getAttribute('data-hovercard-id')?.trim() ?? '');
  const typed = one<HTMLInputElement>(root, SEL.toInput)?.value.trim();
  return [...new Set([...chips, ...(typed ? [typed] : [])])].filter((a) => a !== '');
}

export const gmail = {
  site: 'gmail',
  hosts: ['mail.google.com'],
  // The /mail/mu/ mobile UI is a different app with none of these hooks (Briskine skips it too).
  excludes: /^\/mail\/mu\//,
  selectors: SEL,
  composes: (doc) => all(doc, SEL.compose),
  composeKey: (root) => one<HTMLInputElement>(root, SEL.composeKey)?.value.trim() || null,
  body: (root) => one(root, SEL.body),
  subject,
  recipients,
  // Briskine sets the subject only when it is visible, "so we don't break threads when replying"; an inline reply
  // hides it, and a reply's quote is either in the body or trimmed beside it.
  isReply: (root, body) =>
    root.closest(SEL.inlineReply.css) !== null ||
    !visible(subject(root)) ||
    one(body, SEL.quote) !== null ||
    one(root, SEL.trimmedQuote) !== null,
  async fillRecipient(root, address, engine) {
    let input = one<HTMLInputElement>(root, SEL.toInput);
    if (!visible(input)) {
      one(root, SEL.recipientsSummary)?.click();
      input = one<HTMLInputElement>(root, SEL.toInput);
    }
    if (!input) return;
    // PeopleKit makes a chip of a pasted list (InboxSDK) or of a typed address when the box is left (Briskine).
    // Firefox hands the page an isolated-world paste with empty data (Mozilla bug 1654724), so it types instead.
    // Either way a fresh compose may reset the row just after: check again, and again if it did.
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (engine === 'firefox') fillField(input, address);
      else pasteText(input, address);
      await wait(RECHECK_MS);
      if (recipients(root).includes(address)) return;
    }
  },
  // execCommand first: native undo, and Gmail sees a trusted input event.
  techniques: ['execCommand', 'paste', 'range'],
} satisfies WebmailAdapter;
