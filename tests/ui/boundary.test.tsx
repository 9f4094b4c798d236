// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_PROFILE } from '../../src/core/profile';
import { db } from '../../src/db/db';
import { readProfile } from '../../src/db/settings';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { lazy } from '../../src/ui/lazy';
import { SettingsNotice } from '../../src/ui/SettingsNotice';
import { useLive } from '../../src/ui/useLive';

vi.mock('../../src/platform', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(':'),
  hasMessage: () => false,
  // The page database keeps the popup's settings copy there (db/peek.ts): none in these tests.
  pageStorage: () => undefined,
}));

const root = () => document.body.appendChild(document.createElement('div'));
/** Lets promises, IndexedDB and Preact's effects run. */
const settle = async (ms = 60) => {
  for (let i = 0; i < 3; i++) await act(() => new Promise((r) => setTimeout(r, ms / 3)));
};
afterEach(async () => {
  document.body.innerHTML = '';
  await db.settings.clear();
  vi.restoreAllMocks();
});

let fail = true;
function Fragile() {
  if (fail) throw new Error('stored value was a number');
  return <p data-testid="fine">fine</p>;
}

function LiveFailing() {
  const v = useLive<string>(() => Promise.reject(new Error('query refused')));
  return <p>{v ?? 'loading'}</p>;
}

describe('ErrorBoundary', () => {
  it('says what failed and where, and Try again renders the part again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fail = true;
    const el = root();
    const openOptions = vi.fn();
    act(() =>
      render(
        <ErrorBoundary area="Invite" onOpenOptions={openOptions}>
          <Fragile />
        </ErrorBoundary>,
        el,
      ),
    );
    const card = el.querySelector('[data-testid="error-boundary"]');
    expect(card?.textContent).toContain('errorTitle:Invite');
    expect(card?.textContent).toContain('errorWhat:stored value was a number');
    const buttons = [...el.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['errorRetry', 'openOptions', 'errorExport']);
    act(() => buttons[1]?.click());
    expect(openOptions).toHaveBeenCalled();
    fail = false;
    act(() => buttons[0]?.click());
    expect(el.querySelector('[data-testid="fine"]')).not.toBeNull();
  });

  it('shows a failed live query instead of loading forever', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = root();
    act(() =>
      render(
        <ErrorBoundary area="Pending">
          <LiveFailing />
        </ErrorBoundary>,
        el,
      ),
    );
    await settle();
    expect(el.textContent).toContain('errorWhat:query refused');
    expect(el.textContent).not.toContain('loading');
  });

  it('shows a part whose code failed to load instead of nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Missing = lazy<object>(() =>
      Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    const el = root();
    act(() =>
      render(
        <ErrorBoundary area="Pending">
          <Missing />
        </ErrorBoundary>,
        el,
      ),
    );
    await settle();
    expect(el.textContent).toContain('errorWhat:Failed to fetch dynamically imported module');
  });
});

describe('SettingsNotice', () => {
  it('lists a stored profile of the wrong shape and resets it to the default on request', async () => {
    await db.settings.put({ key: 'profile', value: { ...EMPTY_PROFILE, partnerName: 42 } });
    const el = root();
    act(() => render(<SettingsNotice />, el));
    await settle();
    const notice = el.querySelector('[data-setting="profile"]');
    expect(notice?.textContent).toContain('settingBroken_profile');
    expect(notice?.textContent).toContain('partnerName should be text, not a number.');
    expect((await readProfile(db)).state).toBe('broken');
    act(() => notice?.querySelector('button')?.click());
    await settle();
    expect((await readProfile(db)).state).toBe('none');
    expect(el.querySelector('[data-testid="settings-notice"]')).toBeNull();
  });

  it('names a template that no longer renders, which the pages replace by the default', async () => {
    await db.settings.put({ key: 'templates', value: { fr: { subject: 'Bonjour', body: 'Sans lien' } } });
    const el = root();
    act(() => render(<SettingsNotice />, el));
    await settle();
    const notice = el.querySelector('[data-setting="templates"]');
    expect(notice?.textContent).toContain('settingBroken_templates');
    expect(notice?.textContent).toContain('FR template: The body must contain {{link}}');
  });

  it('shows nothing when every setting reads', async () => {
    const el = root();
    act(() => render(<SettingsNotice />, el));
    await settle();
    expect(el.innerHTML).toBe('');
  });
});
