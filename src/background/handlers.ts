import { db } from '../db/db';
import type { Handlers } from '../messages';
import { badge } from '../platform';
import { serialRefresher } from './badge';
import { diagnoseTab, findComposes, insertDraft } from './compose';
import { check, connect, connectStatus, disconnect } from './connect/service';
import { decideHeld, enableSync, notifyLocalChange, syncReport } from './sync';

/** The worker's one badge refresher: every caller (message, start-up, alarm) queues on it, so counts land in order. */
export const refreshBadgeNow = serialRefresher(db, badge);

/** After the worker itself wrote to Dexie (a Partner Center check): as for a page's write, badge and sync flush. */
export async function afterWorkerWrite(): Promise<void> {
  notifyLocalChange();
  await refreshBadgeNow().catch((error: unknown) => console.error('Badge refresh failed', error));
}

/** One handler per message type of the protocol; `satisfies` makes a missing or mistyped one a compile error. */
export const handlers = {
  // A page wrote to Dexie, which the worker cannot observe: recount the badge now. The page's write is done and
  // kept whatever happens here, so a failed recount is logged, not returned as the page's failure.
  // It also schedules a sync flush (debounced 3 s, at most 15 s: docs/sync.md, "One sync"); the middleware has already
  // stamped the write, so a lost message only delays the flush until the next reconcile.
  'data.changed': async () => {
    notifyLocalChange();
    await refreshBadgeNow().catch((error: unknown) => console.error('Badge refresh failed', error));
    return { ok: true } as const;
  },
  'sync.status': () => syncReport(),
  'sync.enable': ({ enabled }) => enableSync(enabled),
  'sync.decide': ({ keys, decision }) => decideHeld(keys, decision),
  'compose.find': () => findComposes(),
  'compose.insert': ({ target, draft }) => insertDraft(target, draft),
  'compose.diagnose': ({ tabId }) => diagnoseTab(tabId),
  'connect.status': ({ opened }) => connectStatus(afterWorkerWrite, opened === true),
  'connect.signIn': ({ clientId }) => connect(clientId, afterWorkerWrite),
  'connect.check': async () => {
    await check(afterWorkerWrite);
    return connectStatus(afterWorkerWrite);
  },
  'connect.disconnect': () => disconnect(),
} satisfies Handlers;
