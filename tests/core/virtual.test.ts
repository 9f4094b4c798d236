import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrollTopFor, visibleWindow } from '../../src/core/virtual';

const view = { scrollTop: 0, viewportHeight: 400, rowHeight: 40, count: 10_000 };

describe('visibleWindow', () => {
  it('renders the rows in view plus the overscan, at the top', () => {
    expect(visibleWindow(view, 5)).toEqual({ start: 0, end: 15, offset: 0, totalHeight: 400_000 });
  });

  it('renders a window in the middle with its spacer', () => {
    const w = visibleWindow({ ...view, scrollTop: 200_020 }, 5);
    expect(w).toEqual({ start: 4995, end: 5016, offset: 4995 * 40, totalHeight: 400_000 });
  });

  it('clamps a scroll past the end (the list shrank under a filter) to the last screenful', () => {
    const w = visibleWindow({ ...view, count: 12, scrollTop: 300_000 }, 2);
    expect(w.end).toBe(12);
    expect(w.start).toBe(0);
    expect(w.totalHeight).toBe(480);
  });

  it('handles an empty list and a zero height', () => {
    expect(visibleWindow({ ...view, count: 0 })).toEqual({ start: 0, end: 0, offset: 0, totalHeight: 0 });
    expect(visibleWindow({ ...view, viewportHeight: 0 }, 0)).toEqual({
      start: 0,
      end: 0,
      offset: 0,
      totalHeight: 400_000,
    });
  });

  it('always covers the viewport and never renders more than it plus the overscan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 0, max: 900_000 }),
        fc.integer({ min: 0, max: 10 }),
        (count, height, scrollTop, overscan) => {
          const w = visibleWindow({ scrollTop, viewportHeight: height, rowHeight: 40, count }, overscan);
          const top = Math.min(scrollTop, Math.max(0, count * 40 - height));
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeLessThanOrEqual(count);
          expect(w.start * 40).toBeLessThanOrEqual(top);
          expect(Math.min(count * 40, w.end * 40)).toBeGreaterThanOrEqual(Math.min(count * 40, top + height));
          expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(height / 40) + 1 + 2 * overscan);
        },
      ),
    );
  });
});

describe('scrollTopFor', () => {
  it('does not move when the row is visible', () => {
    expect(scrollTopFor(3, view)).toBe(0);
  });
  it('scrolls down just enough to show a row below', () => {
    expect(scrollTopFor(10, view)).toBe(40);
  });
  it('scrolls up to a row above', () => {
    expect(scrollTopFor(2, { ...view, scrollTop: 400 })).toBe(80);
  });
  it('clamps the index', () => {
    expect(scrollTopFor(99_999, view)).toBe(400_000 - 400);
    expect(scrollTopFor(-1, { ...view, scrollTop: 80 })).toBe(0);
    expect(scrollTopFor(0, { ...view, count: 0 })).toBe(0);
  });
});
