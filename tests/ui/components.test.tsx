// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type TabId, Tabs } from '../../src/popup/components/Tabs';
import { UndoNotice, useNotice } from '../../src/ui/invite/UndoNotice';

// The real layer needs a browser extension; the components only need its strings.
vi.mock('../../src/platform', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(':'),
}));

const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

function TabsHarness() {
  const [tab, setTab] = useState<TabId>('invite');
  return <Tabs selected={tab} onSelect={setTab} pending={3} overdue={1} />;
}

describe('Tabs', () => {
  it('shows the counts and moves with the arrow keys, one tab stop at a time', async () => {
    const el = root();
    act(() => render(<TabsHarness />, el));
    const tabs = () => [...el.querySelectorAll('[role="tab"]')] as HTMLElement[];
    expect(tabs().map((b) => b.textContent)).toEqual(['tabInvite', 'tabPendingCount:3tabOverdue:1']);
    expect(tabs().map((b) => [b.getAttribute('aria-selected'), b.tabIndex])).toEqual([
      ['true', 0],
      ['false', -1],
    ]);
    act(() => {
      tabs()[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(tabs().map((b) => b.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(document.activeElement?.id).toBe('tab-pending');
    act(() => {
      tabs()[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(document.activeElement?.id).toBe('tab-invite');
  });
});

describe('UndoNotice', () => {
  function NoticeHarness({ undo }: { undo: () => Promise<string | undefined> }) {
    const { notice, show } = useNotice();
    return (
      <>
        <button type="button" id="go" onClick={() => show({ text: 'Recorded', undo })} />
        <UndoNotice notice={notice} show={show} testId="n" />
      </>
    );
  }

  it('offers Undo for 10 seconds, then disappears', () => {
    vi.useFakeTimers();
    const el = root();
    act(() => render(<NoticeHarness undo={async () => undefined} />, el));
    act(() => (el.querySelector('#go') as HTMLElement).click());
    expect(el.querySelector('[data-testid="n"]')?.textContent).toBe('Recordedundo');
    act(() => {
      vi.advanceTimersByTime(9_999);
    });
    expect(el.querySelector('[data-testid="n"] button')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(el.querySelector('[data-testid="n"]')?.textContent).toBe('');
  });

  it('shows the reason an undo was refused', async () => {
    const el = root();
    act(() => render(<NoticeHarness undo={async () => 'Too late.'} />, el));
    act(() => (el.querySelector('#go') as HTMLElement).click());
    act(() => (el.querySelector('[data-testid="n"] button') as HTMLElement).click());
    await vi.waitFor(() => expect(el.querySelector('[data-testid="n"]')?.textContent).toBe('Too late.'));
  });
});
