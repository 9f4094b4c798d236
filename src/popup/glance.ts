/** The popup's counts, in one live query: a few bucket rows (src/db/counts.ts), so opening stays instant at any size. */
import { DAY } from '../core/invitation';
import { now } from '../db/clock';
import { readCounts } from '../db/counts';
import type { ResellerDb } from '../db/db';
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
  const at = now();
  const { followUpDays } = trackingSettingsOf((await db.settings.get(TRACKING_KEY))?.value);
  const counts = await readCounts(db, at, followUpDays, at - ACCEPTED_WINDOW_DAYS * DAY);
  return {
    pending: counts.pending,
    overdue: counts.overdue,
    acceptedRecently: counts.acceptedSince,
    followUpDays,
  };
}
