import { useEffect, useRef, useState } from 'preact/hooks';
import { scrollTopFor, visibleWindow } from '../../core/virtual';

const KEYS: Record<string, (i: number, page: number, last: number) => number> = {
  ArrowDown: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  PageDown: (i, page) => i + page,
  PageUp: (i, page) => i - page,
  Home: () => 0,
  End: (_i, _p, last) => last,
};

/**
 * The state behind a windowed table: the scroll box's size (kept up to date by a ResizeObserver), its scroll
 * position, the rows to render, and keyboard moves between rows. A move scrolls first, then focuses the control
 * of the same column (`data-col`) in the target row (`data-index`) once that row is rendered.
 */
export function useWindowing(count: number, rowHeight: number, overscan: number) {
  const box = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({ height: 600, header: 40 });
  const [focus, setFocus] = useState<{ index: number; col: string } | undefined>(undefined);

  // Measured when the observer first reports the box, after the browser has laid it out and before that frame
  // paints: reading sizes in a layout effect would force a layout of the whole page before the first rows show.
  // Until then the rows follow the default size, the box's largest (`.ctable` in options.css).
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const height = el.clientHeight;
      const header = head.current?.offsetHeight ?? 0;
      setSize((was) => (was.height === height && was.header === header ? was : { height, header }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (!focus) return;
    box.current
      ?.querySelector<HTMLElement>(`[data-index="${focus.index}"] [data-col="${focus.col}"]`)
      ?.focus();
    setFocus(undefined);
  }, [focus]);

  // The sticky header covers the top of the box: rows are visible below it.
  const view = { scrollTop, viewportHeight: size.height - size.header, rowHeight, count };
  const range = visibleWindow(view, overscan);
  const onKeyDown = (e: KeyboardEvent) => {
    const move = KEYS[e.key];
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-index]');
    const col = target.dataset.col;
    if (!move || !row || col === undefined || e.altKey) return;
    const page = Math.max(1, Math.floor(view.viewportHeight / rowHeight) - 1);
    const index = Math.min(count - 1, Math.max(0, move(Number(row.dataset.index), page, count - 1)));
    e.preventDefault();
    const top = scrollTopFor(index, view);
    if (box.current && top !== scrollTop) box.current.scrollTop = top;
    setScrollTop(top);
    setFocus({ index, col });
  };
  const onScroll = (e: Event) => setScrollTop((e.currentTarget as HTMLElement).scrollTop);
  return { box, head, range, onScroll, onKeyDown };
}
