import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/problem';
import { DEFAULT_FOLLOW_UP_DAYS } from '../../src/core/status';
import {
  checkFollowUpDays,
  getTrackingSettings,
  saveTrackingSettings,
  TRACKING_KEY,
  trackingSettingsOf,
} from '../../src/db/tracking-settings';
import { rejection, useDb } from './support';

const ctx = useDb();

describe('tracking settings', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await getTrackingSettings(ctx.db)).toEqual({
      followUpDays: DEFAULT_FOLLOW_UP_DAYS,
      notify: false,
    });
  });

  it('saves one field and keeps the other', async () => {
    await saveTrackingSettings(ctx.db, { followUpDays: 14 });
    await saveTrackingSettings(ctx.db, { notify: true });
    expect(await getTrackingSettings(ctx.db)).toEqual({ followUpDays: 14, notify: true });
    expect((await ctx.db.settings.get(TRACKING_KEY))?.value).toEqual({ followUpDays: 14, notify: true });
    await saveTrackingSettings(ctx.db, { notify: false });
    expect(await getTrackingSettings(ctx.db)).toEqual({ followUpDays: 14, notify: false });
  });

  it('refuses a threshold that is not a whole number of days from 1 to 365, writing nothing', async () => {
    for (const days of [0, -3, 1.5, 366, Number.NaN]) {
      const error = await rejection(saveTrackingSettings(ctx.db, { followUpDays: days }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).problems[0]?.code).toBe('follow-up-days-range');
    }
    expect(await ctx.db.settings.get(TRACKING_KEY)).toBeUndefined();
    expect(checkFollowUpDays(1)).toEqual([]);
    expect(checkFollowUpDays(365)).toEqual([]);
  });

  it('reads a damaged stored value field by field', () => {
    expect(trackingSettingsOf(null)).toEqual({ followUpDays: DEFAULT_FOLLOW_UP_DAYS, notify: false });
    expect(trackingSettingsOf({ followUpDays: '9', notify: 'yes' })).toEqual({
      followUpDays: DEFAULT_FOLLOW_UP_DAYS,
      notify: false,
    });
    expect(trackingSettingsOf({ followUpDays: 3 })).toEqual({ followUpDays: 3, notify: false });
    expect(trackingSettingsOf({ notify: true })).toEqual({
      followUpDays: DEFAULT_FOLLOW_UP_DAYS,
      notify: true,
    });
  });
});
