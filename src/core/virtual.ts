/**
 * Windowing math for long lists with a fixed row height (the options page's customers table at 10,000 rows):
 * only the rows in view, plus a few either side, are in the DOM; spacers stand for the rest. Pure.
 */

export interface Viewport {
  /** Pixels scrolled from the top of the list. */
  scrollTop: number;
  /** Visible height of the scrolling box. */
  viewportHeight: number;
  rowHeight: number;
  count: number;
}

export interface VisibleWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Height of the spacer above the first rendered row. */
  offset: number;
  /** Height of every row together: the scrollable height. */
  totalHeight: number;
}

/**
 * The rows to render: those intersecting the viewport and `overscan` more on each side, so a fast scroll shows
 * rows rather than blank space while the next frame renders. A scrollTop past the end (the list just shrank under a
 * filter) is clamped to the last screenful.
 */
export function visibleWindow(v: Viewport, overscan = 6): VisibleWindow {
  const rowHeight = v.rowHeight > 0 ? v.rowHeight : 1;
  const count = Math.max(0, Math.floor(v.count));
  const totalHeight = count * rowHeight;
  const viewport = Math.max(0, v.viewportHeight);
  const top = Math.min(Math.max(0, v.scrollTop), Math.max(0, totalHeight - viewport));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + viewport) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, last + overscan);
  return { start, end: Math.max(start, end), offset: start * rowHeight, totalHeight };
}

/**
 * The scrollTop that brings row `index` fully into view with the least movement (keyboard navigation): unchanged
 * when it is already visible, else aligned to the nearer edge.
 */
export function scrollTopFor(index: number, v: Viewport): number {
  if (v.count <= 0 || v.rowHeight <= 0) return 0;
  const i = Math.min(Math.max(0, index), v.count - 1);
  const rowTop = i * v.rowHeight;
  const rowBottom = rowTop + v.rowHeight;
  if (rowTop < v.scrollTop) return rowTop;
  if (rowBottom > v.scrollTop + v.viewportHeight) return Math.max(0, rowBottom - v.viewportHeight);
  return v.scrollTop;
}
