import type { ComponentChildren, VNode } from 'preact';
import { useWindowing } from './useWindowing';

interface Props<T> {
  label: string;
  items: readonly T[];
  /** Fixed: every row is exactly this tall (CSS must agree), which is what makes windowing exact. */
  rowHeight: number;
  /** Column widths for <colgroup> (table-layout: fixed), e.g. '36px' or 'auto'. */
  widths: readonly string[];
  /** The header row's cells (<th>). */
  head: ComponentChildren;
  /** One <tr> per item, with `data-index={index}`; its focusable controls carry a `data-col`. */
  renderRow: (item: T, index: number) => VNode;
  class?: string;
  overscan?: number;
  testId?: string;
}

/**
 * A real <table> (so screen readers announce rows and columns) whose body keeps only the rows in view, plus an
 * overscan, in the DOM: spacer rows stand for the others, aria-rowcount/aria-rowindex tell assistive technology
 * where each row sits. 10,000 rows scroll like 20. Arrow keys, Page Up/Down, Home and End move focus from row to
 * row, rendering the target first: Tab alone could never reach rows that are not in the DOM.
 */
export function VirtualTable<T>(props: Props<T>) {
  const { items, rowHeight, renderRow, overscan = 8 } = props;
  const { box, head, range: w, onScroll, onKeyDown } = useWindowing(items.length, rowHeight, overscan);
  const below = w.totalHeight - w.offset - (w.end - w.start) * rowHeight;
  const spacer = (height: number) =>
    height > 0 && (
      // biome-ignore lint/a11y/noAriaHiddenOnFocusable: Biome takes any <tr> for interactive; a spacer row has nothing to focus and stands for rows that are not rendered, so assistive technology must skip it (aria-rowindex places the real rows).
      <tr aria-hidden="true" class="spacer" style={{ height: `${height}px` }}>
        <td colSpan={props.widths.length} />
      </tr>
    );

  return (
    <div ref={box} class={`table-scroll ${props.class ?? ''}`} data-testid={props.testId} onScroll={onScroll}>
      <table aria-label={props.label} aria-rowcount={items.length + 1} onKeyDown={onKeyDown}>
        <colgroup>
          {props.widths.map((width, i) => (
            <col key={`${i}-${width}`} style={{ width }} />
          ))}
        </colgroup>
        <thead ref={head}>
          <tr aria-rowindex={1}>{props.head}</tr>
        </thead>
        <tbody>
          {spacer(w.offset)}
          {items.slice(w.start, w.end).map((item, i) => renderRow(item, w.start + i))}
          {spacer(below)}
        </tbody>
      </table>
    </div>
  );
}
