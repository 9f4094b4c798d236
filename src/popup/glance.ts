/** The popup's counts, in one live query: index counts only (src/db/pending.ts), so opening stays instant. */
import { DAY } from '../core/status';
import { now } from '../db/clock';
import type { ResellerDb } from '../db/db';
import { countAcceptedSince, countOverdue, countPending } from '../db/pending';
import { TRACKING_KEY, trackingSettingsOf } from '../db/tracking-settings';

export const ACCEPTED_WINDOW_DAYS = 30;

export interface Glance {
  pending: number;
  overdue: number;
  acceptedRecently: number;
  followUpDays: number;
}

/**
 * Reads the threshold inside the same query, so changing it in the options page re-runs the counts. Every read
 * starts from this function's own awaits of Dexie promises: behind a chain of nested async helpers, liveQuery
 * lost track of the later reads (the counts stopped following writes), tests/ui/settings.test.ts guards it.
 */
export async function readGlance(db: ResellerDb): Promise<Glance> {
  const settings = db.settings.get(TRACKING_KEY);
  const pending = countPending(db);
  const acceptedRecently = countAcceptedSince(db, now() - ACCEPTED_WINDOW_DAYS * DAY);
  const { followUpDays } = trackingSettingsOf((await settings)?.value);
  const overdue = await countOverdue(db, followUpDays);
  return { pending: await pending, overdue, acceptedRecently: await acceptedRecently, followUpDays };
}
