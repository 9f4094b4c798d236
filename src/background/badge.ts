/**
 * The toolbar badge: how many pending invitations are overdue for a follow-up (docs/architecture.md).
 * The worker cannot observe Dexie writes made by pages (no liveQuery in a service worker), so it recounts when a
 * page says it changed something, when the worker starts, and on the hourly alarm (alarms.ts).
 *
 * The browser is reached through a port passed in (the worker passes platform's `badge`), so this file runs in Node
 * tests with a plain object in its place.
 */
import { now } from '../db/clock';
import { readCounts } from '../db/counts';
import type { ResellerDb } from '../db/db';
import { getTrackingSettings } from '../db/tracking-settings';

/** Dark red: white badge text on it has a contrast ratio above 7:1, and it reads as "needs attention". */
export const BADGE_COLOR = '#b3261e';

/** Chromium shows about four characters on a badge; past that the number is cut, so cap it. */
const MAX_SHOWN = 999;

export interface BadgePort {
  setText(text: string): Promise<void>;
  setColor(color: string): Promise<void>;
}

/** The badge text for a count: empty at zero, so a partner with nothing to chase sees a plain icon. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > MAX_SHOWN ? `${MAX_SHOWN}+` : String(Math.floor(count));
}

/**
 * Pending invitations overdue for follow-up, with the partner's threshold (default 7 days): read from the count
 * buckets the popup's tiles read (db/counts.ts), so the badge and the popup's "overdue" never disagree, and a recount
 * costs a few small rows at 100,000 invitations where an index count walks every pending entry.
 */
async function overdueCount(db: ResellerDb): Promise<number> {
  const { followUpDays } = await getTrackingSettings(db);
  const at = now();
  return (await readCounts(db, at, followUpDays, at)).overdue;
}

/** Recounts and shows the result; returns the count it showed. */
export async function refreshBadge(db: ResellerDb, port: BadgePort): Promise<number> {
  const count = await overdueCount(db);
  await Promise.all([port.setColor(BADGE_COLOR), port.setText(badgeText(count))]);
  return count;
}

/**
 * A refresh that runs one at a time, in call order: two pages saving in quick succession must not let an older
 * count land after a newer one. A failed refresh does not block the next.
 */
export function serialRefresher(db: ResellerDb, port: BadgePort): () => Promise<number> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const run = last.then(() => refreshBadge(db, port));
    last = run.catch(() => undefined);
    return run;
  };
}
