/**
 * Yahoo Mail: `data-test-id` hooks, which Yahoo's own tests use and peers and page objects have relied on for years.
 * Two recipient UIs are live: the classic `/d/` one (`[data-test-id="pill"]`, the address in its `title`) and the
 * `/n/` one (`[data-test-id="y-pill"]`, text "|Name", the address in a descendant `title`). docs/webmail.md, "Yahoo
 * Mail", has each hook's evidence; fixtures: tests/fixtures/webmail/yahoo.
 */
import { all, one, type Selector, type WebmailAdapter } from './adapter';
import { setValue, typeText, visible, wait } from './fields';
import { DEFAULT_TECHNIQUES } from './insert';

const BRISKINE = 'Briskine/briskine src/content/plugins/yahoo.js @da51e93e^ (2021-10-21)';
const USERSCRIPT = 'Greasyfork userscript 526042 "React App to Yahoo Mail Sync" v1.7 (/n/ UI)';
const PARSER = 'public extension "YahooParser" (Yahoo recipients, "confirmed via live inspection")';
const PAGE_OBJECTS = 'public Selenium/WebdriverIO/Playwright page objects for mail.yahoo.com';

export const selectors = {
  compose: {
    css: '[data-test-id="compose"]',
    source: `${BRISKINE}; ${PARSER}; ${PAGE_OBJECTS}`,
    confidence: 'high',
  },
  body: {
    css: '[data-test-id="rte"]',
    source: `${PARSER}; ${USERSCRIPT}; ${PAGE_OBJECTS} ([aria-label="Message body"] inside #editor-container)`,
    confidence: 'high',
  },
  plainBody: {
    css: '#editorPlainText',
    source: `${USERSCRIPT}, body selector list (the element's tag is not known)`,
    confidence: 'low',
  },
  subject: {
    css: 'input[data-test-id="compose-subject"]',
    source: `${BRISKINE}; ${PAGE_OBJECTS}; ${USERSCRIPT}`,
    confidence: 'high',
  },
  toField: {
    css: '[data-test-id="compose-header-field-to"]',
    source: `${BRISKINE}; mozilla/email-tabs addon/set-html-email.js @b463881 (2019-04-08); ${PAGE_OBJECTS} (Playwright)`,
    confidence: 'medium',
  },
  toFieldNew: {
    css: '[class*="to-field"]',
    source: `${USERSCRIPT}: input[aria-labelledby="to"].closest('[class*="to-field"]')`,
    confidence: 'low',
  },
  toInput: {
    css: '[data-test-id="compose-header-field-to"] input[role="combobox"], #message-to-field, input[role="combobox"][aria-labelledby="to"]',
    source: `${PAGE_OBJECTS} (#message-to-field, input[aria-owns="react-typehead-list-to"]); ${USERSCRIPT} (input[aria-labelledby="to"])`,
    confidence: 'medium',
  },
  pill: {
    css: '[data-test-id="pill"]',
    source: `mozilla/email-tabs addon/set-html-email.js @b463881 (address in title); ${USERSCRIPT} ("old UI")`,
    confidence: 'medium',
  },
  yPill: {
    css: '[data-test-id="y-pill"]',
    source: `${PARSER} (text starts with "|", descendant [title] "Name <email>"); ${USERSCRIPT} ("new UI")`,
    confidence: 'medium',
  },
  quote: {
    css: '[class*="yahoo_quoted"]',
    source:
      'saved DOM: HTML sent from Yahoo Mail in public mailing-list archives (div.yahoo_quoted, ydp<hash>yahoo_quoted); ProtonMail/WebClients and other peers quote-detect div.yahoo_quoted',
    confidence: 'medium',
  },
} satisfies Record<string, Selector>;

const SEL = selectors;

