/**
 * The follow-up reminder settings: settings row `tracking`, value `{ followUpDays, notify }`. The options page
 * writes it; the popup (overdue count), the worker's badge and its daily reminder read it. A missing or damaged
 * value (older version, hand-edited backup) reads as the defaults, field by field, so readers never fail on it;
 * `readTrackingSettings` also says what is damaged, for the options page to show (core/tracking-settings.ts).
 */
import { definedOnly } from '../core/defined-only';
import { InvalidInputError, type Problem } from '../core/problem';
import { isPlainObject } from '../core/shape';
import {
  checkFollowUpDays,
  parseTrackingSettings,
  type TrackingSettings,
  trackingSettingsOf,
} from '../core/tracking-settings';
import type { ResellerDb } from './db';

export {
  checkFollowUpDays,
  MAX_FOLLOW_UP_DAYS,
  type TrackingSettings,
  trackingSettingsOf,
} from '../core/tracking-settings';

export const TRACKING_KEY = 'tracking';

/** The stored settings and what is wrong with them, for the options page. */
export async function readTrackingSettings(
  db: ResellerDb,
): Promise<{ settings: TrackingSettings; problems: Problem[] }> {
  const value = (await db.settings.get(TRACKING_KEY))?.value;
  const parsed = parseTrackingSettings(value);
  return { settings: trackingSettingsOf(value), problems: parsed.ok ? [] : parsed.problems };
}

export async function getTrackingSettings(db: ResellerDb): Promise<TrackingSettings> {
  return trackingSettingsOf((await db.settings.get(TRACKING_KEY))?.value);
}

/**
 * Changes some fields and keeps the others, read and written in one transaction so two pages saving different
 * fields do not undo each other. An invalid threshold throws InvalidInputError and writes nothing.
 */
export async function saveTrackingSettings(
  db: ResellerDb,
  patch: Partial<TrackingSettings>,
): Promise<TrackingSettings> {
  if (patch.followUpDays !== undefined) {
    const problems = checkFollowUpDays(patch.followUpDays);
    if (problems.length > 0) throw new InvalidInputError(problems);
  }
  return db.transaction('rw', db.settings, async () => {
    // The stored fields not patched stay as stored, even a damaged one: the options page reports it with a reset,
    // rather than this save quietly replacing it with its default.
    const stored = (await db.settings.get(TRACKING_KEY))?.value;
    const value = {
      ...trackingSettingsOf(stored),
      ...(isPlainObject(stored) ? stored : {}),
      ...definedOnly(patch),
    };
    await db.settings.put({ key: TRACKING_KEY, value });
    return trackingSettingsOf(value);
  });
}
