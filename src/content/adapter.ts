/**
 * The shape every webmail adapter has (docs/architecture.md, "Layers"): one file per site, one object that `satisfies
 * WebmailAdapter`, listed in `index.ts`. Adapters only locate things; `composes.ts` in this folder does the filling
 * and `insert.ts` the body techniques, so a site file is its selectors plus the few behaviours that differ.
 * docs/webmail.md is the table of every selector, its evidence and its confidence.
 */
import type { Engine, Site } from '../messages';
import type { Technique } from './insert';

/** The editable that receives the body: a contenteditable element (possibly in a same-origin iframe) or a textarea. */
export type Editable = HTMLElement;

/**
 * How sure we are that the live site still matches: `high` for hooks the site's own tests or several independent
 * peers rely on, `medium` for one peer's or a page object's, `low` for hashed class names and inferences.
 */
export type Confidence = 'high' | 'medium' | 'low';

/** One selector of a site, as data: what it matches and the public evidence it rests on. */
export interface Selector {
  css: string;
  /** Repository and path with commit or date, "saved DOM: …", or "bug report: …". */
  source: string;
  confidence: Confidence;
  /** Matched inside the compose's editor iframe rather than the page (Proton). */
  frame?: true;
}

export interface WebmailAdapter {
  site: Site;
  /** The site's own hosts. Anywhere else the adapter runs only on a host the partner confirmed (`markers`). */
  hosts: readonly string[];
  /** Paths of those hosts that are another app, not this adapter's (Gmail's /mail/mu/ mobile UI). */
  excludes?: RegExp;
  /** Every selector the adapter uses, by name: walked by tests/content/selectors.test.ts and the diagnostic report. */
  selectors: Readonly<Record<string, Selector>>;
  /** Page markers that reveal the site on a custom domain (self-hosted Outlook); offered, never trusted, elsewhere. */
  markers?: Selector;
  /** Every real compose root in the page, in document order (minimised ones too: `composes.ts` filters on `body`). */
  composes(doc: Document): HTMLElement[];
  /** A stable id the site itself gives this compose window, when it has one. */
  composeKey?(root: HTMLElement): string | null;
  /** The body editable of a compose, or null while it is not rendered (a minimised compose keeps it hidden). */
  body(root: HTMLElement): Editable | null;
  /** The subject input, or null when this compose has none (an inline reply). */
  subject(root: HTMLElement): HTMLInputElement | null;
  /** Addresses already in the To field, once each (chips and anything typed but not yet a chip). */
  recipients(root: HTMLElement): string[];
  /** A reply or forward: its subject is never touched (docs/webmail.md, "Rules every site keeps"). */
  isReply(root: HTMLElement, body: Editable): boolean;
  /** Puts one address into the empty To field so that the webmail makes a chip of it; resolves when done. */
  fillRecipient(root: HTMLElement, address: string, engine: Engine): Promise<void>;
  /** Body techniques, tried in this order (`insert.ts`); a paste is skipped in Firefox. */
  techniques: readonly Technique[];
  /** Tells the site's editor what it did not see for itself after a technique landed (Proton: undo history). */
  afterInsert?(body: Editable, method: string): void;
}

/** The first element in `root` matching a selector entry. */
export function one<T extends Element = HTMLElement>(root: ParentNode, selector: Selector): T | null {
  return root.querySelector<T>(selector.css);
}

/** Every element in `root` matching a selector entry. */
export function all<T extends Element = HTMLElement>(root: ParentNode, selector: Selector): T[] {
  return [...root.querySelectorAll<T>(selector.css)];
}
