// @vitest-environment happy-dom
/** Options > Webmail: the confirmed hosts listed and removable; stored entries that are no host are kept, and said. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONFIRMED_HOSTS_KEY } from '../../src/core/webmail-hosts';
import { WebmailSection } from '../../src/options/components/WebmailSection';

const area = new Map<string, unknown>();
const listeners = new Set<() => void>();

vi.mock('../../src/platform', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(':'),
  localArea: {
    get: async (key: string) => area.get(key),
    set: async (key: string, value: unknown) => {
      area.set(key, value);
      for (const listener of listeners) listener();
    },
    onChanged: (_key: string, listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  },
}));

afterEach(() => {
  document.body.innerHTML = '';
  area.clear();
  listeners.clear();
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));

describe('WebmailSection', () => {
  it('lists the hosts, says how many entries it does not read, and removes a host keeping them', async () => {
    area.set(CONFIRMED_HOSTS_KEY, ['webmail.fabrikam.example', 42, 'mail.contoso.example']);
    const el = document.body.appendChild(document.createElement('div'));
    act(() => render(<WebmailSection />, el));
    await settle();
    const hosts = () =>
      [...el.querySelectorAll('[data-testid="webmail-hosts"] li span')].map((s) => s.textContent);
    expect(hosts()).toEqual(['mail.contoso.example', 'webmail.fabrikam.example']);
    expect(el.querySelector('[data-testid="webmail-hosts-unread"]')?.textContent).toBe(
      'webmailHostsUnread:1',
    );

    act(() => (el.querySelector('[data-testid="webmail-hosts"] button') as HTMLButtonElement).click());
    await settle();
    expect(area.get(CONFIRMED_HOSTS_KEY)).toEqual(['webmail.fabrikam.example', 42]);
    expect(hosts()).toEqual(['webmail.fabrikam.example']);
  });

  it('says nothing of unread entries when there are none', async () => {
    const el = document.body.appendChild(document.createElement('div'));
    act(() => render(<WebmailSection />, el));
    await settle();
    expect(el.querySelector('[data-testid="webmail-hosts-none"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="webmail-hosts-unread"]')).toBeNull();
  });
});
