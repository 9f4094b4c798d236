/**
 * Yahoo Mail (spec/webmail.md §1c): `data-test-id` hooks, which Yahoo's own tests use and so change rarely.
 * Fixtures: tests/fixtures/webmail/yahoo.
 */
import type { WebmailAdapter } from './adapter';
import { chipsAndTyped, typeAddress, visible } from './fields';
import { DEFAULT_TECHNIQUES } from './insert';

const SEL = {
  // Compose container (Yahoo page objects in public test suites). M.
  compose: '[data-test-id="compose"]',
  // Rich-text body; the plain-text mode keeps the same hook on a text-only editable. M.
  body: '[data-test-id="rte"]',
  // Subject input. M.
  subject: 'input[data-test-id="compose-subject"]',
  // To typing box, by id (the only hook public scripts agree on). L.
  toInput: '#message-to-field',
  // Recipient pills already made. M.
  pills: '[data-test-id="pill-text"]',
  // Quoted history in replies and forwards. M.
  quote: '.yahoo_quoted',
};

const subject = (root: HTMLElement): HTMLInputElement | null => root.querySelector(SEL.subject);

export const yahoo = {
  site: 'yahoo',
  detect: (doc) => doc.location.hostname === 'mail.yahoo.com',
  composes: (doc) => [...doc.querySelectorAll<HTMLElement>(SEL.compose)],
  body: (root) => root.querySelector<HTMLElement>(SEL.body),
  subject,
  recipients: (root) => chipsAndTyped(root, SEL.pills, SEL.toInput),
  isReply: (root, body) => !visible(subject(root)) || body.querySelector(SEL.quote) !== null,
  fillRecipient: async (root, address) => typeAddress(root, SEL.toInput, address),
  // A plain contenteditable as far as is known: the default chain.
  techniques: DEFAULT_TECHNIQUES,
} satisfies WebmailAdapter;
