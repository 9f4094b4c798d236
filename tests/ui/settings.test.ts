import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_FOLLOW_UP_DAYS } from '../../src/core/status';
import { markAccepted, recordSend } from '../../src/db/invitations';
import { TRACKING_KEY, trackingSettingsOf } from '../../src/db/tracking-settings';
import { readGlance } from '../../src/popup/glance';

const followUpDaysOf = (value: unknown): number => trackingSettingsOf(value).followUpDays;

import { advance, DAY, ok, useDb } from '../db/support';

const ctx = useDb();

describe('follow-up threshold', () => {
  it('reads a whole number of days from 1 to 365 (as the badge does), else the default', () => {
    expect(followUpDaysOf({ followUpDays: 3 })).toBe(3);
    const invalid = [undefined, null, {}, { followUpDays: 0 }, { followUpDays: 2.5 }, { followUpDays: 400 }];
    for (const value of [...invalid, { followUpDays: '5' }, { followUpDays: Number.NaN }]) {
      expect(followUpDaysOf(value)).toBe(DEFAULT_FOLLOW_UP_DAYS);
    }
  });
});

describe('readGlance', () => {
  const send = (email: string) =>
    recordSend(ctx.db, {
      companyName: email,
      email,
      linkType: 'reseller',
      language: 'en',
      channel: 'copy',
    });

  it('counts pending, overdue by the stored threshold, and accepted in the last 30 days', async () => {
    ok(await send('a@a.example'));
    advance(10 * DAY);
    ok(await send('b@b.example'));
    const accepted = ok(await send('c@c.example'));
    ok(await markAccepted(ctx.db, accepted.invitationId));
    expect(await readGlance(ctx.db)).toEqual({
      pending: 2,
      overdue: 1,
      acceptedRecently: 1,
      followUpDays: DEFAULT_FOLLOW_UP_DAYS,
    });
    await ctx.db.settings.put({ key: TRACKING_KEY, value: { followUpDays: 12 } });
    expect(await readGlance(ctx.db)).toMatchObject({ overdue: 0, followUpDays: 12 });
    advance(31 * DAY);
    expect(await readGlance(ctx.db)).toMatchObject({ pending: 2, overdue: 2, acceptedRecently: 0 });
  });
});

describe('readGlance in a liveQuery', () => {
  it('re-runs on every write it depends on: sends, and the threshold', async () => {
    const seen: number[][] = [];
    const sub = liveQuery(() => readGlance(ctx.db)).subscribe((g) =>
      seen.push([g.pending, g.overdue, g.followUpDays]),
    );
    const last = () => seen[seen.length - 1];
    await vi.waitFor(() => expect(last()).toEqual([0, 0, DEFAULT_FOLLOW_UP_DAYS]));
    ok(await recordSend(ctx.db, { companyName: 'A', linkType: 'reseller', language: 'en', channel: 'copy' }));
    await vi.waitFor(() => expect(last()).toEqual([1, 0, DEFAULT_FOLLOW_UP_DAYS]));
    advance(3 * DAY);
    await ctx.db.settings.put({ key: TRACKING_KEY, value: { followUpDays: 2 } });
    await vi.waitFor(() => expect(last()).toEqual([1, 1, 2]));
    sub.unsubscribe();
  });
});
