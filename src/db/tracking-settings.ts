/**
 * The follow-up reminder settings: settings row `tracking`, value `{ followUpDays, notify }`. The options page
 * writes it; the popup (overdue count), the worker's badge and its daily reminder read it. A missing or damaged
 * value (older version, hand-edited backup) reads as the defaults, field by field, so readers never fail on it.
 */
import { DEFAULT_FOLLOW_UP_DAYS } from '../core/status';
import type { Finding } from '../core/types';
import type { ResellerDb } from './db';
import { InvalidInputError } from './settings';

export const TRACKING_KEY = 'tracking';
/** A year: past that a "follow-up" reminder means nothing, and a typo (700 for 7) is caught. */
export const MAX_FOLLOW_UP_DAYS = 365;

export interface TrackingSettings {
  /** Days after the last send when a pending invitation is due for a follow-up (badge, popup, reminder). */
  followUpDays: number;
  /** Daily desktop notification of overdue follow-ups; only true once the `notifications` permission was granted. */
  notify: boolean;
}

const DEFAULT_TRACKING: Readonly<TrackingSettings> = {
  followUpDays: DEFAULT_FOLLOW_UP_DAYS,
  notify: false,
};

/** Everything wrong with a threshold: a whole number of days from 1 to MAX_FOLLOW_UP_DAYS. */
export function checkFollowUpDays(days: number): Finding[] {
  if (Number.isInteger(days) && days >= 1 && days <= MAX_FOLLOW_UP_DAYS) return [];
  const message = `Enter a whole number of days from 1 to ${MAX_FOLLOW_UP_DAYS}.`;
  return [{ field: 'followUpDays', code: 'follow-up-days-range', message }];
}

/** The settings in a stored value; each field that is absent or invalid takes its default. */
export function trackingSettingsOf(value: unknown): TrackingSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<string, unknown>>;
  const days = v.followUpDays;
  return {
    followUpDays:
      typeof days === 'number' && checkFollowUpDays(days).length === 0 ? days : DEFAULT_TRACKING.followUpDays,
    notify: v.notify === true,
  };
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
    const next = { ...(await getTrackingSettings(db)), ...definedOnly(patch) };
    await db.settings.put({ key: TRACKING_KEY, value: next });
    return next;
  });
}

function definedOnly(patch: Partial<TrackingSettings>): Partial<TrackingSettings> {
  const out: Partial<TrackingSettings> = {};
  if (patch.followUpDays !== undefined) out.followUpDays = patch.followUpDays;
  if (patch.notify !== undefined) out.notify = patch.notify;
  return out;
}
