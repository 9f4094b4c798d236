// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_PROFILE } from '../../src/core/profile';
import { db } from '../../src/db/db';
import { readProfile, type StoredProfile } from '../../src/db/settings';
import { useLive } from '../../src/ui/useLive';

vi.mock('../../src/platform', () => ({
  t: (key: string) => key,
  hasMessage: () => false,
  runtime: { sendMessage: () => Promise.resolve() },
  // The page database keeps the popup's settings copy there (db/peek.ts): none in these tests.
  pageStorage: () => undefined,
}));

const settle = async () => {
  for (let i = 0; i < 3; i++) await act(() => new Promise((r) => setTimeout(r, 20)));
};
afterEach(async () => {
  document.body.innerHTML = '';
  await db.settings.clear();
});

function Partner({ first }: { first?: StoredProfile }) {
  const stored = useLive(readProfile, [], first);
  return (
    <p>
      {stored === undefined ? 'reading' : stored.state === 'ok' ? stored.profile.partnerName : stored.state}
    </p>
  );
}

describe('useLive', () => {
  it('shows the first read until the live query answers, then follows every write', async () => {
    await db.settings.put({ key: 'profile', value: { ...EMPTY_PROFILE, partnerName: 'Stored' } });
    const el = document.body.appendChild(document.createElement('div'));
    act(() =>
      render(<Partner first={{ state: 'ok', profile: { ...EMPTY_PROFILE, partnerName: 'First' } }} />, el),
    );
    expect(el.textContent).toBe('First');
    await settle();
    expect(el.textContent).toBe('Stored');
    await db.settings.put({ key: 'profile', value: { ...EMPTY_PROFILE, partnerName: 'Edited' } });
    await settle();
    expect(el.textContent).toBe('Edited');
  });

  it('without a first read, paints nothing of the data until the query answers', async () => {
    const el = document.body.appendChild(document.createElement('div'));
    act(() => render(<Partner />, el));
    expect(el.textContent).toBe('reading');
    await settle();
    expect(el.textContent).toBe('none');
  });
});
