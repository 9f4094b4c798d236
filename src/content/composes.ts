/**
 * Finding compose windows and filling one: the same for every site, with the adapter supplying the selectors.
 * No long-lived observer: everything is looked up at click time (docs/webmail.md, "How insertion works").
 */
import type { ComposeDraft, ContentInsertResult, Engine, FoundCompose, InsertTrace } from '../messages';
import type { WebmailAdapter } from './adapter';
import { fillField, visible } from './fields';
import { caretOf, insertBody } from './insert';

/**
 * Compose ids live here, in the isolated world, never in the page's DOM: a page that could read an attribute of ours
 * could detect the extension. The order stands for "opened later" (a root first seen later gets a higher one).
 */
const known = new WeakMap<HTMLElement, { id: string; order: number }>();
let seen = 0;

function identify(adapter: WebmailAdapter, root: HTMLElement): { id: string; order: number } {
  let entry = known.get(root);
  if (!entry) {
    const key = adapter.composeKey?.(root);
    entry = {
      id: key ? `k:${key}` : `${seen + 1}.${Math.random().toString(36).slice(2, 10)}`,
      order: ++seen,
    };
    known.set(root, entry);
  }
  return entry;
}

interface Live {
  root: HTMLElement;
  id: string;
  order: number;
  body: HTMLElement;
  focused: boolean;
}

/**
 * Reachable composes, the focused one first, then the most recently opened. A minimised compose hides its body
 * and is left out: inserting into a window the partner cannot see would surprise.
 */
function live(adapter: WebmailAdapter, doc: Document): Live[] {
  const active = doc.activeElement;
  const found: Live[] = [];
  for (const root of adapter.composes(doc)) {
    const { id, order } = identify(adapter, root);
    const body = adapter.body(root);
    if (!visible(body)) continue;
    // A body inside an editor iframe is focused when that iframe is the page's active element.
    const focused = active !== null && active !== doc.body && root.contains(active);
    found.push({ root, id, order, body, focused });
  }
  return found.sort((a, b) => Number(b.focused) - Number(a.focused) || b.order - a.order);
}

export function find(adapter: WebmailAdapter, doc: Document): FoundCompose[] {
  return live(adapter, doc).map(({ root, id, focused }) => ({
    composeId: id,
    site: adapter.site,
    host: doc.location.hostname,
    subject: adapter.subject(root)?.value ?? '',
    to: adapter.recipients(root),
    focused,
  }));
}

/** The last insert's trace, for the diagnostic report (`index.ts`). Content never goes in it. */
export let lastTrace: InsertTrace | null = null;

/** Recipient only into an empty To field, subject only when empty and not a reply, then the body. */
export async function insert(
  adapter: WebmailAdapter,
  doc: Document,
  draft: ComposeDraft,
  engine: Engine,
  composeId?: string,
): Promise<ContentInsertResult> {
  const all = live(adapter, doc);
  const target = composeId === undefined ? all[0] : all.find((c) => c.id === composeId);
  if (!target) return { ok: false, reason: 'no-compose' };
  const { root, body } = target;
  const trace: InsertTrace = { recipient: 'none', subject: 'none', techniques: [], inputEvents: 0 };
  lastTrace = trace;
  // Read the caret before the To field takes the focus.
  const caret = caretOf(body);
  const to = draft.to?.trim();
  if (to && adapter.recipients(root).length > 0) trace.recipient = 'kept';
  else if (to) {
    await adapter.fillRecipient(root, to, engine);
    trace.recipient = adapter.recipients(root).includes(to) ? 'filled' : 'failed';
  }
  const subject = adapter.subject(root);
  if (subject && draft.subject) {
    if (adapter.isReply(root, body)) trace.subject = 'reply';
    else if (subject.value.trim() !== '') trace.subject = 'kept';
    else {
      fillField(subject, draft.subject);
      trace.subject = 'filled';
    }
  }
  const result = await insertBody(body, draft, adapter.techniques, caret, engine, trace);
  if (result.ok) adapter.afterInsert?.(body, result.method);
  return result.ok ? result : { ok: false, reason: 'not-inserted' };
}
