/**
 * Finding compose windows and filling one: the same for every site, with the adapter supplying the selectors.
 * No long-lived observer: everything is looked up at click time (spec/webmail.md §2, "Compose-window detection").
 */
import type { ComposeDraft, InsertFailure, Site } from '../messages';
import type { WebmailAdapter } from './adapter';
import { setValue, visible } from './fields';
import { caretOf, insertBody } from './insert';

/** Stamped on a compose root the first time we see it: `<order>.<random>`, so its id lasts as long as the window. */
const ID = 'data-reseller-invite';

export interface FoundCompose {
  composeId: string;
  site: Site;
  subject: string;
  to: string[];
  focused: boolean;
}

export type ContentInsertResult = { ok: true; method: string } | { ok: false; reason: InsertFailure };

interface Live {
  root: HTMLElement;
  id: string;
  order: number;
  body: HTMLElement;
  focused: boolean;
}

const orderOf = (id: string): number => Number.parseInt(id, 10) || 0;

/** Gives every compose root an id; a root seen later gets a higher order, which stands for "opened later". */
function stamp(roots: HTMLElement[]): string[] {
  let next = Math.max(0, ...roots.map((root) => orderOf(root.getAttribute(ID) ?? '')));
  return roots.map((root) => {
    const known = root.getAttribute(ID);
    if (known) return known;
    const id = `${++next}.${Math.random().toString(36).slice(2, 10)}`;
    root.setAttribute(ID, id);
    return id;
  });
}

/**
 * Reachable composes, the focused one first, then the most recently opened. A minimised compose hides its body
 * and is left out: inserting into a window the partner cannot see would surprise (spec/webmail.md §7.7).
 */
function live(adapter: WebmailAdapter, doc: Document): Live[] {
  const roots = adapter.composes(doc);
  const ids = stamp(roots);
  const active = doc.activeElement;
  const found: Live[] = [];
  roots.forEach((root, i) => {
    const body = adapter.body(root);
    const id = ids[i] ?? '';
    if (!visible(body)) return;
    const focused = active !== null && active !== doc.body && root.contains(active);
    found.push({ root, id, order: orderOf(id), body, focused });
  });
  return found.sort((a, b) => Number(b.focused) - Number(a.focused) || b.order - a.order);
}

export function find(adapter: WebmailAdapter, doc: Document): FoundCompose[] {
  return live(adapter, doc).map(({ root, id, focused }) => ({
    composeId: id,
    site: adapter.site,
    subject: adapter.subject(root)?.value ?? '',
    to: adapter.recipients(root),
    focused,
  }));
}

/** Recipient only into an empty To field, subject only when empty and not a reply, then the body. */
export async function insert(
  adapter: WebmailAdapter,
  doc: Document,
  draft: ComposeDraft,
  composeId?: string,
): Promise<ContentInsertResult> {
  const all = live(adapter, doc);
  const target = composeId === undefined ? all[0] : all.find((c) => c.id === composeId);
  if (!target) return { ok: false, reason: 'no-compose' };
  const { root, body } = target;
  // Read the caret before the To field takes the focus.
  const caret = caretOf(body);
  const to = draft.to?.trim();
  if (to && adapter.recipients(root).length === 0) await adapter.fillRecipient(root, to);
  const subject = adapter.subject(root);
  if (subject && subject.value.trim() === '' && draft.subject && !adapter.isReply(root, body)) {
    setValue(subject, draft.subject);
  }
  const result = await insertBody(body, draft, adapter.techniques, caret);
  return result.ok ? result : { ok: false, reason: 'not-inserted' };
}
