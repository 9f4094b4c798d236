/**
 * Gmail (spec/webmail.md §1a). Structural hooks only (`name=`, `g_editable`, `role`, `data-hovercard-id`): the
 * aria-labels are localised ("Message Body", « Corps du message », „Nachrichtentext“). Fixtures: tests/fixtures/webmail/gmail.
 */
import type { WebmailAdapter } from './adapter';
import { pasteText, setValue, texts, visible, wait } from './fields';

const SEL = {
  // Compose root, both the popup "mole" and the inline reply (gmail.js api.dom.composes; InboxSDK). H.
  compose: 'div.M9',
  // Body: InboxSDK's hook first, then gmail.js's generic contenteditable (it skips the old #subject). H.
  body: '[g_editable="true"], div[contenteditable]:not([id="subject"])',
  // Subject input; an inline reply keeps one but hidden (gmail.js, InboxSDK setSubject, Briskine). H.
  subject: 'input[name="subjectbox"]',
  // To row's typing box in the PeopleKit recipient UI (InboxSDK set-recipients.ts). H.
  toInput: 'div[name="to"] input[role="combobox"], div[name="to"] input',
  // Chips already in the To row: the address is in data-hovercard-id (gmail.js recipients()). H.
  toChips: 'div[name="to"] [data-hovercard-id]',
  // Quoted history of a reply or forward (gmail_quote is what Gmail sends). H.
  quote: '.gmail_quote',
};

/** A fresh compose resets PeopleKit once just after opening: check again after this long (InboxSDK). */
const RECHECK_MS = 100;

const subject = (root: HTMLElement): HTMLInputElement | null => root.querySelector(SEL.subject);

function recipients(root: HTMLElement): string[] {
  const typed = root.querySelector<HTMLInputElement>(SEL.toInput)?.value.trim();
  return [...texts(root, SEL.toChips, 'data-hovercard-id'), ...(typed ? [typed] : [])];
}

export const gmail = {
  site: 'gmail',
  // The /mail/mu/ mobile UI is a different app with none of these hooks (Briskine skips it too).
  detect: (doc) =>
    doc.location.hostname === 'mail.google.com' && !/^\/mail\/mu\//.test(doc.location.pathname),
  composes: (doc) => [...doc.querySelectorAll<HTMLElement>(SEL.compose)],
  body: (root) => root.querySelector<HTMLElement>(SEL.body),
  subject,
  recipients,
  // Briskine sets the subject only when it is visible, "so we don't break threads when replying".
  isReply: (root, body) => !visible(subject(root)) || body.querySelector(SEL.quote) !== null,
  async fillRecipient(root, address) {
    const input = root.querySelector<HTMLInputElement>(SEL.toInput);
    if (!input) return;
    for (let attempt = 0; attempt < 2 && !recipients(root).includes(address); attempt++) {
      pasteText(input, address);
      await wait(RECHECK_MS);
    }
    // Firefox delivers an isolated-world paste to the page with empty data (spec §2): type it and leave the box,
    // which PeopleKit also turns into a chip (gmail.js, Briskine).
    if (!recipients(root).includes(address)) {
      setValue(input, address);
      input.blur();
    }
  },
  // execCommand first: native undo, and Gmail sees a trusted input event (spec §0.3; toolchain.md).
  techniques: ['execCommand', 'paste', 'range'],
} satisfies WebmailAdapter;
