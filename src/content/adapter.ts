/**
 * The shape every webmail adapter has (DESIGN.md, style 2): one file per site, one object that `satisfies
 * WebmailAdapter`, listed in `index.ts`. Adapters only locate things; `compose.ts` in this folder does the filling and
 * `insert.ts` the body techniques, so a site file is its selectors plus the few behaviours that differ.
 */
import type { Site } from '../messages';
import type { Technique } from './insert';

/** The editable that receives the body: a contenteditable element (possibly in a same-origin iframe) or a textarea. */
export type Editable = HTMLElement;

export interface WebmailAdapter {
  site: Site;
  /** Whether this page is that webmail: by hostname, or by markers for self-hosted/custom-domain installs. */
  detect(doc: Document): boolean;
  /** Every compose root in the page, in document order (minimised ones too: `index.ts` filters on `body`). */
  composes(doc: Document): HTMLElement[];
  /** The body editable of a compose, or null while it is not rendered (a minimised compose keeps it hidden). */
  body(root: HTMLElement): Editable | null;
  /** The subject input, or null when this compose has none (an inline reply). */
  subject(root: HTMLElement): HTMLInputElement | null;
  /** Addresses already in the To field (chips and anything typed but not yet a chip). */
  recipients(root: HTMLElement): string[];
  /** A reply or forward: its subject is never touched (it would break threading, spec/webmail.md §7.8). */
  isReply(root: HTMLElement, body: Editable): boolean;
  /** Puts one address into the empty To field so that the webmail makes a chip of it; resolves when done. */
  fillRecipient(root: HTMLElement, address: string): Promise<void>;
  /** Body techniques, tried in this order (spec/webmail.md §2). */
  techniques: readonly Technique[];
}
