import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BADGE_COLOR, badgeText, refreshBadge, serialRefresher } from '../../src/background/badge';
import { now } from '../../src/db/clock';
import { markAccepted, recordSend, setFollowUp } from '../../src/db/invitations';
import { saveTrackingSettings } from '../../src/db/tracking-settings';
import { countOverdue } from '../db/index-counts';
import { advance, DAY, ok, useDb } from '../db/support';

const ctx = useDb();

/** The badge as the browser would hold it. */
function fakeBadge() {
  const state = { text: 'unset', color: 'unset', writes: [] as string[] };
  return {
    state,
    setText: async (text: string) => {
      state.text = text;
      state.writes.push(text);
    },
    setColor: async (color: string) => {
      state.color = color;
    },
  };
}

const send = (company: string) =>
  recordSend(ctx.db, {
    companyName: company,
    email: `it@${company.toLowerCase()}.example`,
    linkType: 'reseller',
    language: 'en',
    channel: 'copy',
  }).then(ok);

describe('badgeText', () => {
  it('is empty at zero (and for nonsense), the number otherwise, capped to what a badge shows', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
    expect(badgeText(100_000)).toBe('999+');
  });

  it('uses a dark colour that white badge text reads on (contrast ≥ 4.5:1)', () => {
    const channel = (hex: string) => {
      const c = Number.parseInt(hex, 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const [r, g, b] = [1, 3, 5].map((i) => channel(BADGE_COLOR.slice(i, i + 2))) as [number, number, number];
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    expect(1.05 / (luminance + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('refreshBadge', () => {
  it('shows the pending invitations overdue by the default 7 days, and clears once accepted', async () => {
    const port = fakeBadge();
    expect(await refreshBadge(ctx.db, port)).toBe(0);
    expect(port.state).toMatchObject({ text: '', color: BADGE_COLOR });
    const alpha = await send('Alpha');
    await send('Bravo');
    advance(6 * DAY);
    expect(await refreshBadge(ctx.db, port)).toBe(0);
    advance(DAY);
    expect(await refreshBadge(ctx.db, port)).toBe(2);
    expect(port.state.text).toBe('2');
    ok(await markAccepted(ctx.db, alpha.invitationId));
    await refreshBadge(ctx.db, port);
    expect(port.state.text).toBe('1');
  });

  it('follows the threshold saved in the tracking settings', async () => {
    const port = fakeBadge();
    await send('Alpha');
    advance(8 * DAY);
    await saveTrackingSettings(ctx.db, { followUpDays: 10, notify: false });
    expect(await refreshBadge(ctx.db, port)).toBe(0);
    await saveTrackingSettings(ctx.db, { followUpDays: 3, notify: false });
    expect(await refreshBadge(ctx.db, port)).toBe(1);
    expect(port.state.text).toBe('1');
  });

  it('counts a follow-up date the partner set by that date, as the index count of the same rule does', async () => {
    const port = fakeBadge();
    await send('Alpha');
    const bravo = await send('Bravo');
    ok(await setFollowUp(ctx.db, bravo.invitationId, now() + 30 * DAY));
    advance(8 * DAY);
    expect(await refreshBadge(ctx.db, port)).toBe(1);
    expect(await countOverdue(ctx.db, 7)).toBe(1);
    advance(30 * DAY);
    expect(await refreshBadge(ctx.db, port)).toBe(2);
    expect(await countOverdue(ctx.db, 7)).toBe(2);
  });
});

describe('serialRefresher', () => {
  it('runs refreshes one at a time in call order, so the newest count is the one left showing', async () => {
    const port = fakeBadge();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached = () => {};
    const counted = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let calls = 0;
    const slow = {
      ...port,
      setText: async (text: string) => {
        if (calls++ === 0) {
          reached();
          await held;
        }
        await port.setText(text);
      },
    };
    const refresh = serialRefresher(ctx.db, slow);
    const first = refresh();
    await counted; // the first has counted (0) and is now writing, slowly
    await send('Alpha');
    advance(8 * DAY);
    const second = refresh();
    await new Promise((r) => setTimeout(r, 20));
    expect(port.state.writes).toEqual([]); // the second waits for the first
    release();
    expect(await Promise.all([first, second])).toEqual([0, 1]);
    expect(port.state.writes).toEqual(['', '1']);
  });

  it('a failed refresh does not block the next one', async () => {
    const port = fakeBadge();
    let fail = true;
    const flaky = {
      ...port,
      setText: async (text: string) => {
        if (fail) {
          fail = false;
          throw new Error('action API unavailable');
        }
        await port.setText(text);
      },
    };
    const refresh = serialRefresher(ctx.db, flaky);
    await expect(refresh()).rejects.toThrow('action API unavailable');
    expect(await refresh()).toBe(0);
    expect(port.state.text).toBe('');
  });
});
