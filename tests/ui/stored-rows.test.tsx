// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { recordSend } from '../../src/db/invitations';
import { StoredRowsCard } from '../../src/options/components/backup/StoredRowsCard';

// The page's database tells the worker of every write; no worker runs here.
vi.mock('../../src/ui/tell-worker', () => ({ tellWorkerOnWrites: () => undefined }));
vi.mock('../../src/platform', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(':'),
  hasMessage: () => false,
  manifestVersion: () => '1.2.3',
  pageStorage: () => localStorage,
}));

afterEach(async () => {
  document.body.innerHTML = '';
  localStorage.clear();
  vi.useRealTimers();
  await Promise.all([db.customers.clear(), db.invitations.clear(), db.events.clear()]);
});

/** Renders the card and lets its idle-time check run to the end. */
async function shown(): Promise<HTMLElement> {
  const el = document.body.appendChild(document.createElement('div'));
  act(() => render(<StoredRowsCard />, el));
  for (let i = 0; i < 20 && !el.querySelector('[data-testid="stored-rows"]'); i++)
    await act(() => new Promise((r) => setTimeout(r, 100)));
  return el;
}

describe('Options > Backup: stored records this version cannot read', () => {
  it('says nothing when every stored record reads', async () => {
    await recordSend(db, {
      companyName: 'Contoso',
      email: 'it@contoso.com',
      linkType: 'reseller',
      language: 'en',
      channel: 'copy',
    });
    const el = await shown();
    expect(el.innerHTML).toBe('');
  });

  it('lists a record another version left unreadable, with the field and why', async () => {
    const sent = await recordSend(db, {
      companyName: 'Contoso',
      email: 'it@contoso.com',
      linkType: 'reseller',
      language: 'en',
      channel: 'copy',
    });
    if (!sent.ok) throw new Error('send refused');
    await db.customers.update(sent.customerId, { companyName: 42 } as never);
    const el = await shown();
    const card = el.querySelector('[data-testid="stored-rows"]');
    expect(card?.querySelector('h3')?.textContent).toBe('storedRowsTitle:1');
    const item = card?.querySelector(`[data-row="customers/${sent.customerId}"]`);
    expect(item?.textContent).toContain('companyName');
    // Nothing was repaired: the row is still as the other version left it.
    expect((await db.customers.get(sent.customerId))?.companyName).toBe(42);
  });
});
