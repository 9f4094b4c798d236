/**
 * The worker's timers: an hourly badge recount (an invitation becomes overdue by the clock alone, with no page
 * writing anything) and the optional daily desktop reminder. Browser APIs arrive through ports that index.ts builds
 * from platform, so the decisions here run in Node tests with plain objects.
 */
import { counted } from '../core/plural';
import type { TrackingSettings } from '../db/tracking-settings';

export const REFRESH_ALARM = 'refresh';
export const DAILY_ALARM = 'daily';

/** Minutes between firings. Chromium fires alarms at most once a minute; an hour keeps the badge close enough. */
export const ALARM_PERIODS: Readonly<Record<string, number>> = {
  [REFRESH_ALARM]: 60,
  [DAILY_ALARM]: 24 * 60,
};

/** One id: a new reminder replaces the previous one instead of stacking in the notification centre. */
export const NOTIFICATION_ID = 'overdue-follow-ups';

/** Where a click on the reminder leads: the options page's customers table. */
export const CUSTOMERS_PAGE = 'src/options/index.html#customers';

export interface AlarmPort {
  every(name: string, periodInMinutes: number): Promise<void>;
}

export interface ReminderPort {
  /** Recounts and shows the badge; resolves with the overdue count. */
  refresh(): Promise<number>;
  settings(): Promise<TrackingSettings>;
  /** Whether the optional `notifications` permission is granted now (the partner may have revoked it). */
  canNotify(): Promise<boolean>;
  show(id: string, title: string, message: string): Promise<unknown>;
  t(key: string, substitutions?: string | string[]): string;
}

/**
 * Creates both alarms. Run on install/update (alarms may not survive an update) and on browser start (nor always
 * a restart); creating an alarm under an existing name replaces it, so running this twice leaves one of each.
 */
export async function scheduleAlarms(port: AlarmPort): Promise<void> {
  await Promise.all(Object.entries(ALARM_PERIODS).map(([name, minutes]) => port.every(name, minutes)));
}

/** The reminder's text, the count worded by the plural rule of the strings' language. */
export function reminderText(count: number, t: ReminderPort['t']): { title: string; message: string } {
  return { title: t('extName'), message: counted(t, 'reminderOverdue', count) };
}

/**
 * The daily reminder: shown only when something is overdue, the partner turned reminders on, and the permission is
 * still granted. Resolves with whether it was shown. The badge is refreshed on the way, with the same count.
 */
export async function dailyReminder(port: ReminderPort): Promise<boolean> {
  const count = await port.refresh();
  if (count === 0) return false;
  const { notify } = await port.settings();
  if (!notify || !(await port.canNotify())) return false;
  const { title, message } = reminderText(count, port.t);
  await port.show(NOTIFICATION_ID, title, message);
  return true;
}

/** What each alarm does; an alarm of another name (a later version's, the sync backstop) is not ours. */
export async function onAlarm(alarm: { name: string }, port: ReminderPort): Promise<void> {
  if (alarm.name === REFRESH_ALARM) await port.refresh();
  else if (alarm.name === DAILY_ALARM) await dailyReminder(port);
}
