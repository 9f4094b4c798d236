import type { Handlers } from '../messages';
import { findComposes, insertDraft } from './compose';

/** One handler per message type of the protocol; `satisfies` makes a missing or mistyped one a compile error. */
export const handlers = {
  // Badge refresh and sync scheduling hang off this message; for now acknowledging is all there is to do.
  'data.changed': async () => ({ ok: true }) as const,
  'compose.find': () => findComposes(),
  'compose.insert': ({ target, draft }) => insertDraft(target, draft),
} satisfies Handlers;
