/**
 * Proton Mail (spec/webmail.md §1c). The editable lives in a srcless, same-origin iframe sandboxed without scripts;
 * RoosterJS runs in the parent page and listens on the nodes inside it, so the top frame reaches the body through
 * `iframe.contentDocument` and pastes there. Fixtures: tests/fixtures/webmail/proton (the real RoosterJS editor).
 */
import type { Selector, WebmailAdapter } from './adapter';
import { chipsAndTyped, typeAddress, visible } from './fields';

const SEL = {
  // Composer container (ProtonMail/WebClients ComposerMeta; spec §1c). M.
  compose: 'section.composer, [data-testid="composer"]',
  // The editor frame (RoosterEditor.tsx). M.
  frame: 'iframe[data-testid="rooster-iframe"]',
  // Inside the frame: RoosterJS's contenteditable root. M.
  editable: '[contenteditable="true"]',
  // Plain-text mode swaps the frame for a textarea (WebClients plainTextArea). L.
  plain: 'textarea',
  subject: 'input[data-testid="composer:subject"]',
  // The To input carries the test id itself or sits inside an element that does (id "to-composer-…"). M.
  toInput: 'input[data-testid="composer:to"], [data-testid="composer:to"] input',
  // Recipients already added, as items of the address list. L.
  chips: '[data-testid^="composer-addresses-item"]',
  // Quoted history (Proton's own class on the quote it builds). M.
  quote: '.protonmail_quote',
};

function frameBody(root: HTMLElement): HTMLElement | null {
  const frame = root.querySelector<HTMLIFrameElement>(SEL.frame);
  const doc = frame?.contentDocument;
  if (!doc || !visible(frame)) return null;
  return doc.querySelector<HTMLElement>(SEL.editable) ?? (doc.body?.isContentEditable ? doc.body : null);
}

const subject = (root: HTMLElement): HTMLInputElement | null => root.querySelector(SEL.subject);

export const proton = {
  site: 'proton',
  hosts: ['mail.proton.me'],
  selectors: Object.fromEntries(
    Object.entries(SEL).map(([name, css]) => [
      name,
      { css, source: 'unverified (being rebuilt)', confidence: 'low' },
    ]),
  ) as Record<string, Selector>,
  composes: (doc) => [...doc.querySelectorAll<HTMLElement>(SEL.compose)],
  body: (root) => frameBody(root) ?? root.querySelector<HTMLElement>(SEL.plain),
  subject,
  recipients: (root) => chipsAndTyped(root, SEL.chips, SEL.toInput),
  isReply: (root, body) => !visible(subject(root)) || body.querySelector(SEL.quote) !== null,
  fillRecipient: async (root, address) => typeAddress(root, SEL.toInput, address),
  // RoosterJS in the parent page handles the paste; without input it never updates its model (Proton's comment).
  techniques: ['paste', 'execCommand', 'range'],
} satisfies WebmailAdapter;
