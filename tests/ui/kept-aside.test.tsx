// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { KeptAside } from '../../src/options/components/sync/KeptAside';

// The page's database tells the worker of every write; no worker runs here.
vi.mock('../../src/ui/tell-worker', () => ({ tellWorkerOnWrites: () => undefined }));
vi.mock('../../src/platform', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(':'),
  hasMessage: () => false,
  pageStorage: () => localStorage,
}));

afterEach(async () => {
  document.body.innerHTML = '';
  await db.syncMeta.clear();
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));
/** Lets the component's reads and writes (fake-indexeddb, timers) run until `done`, for at most 2 s. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 40 && !done(); i++) await settle();
}

describe('Options > Sync: bookkeeping kept aside', () => {
  it('names the kept values, and deletes them, and only them, when the partner asks', async () => {
    await db.syncMeta.bulkPut([
      { k: 'aside:gcBefore', v: 12 },
      { k: 'gcBefore', v: '' },
    ]);
    const el = document.body.appendChild(document.createElement('div'));
    act(() => render(<KeptAside />, el));
    await until(() => el.querySelector('[data-testid="sync-kept-aside"]') !== null);
    const notice = el.querySelector('[data-testid="sync-kept-aside"]');
    expect(notice?.textContent).toContain('syncKeptAside:gcBefore');
    act(() => notice?.querySelector('button')?.click());
    await until(() => el.innerHTML === '');
    expect(el.innerHTML).toBe('');
    expect(await db.syncMeta.toArray()).toEqual([{ k: 'gcBefore', v: '' }]);
  });
});
