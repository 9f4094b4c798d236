import { describe, expect, it } from 'vitest';
import { funnel, timeToAccept } from '../../src/core/charts';
import type { Invitation } from '../../src/core/status';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 6);
type Inv = Pick<Invitation, 'status' | 'sentAt' | 'firstSentAt' | 'acceptedAt'>;

function sent(status: Invitation['status'], acceptedAfterDays?: number): Inv {
  const inv: Inv = { status, sentAt: [T0], firstSentAt: T0 };
  if (acceptedAfterDays !== undefined) inv.acceptedAt = T0 + acceptedAfterDays * DAY + 3_600_000;
  return inv;
}
const fromExport = (status: Invitation['status']): Inv => ({
  status,
  sentAt: [],
  firstSentAt: 0,
  acceptedAt: T0,
});

describe('funnel', () => {
  it('counts each stage inside the one before, export-only acceptances apart', () => {
    const counts = funnel([
      sent('pending'),
      sent('pending'),
      sent('withdrawn'),
      sent('accepted', 2),
      sent('removed', 5),
      fromExport('accepted'),
      fromExport('removed'),
    ]);
    expect(counts).toEqual({
      invited: 5,
      accepted: 2,
      removed: 1,
      pending: 2,
      withdrawn: 1,
      acceptedWithoutInvitation: 2,
    });
  });

  it('is all zeros for nothing', () => {
    expect(funnel([]).invited).toBe(0);
  });
});

describe('timeToAccept', () => {
  it('buckets whole days from first send to acceptance, with the median', () => {
    const r = timeToAccept([
      sent('accepted', 0),
      sent('accepted', 0),
      sent('accepted', 2),
      sent('removed', 8),
      sent('accepted', 45),
      sent('accepted', 400),
      sent('pending'),
      fromExport('accepted'),
    ]);
    expect(r.total).toBe(6);
    expect(r.buckets.map((b) => b.count)).toEqual([2, 1, 0, 1, 0, 1, 1]);
    expect(r.medianDays).toBe(5);
  });

  it('has no median without data', () => {
    const r = timeToAccept([sent('pending')]);
    expect(r.total).toBe(0);
    expect(r.medianDays).toBeUndefined();
    expect(r.buckets.every((b) => b.count === 0)).toBe(true);
  });
});
