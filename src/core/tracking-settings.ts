/**
 * The one owner of the follow-up reminder settings (settings row `tracking`, value `{ followUpDays, notify }`).
 * Readers that must always get a value (the worker's badge and reminder) read each damaged field as its default;
 * the options page shows the same damage as problems, so it is never silently replaced and saved over.
 */
import { DEFAULT_FOLLOW_UP_DAYS } from './invitation';
import type { Parsed, Problem } from './problem';
import { bool, isPlainObject, parseObject, type Rule, type Shape } from './shape';

/** A year: past that a "follow-up" reminder means nothing, and a typo (700 for 7) is caught. */
export const MAX_FOLLOW_UP_DAYS = 365;

export interface TrackingSettings {
  /** Days after the last send when a pending invitation is due for a follow-up (badge, popup, reminder). */
  followUpDays: number;
  /** Daily desktop notification of overdue follow-ups; only true once the `notifications` permission was granted. */
  notify: boolean;
}

export const DEFAULT_TRACKING: Readonly<TrackingSettings> = {
  followUpDays: DEFAULT_FOLLOW_UP_DAYS,
  notify: false,
};

/** Everything wrong with a threshold: a whole number of days from 1 to MAX_FOLLOW_UP_DAYS. */
export function checkFollowUpDays(days: number): Problem[] {
  if (Number.isInteger(days) && days >= 1 && days <= MAX_FOLLOW_UP_DAYS) return [];
  const message = `Enter a whole number of days from 1 to ${MAX_FOLLOW_UP_DAYS}.`;
  return [{ field: 'followUpDays', code: 'follow-up-days-range', message }];
}

const days: Rule<number> = (v, field) => {
  if (v === undefined || v === null) return { ok: true, value: DEFAULT_TRACKING.followUpDays };
  const problem = typeof v === 'number' ? checkFollowUpDays(v)[0] : checkFollowUpDays(Number.NaN)[0];
  return problem ? { ok: false, problem: { ...problem, field } } : { ok: true, value: v as number };
};

const SHAPE: Shape<TrackingSettings> = { followUpDays: days, notify: bool(false) };

/** The stored settings, or what is wrong with them; absent fields are the defaults. */
export function parseTrackingSettings(
  value: unknown,
  options: { keepUnknown?: boolean } = {},
): Parsed<TrackingSettings> {
  if (value === undefined || value === null) return { ok: true, value: { ...DEFAULT_TRACKING } };
  return parseObject(value, SHAPE, { ...options, what: 'reminder settings' });
}

/** The settings in a stored value for readers that cannot stop: each field absent or invalid takes its default. */
export function trackingSettingsOf(value: unknown): TrackingSettings {
  const v = isPlainObject(value) ? value : {};
  const read = <K extends keyof TrackingSettings>(k: K): TrackingSettings[K] => {
    const r = SHAPE[k](v[k], k);
    return (r.ok ? r.value : DEFAULT_TRACKING[k]) as TrackingSettings[K];
  };
  return { followUpDays: read('followUpDays'), notify: read('notify') };
}

export type { Problem };