/** An address inside a pill's title or text: "Name <a@b>", "|a@b" or "a@b". */
const ADDRESS = /[^\s<>()[\]"',;|]+@[^\s<>()[\]"',;|]+/;

/** The To input, whichever UI; the new one's input is found by its label when no data-test-id is left. */
const toInput = (root: HTMLElement): HTMLInputElement | null => one<HTMLInputElement>(root, SEL.toInput);

/** The To field only: Cc and Bcc pills are not recipients of the To line. */
function toField(root: HTMLElement): HTMLElement {
  const input = toInput(root);
  return (
    one(root, SEL.toField) ?? input?.closest<HTMLElement>(SEL.toFieldNew.css) ?? input?.parentElement ?? root
  );
}

/** A pill's address: the title carries it when the text is a display name (both UIs), else the text does. */
function pillAddress(pill: HTMLElement): string | null {
  const titles = [pill, ...pill.querySelectorAll<HTMLElement>('[title]')].map((el) => el.title);
  for (const text of [...titles, pill.textContent ?? '']) {
    const match = ADDRESS.exec(text);
    if (match) return match[0];
  }
  return null;
}

/** Each recipient once, with its address: a pill holds its label and title, which we must not count twice. */
function recipients(root: HTMLElement): string[] {
  const field = toField(root);
  const pills = [...all(field, SEL.yPill), ...all(field, SEL.pill)];
  const outer = pills.filter((p) => !pills.some((other) => other !== p && other.contains(p)));
  const typed = (toInput(root)?.value ?? '').split(/[,;]/).filter((part) => ADDRESS.test(part));
  const found = [...outer.map(pillAddress), ...typed.map((part) => ADDRESS.exec(part)?.[0] ?? null)];
  return [...new Set(found.filter((a): a is string => a !== null))];
}

/** Pills in the To field (what the site has committed), not text still typed in its input. */
const pillCount = (root: HTMLElement): number => {
  const field = toField(root);
  return all(field, SEL.yPill).length + all(field, SEL.pill).length;
};

/**
 * Types the address, then presses Enter: what Yahoo commits a pill on (page objects type then press Enter;
 * userscript 526042 sends keydown Enter). A value set and blurred makes no pill since Yahoo's 2019 redesign
 * (Briskine commit 190212b8, "To/CC/BCC fields are still not working after yahoo redesign").
 */
async function fillRecipient(root: HTMLElement, address: string): Promise<void> {
  const input = toInput(root);
  if (!input) return;
  const before = pillCount(root);
  // Typing through the browser's editing gives React trusted `input` events; a value write is the fallback.
  let typed = false;
  try {
    typed = typeText(input, address);
  } catch {
    // No editing command here (not a browser we ship to): the value write below still reaches React.
  }
  if (!typed || input.value.trim() !== address) setValue(input, address);
  for (const type of ['keydown', 'keypress', 'keyup']) {
    input.dispatchEvent(
      new KeyboardEvent(type, { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true }),
    );
  }
  // React may commit on its next render: give it a moment before the generic code reads the recipients back.
  for (let i = 0; i < 10 && pillCount(root) === before; i++) await wait(30);
}

function body(root: HTMLElement): HTMLElement | null {
  const rich = one(root, SEL.body);
  if (visible(rich)) return rich;
  return one(root, SEL.plainBody) ?? rich;
}

const subject = (root: HTMLElement): HTMLInputElement | null => one<HTMLInputElement>(root, SEL.subject);

export const yahoo = {
  site: 'yahoo',
  hosts: ['mail.yahoo.com'],
  selectors,
  composes: (doc) => all(doc, SEL.compose),
  body,
  subject,
  recipients,
  // A reply quotes the message it answers (div.yahoo_quoted); an inline reply may also have no subject field.
  isReply: (root, editable) => one(editable, SEL.quote) !== null || !visible(subject(root)),
  fillRecipient,
  // A plain contenteditable as far as the evidence shows (mozilla/email-tabs pasted into it): the default chain.
  techniques: DEFAULT_TECHNIQUES,
} satisfies WebmailAdapter;
