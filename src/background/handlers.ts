import { db } from '../db/db';
import type { Handlers } from '../messages';
import { badge } from '../platform';
import { serialRefresher } from './badge';
import { findComposes, insertDraft } from './compose';

/** The worker's one badge refresher: every caller (message, start-up, alarm) queues on it, so counts land in order. */
export const refreshBadgeNow = serialRefresher(db, badge);

/** One handler per message type of the protocol; `satisfies` makes a missing or mistyped one a compile error. */
export const handlers = {
  // A page wrote to Dexie, which the worker cannot observe: recount the badge now. The page's write is done and
  // kept whatever happens here, so a failed recount is logged, not returned as the page's failure.
  'data.changed': async () => {
    await refreshBadgeNow().catch((error: unknown) => console.error('Badge refresh failed', error));
    return { ok: true } as const;
  },
  'compose.find': () => findComposes(),
  'compose.insert': ({ target, draft }) => insertDraft(target, draft),
} satisfies Handlers;
