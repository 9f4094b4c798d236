import { describe, expect, it } from 'vitest';
import {
  ALARM_PERIODS,
  DAILY_ALARM,
  dailyReminder,
  NOTIFICATION_ID,
  onAlarm,
  REFRESH_ALARM,
  type ReminderPort,
  reminderText,
  scheduleAlarms,
} from '../../src/background/alarms';
import { translator } from '../support/locale';

/** A worker with `count` overdue, the given settings and permission; records what it did. */
function fakeWorker(count: number, { notify = true, granted = true } = {}) {
  const did = { refreshed: 0, shown: [] as [string, string, string][] };
  const port: ReminderPort = {
    refresh: async () => {
      did.refreshed++;
      return count;
    },
    settings: async () => ({ followUpDays: 7, notify }),
    canNotify: async () => granted,
    show: async (id, title, message) => did.shown.push([id, title, message]),
    t: translator('en'),
  };
  return { port, did };
}

describe('scheduleAlarms', () => {
  it('creates the hourly refresh and the daily reminder, and running it again still leaves one of each', async () => {
    const alarms = new Map<string, number>();
    const port = { every: async (name: string, minutes: number) => void alarms.set(name, minutes) };
    await scheduleAlarms(port); // onInstalled
    await scheduleAlarms(port); // onStartup
    expect(Object.fromEntries(alarms)).toEqual({ [REFRESH_ALARM]: 60, [DAILY_ALARM]: 24 * 60 });
    expect(ALARM_PERIODS[REFRESH_ALARM]).toBe(60);
  });
});

describe('onAlarm', () => {
  it('the hourly alarm refreshes the badge and never notifies', async () => {
    const { port, did } = fakeWorker(3);
    await onAlarm({ name: REFRESH_ALARM }, port);
    expect(did).toEqual({ refreshed: 1, shown: [] });
  });

  it('the daily alarm refreshes and shows one reminder naming the count', async () => {
    const { port, did } = fakeWorker(3);
    await onAlarm({ name: DAILY_ALARM }, port);
    expect(did.refreshed).toBe(1);
    expect(did.shown).toEqual([[NOTIFICATION_ID, 'Reseller Invite', '3 invitations need a follow-up']]);
  });

  it('leaves alarms it does not own alone', async () => {
    const { port, did } = fakeWorker(3);
    await onAlarm({ name: 'sync-backstop' }, port);
    expect(did).toEqual({ refreshed: 0, shown: [] });
  });
});

describe('dailyReminder', () => {
  it('shows nothing when nothing is overdue, reminders are off, or the permission was taken back', async () => {
    for (const [count, options] of [
      [0, {}],
      [2, { notify: false }],
      [2, { granted: false }],
    ] as const) {
      const { port, did } = fakeWorker(count, options);
      expect(await dailyReminder(port)).toBe(false);
      expect(did.shown).toEqual([]);
      expect(did.refreshed).toBe(1);
    }
  });
});

describe('reminderText', () => {
  it('says one or many, in English and French', () => {
    expect(reminderText(1, translator('en')).message).toBe('1 invitation needs a follow-up');
    expect(reminderText(12, translator('en')).message).toBe('12 invitations need a follow-up');
    expect(reminderText(1, translator('fr')).message).toBe('1 invitation attend une relance');
    expect(reminderText(12, translator('fr'))).toEqual({
      title: 'Reseller Invite',
      message: '12 invitations attendent une relance',
    });
  });
});
