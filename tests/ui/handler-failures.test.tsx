// @vitest-environment happy-dom
/**
 * Every awaited action behind a click tells the partner when it fails: each case makes the action's promise reject
 * and reads what the page then says.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PendingItem } from '../../src/db/pending';
import { ImportCard } from '../../src/options/components/backup/ImportCard';
import { SyncSection } from '../../src/options/components/sync/SyncSection';
import { PendingPanel } from '../../src/popup/components/PendingPanel';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { ComposeInsert } from '../../src/ui/invite/ComposeInsert';
import { SendActions } from '../../src/ui/invite/SendActions';
import { SettingsNotice } from '../../src/ui/SettingsNotice';

const m = vi.hoisted(() => ({
  send: vi.fn(),
  tabsCreate: vi.fn(),
  localGet: vi.fn(),
  markAccepted: vi.fn(),
  pendingList: vi.fn(),
  resetSetting: vi.fn(),
  settingProblems: vi.fn(),
  recordCounts: vi.fn(),
  saveBackup: vi.fn(),
}));

vi.mock('../../src/platform', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(':'),
  hasMessage: () => false,
  tabs: { create: m.tabsCreate },
  localArea: { get: m.localGet, set: vi.fn(), onChanged: () => () => undefined },
  permissions: { request: vi.fn() },
  optionalHosts: () => [],
  // The page database keeps the popup's settings copy there (db/peek.ts): none in these tests.
  pageStorage: () => undefined,
  uiLanguage: () => 'en',
  copyRich: vi.fn(),
  copyText: vi.fn(),
  runtime: { openOptionsPage: vi.fn() },
}));
vi.mock('../../src/messages', () => ({ send: m.send }));
vi.mock('../../src/db/invitations', async (actual) => ({
  ...(await actual<object>()),
  markAccepted: m.markAccepted,
}));
vi.mock('../../src/db/pending', async (actual) => ({
  ...(await actual<object>()),
  pendingList: m.pendingList,
}));
vi.mock('../../src/db/settings', async (actual) => ({
  ...(await actual<object>()),
  resetSetting: m.resetSetting,
  settingProblems: m.settingProblems,
}));
vi.mock('../../src/db/options-queries', async (actual) => ({
  ...(await actual<object>()),
  recordCounts: m.recordCounts,
}));
vi.mock('../../src/ui/save-backup', () => ({ saveBackup: m.saveBackup }));

const root = () => document.body.appendChild(document.createElement('div'));
/** Lets promises, live queries and Preact's effects run. */
const settle = async (ms = 60) => {
  for (let i = 0; i < 3; i++) await act(() => new Promise((r) => setTimeout(r, ms / 3)));
};
const text = (el: Element, selector: string) => el.querySelector(selector)?.textContent ?? '';
const click = (el: Element | null | undefined) => act(() => (el as HTMLElement).click());
const refused = (message: string) => () => Promise.reject(new Error(message));

beforeEach(() => {
  vi.resetAllMocks();
  m.send.mockImplementation(async (request: { type: string }) =>
    request.type === 'compose.find'
      ? { composes: [], unconfirmed: [], webmailTabs: [], failed: [] }
      : { enabled: true, status: null },
  );
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('a failed action is said, not swallowed', () => {
  it('popup, Pending: Mark accepted that cannot be written', async () => {
    const item = {
      invitation: { id: 'i1', type: 'reseller', status: 'pending', sentAt: [Date.now()], epoch: 0 },
      customer: { id: 'c1', companyName: 'Contoso', contactName: '', email: '', domain: '' },
    } as unknown as PendingItem;
    m.pendingList.mockResolvedValue([item]);
    m.markAccepted.mockImplementation(refused('The database is closed'));
    const el = root();
    const glance = { pending: 1, overdue: 0, acceptedRecently: 0, followUpDays: 7 };
    act(() => render(<PendingPanel glance={glance} onFollowUp={() => undefined} />, el));
    await settle();
    click(el.querySelector('[data-testid="mark-accepted"]'));
    await settle();
    expect(text(el, '[data-testid="pending-notice"]')).toBe('markAcceptedFailed:The database is closed');
  });

  it('Options > Sync: a switch the worker did not take, and a sync that failed there', async () => {
    m.send.mockImplementation(async (request: { type: string }) => {
      if (request.type === 'sync.enable') throw new Error('Could not establish connection');
      return { enabled: true, status: null, failure: 'QuotaExceededError' };
    });
    const el = root();
    act(() => render(<SyncSection />, el));
    await settle();
    expect(text(el, '[data-testid="sync-failure"]')).toBe('syncFailed:QuotaExceededError');
    click(el.querySelector('input[type="checkbox"]'));
    await settle();
    expect(text(el, '[data-testid="sync-failure"]')).toBe('Could not establish connection');
  });

  it('a stored setting that cannot be reset', async () => {
    m.settingProblems.mockResolvedValue([{ key: 'tracking', problems: [] }]);
    m.resetSetting.mockImplementation(refused('QuotaExceededError'));
    const el = root();
    act(() => render(<SettingsNotice />, el));
    await settle();
    click(el.querySelector('[data-setting="tracking"] button'));
    await settle();
    expect(text(el, '[data-testid="settings-notice"] .problem')).toBe(
      'settingResetFailed:QuotaExceededError',
    );
  });

  it('the invite view: a mail app that does not open is said, and nothing is recorded', async () => {
    m.tabsCreate.mockImplementation(refused('No default mail app'));
    const status = vi.fn();
    const sent = vi.fn();
    const el = root();
    const draft = { subject: 'S', html: '<p>B</p>', text: 'B' };
    act(() =>
      render(
        <SendActions draft={draft} to="a@b.example" ready={() => true} setStatus={status} onSent={sent} />,
        el,
      ),
    );
    await settle();
    click([...el.querySelectorAll('button')].find((b) => b.textContent === 'openMailApp'));
    await settle();
    expect(status).toHaveBeenLastCalledWith('mailAppFailed:No default mail app');
    expect(sent).not.toHaveBeenCalled();
  });

  it('the invite view: a webmail host that cannot be confirmed', async () => {
    m.send.mockResolvedValue({
      composes: [],
      unconfirmed: [{ tabId: 3, host: 'mail.contoso.example', site: 'outlook' }],
      webmailTabs: [],
      failed: [],
    });
    m.localGet.mockImplementation(refused('storage.local is unavailable'));
    const status = vi.fn();
    const el = root();
    const draft = { subject: 'S', html: '<p>B</p>', text: 'B' };
    act(() =>
      render(
        <ComposeInsert
          draft={draft}
          to=""
          ready={() => true}
          onInserted={() => undefined}
          setStatus={status}
        />,
        el,
      ),
    );
    await settle();
    click([...el.querySelectorAll('button')].find((b) => b.textContent?.startsWith('treatHostAs')));
    await settle();
    expect(status).toHaveBeenLastCalledWith('storage.local is unavailable');
  });

  it('the invite view: a tab where our script failed says so, not "no compose window"', async () => {
    m.send.mockResolvedValue({
      composes: [],
      unconfirmed: [],
      webmailTabs: [],
      failed: [{ tabId: 3, detail: 'x is not a function' }],
    });
    const el = root();
    const draft = { subject: 'S', html: '<p>B</p>', text: 'B' };
    act(() =>
      render(
        <ComposeInsert
          draft={draft}
          to=""
          ready={() => true}
          onInserted={() => undefined}
          setStatus={vi.fn()}
        />,
        el,
      ),
    );
    await settle();
    expect(text(el, '[data-testid="compose-none"]')).toBe('insertFailure_content_error:x is not a function');
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).toContain('copyDiagnostic');
  });

  it('Options > Backup: Replace when what is stored cannot be counted', async () => {
    m.recordCounts.mockImplementation(refused('The database is closed'));
    const el = root();
    act(() => render(<ImportCard />, el));
    const backup = {
      format: 'reseller-invite-backup',
      version: 1,
      customers: [],
      invitations: [],
      events: [],
      settings: [],
    };
    const input = el.querySelector('#backup-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([JSON.stringify(backup)], 'backup.json')] });
    act(() => {
      input.dispatchEvent(new Event('change'));
    });
    await settle();
    expect(text(el, '[data-testid="import-status"]')).toBe('');
    expect(el.querySelector('[data-testid="backup-summary"]')).not.toBeNull();
    const [, replace] = el.querySelectorAll<HTMLInputElement>('input[name="import-mode"]');
    click(replace);
    expect(replace?.checked).toBe(true);
    click(el.querySelector('.actions button.primary'));
    await settle();
    expect(text(el, '[data-testid="import-status"]')).toBe('The database is closed');
  });

  it('an error card whose backup cannot be saved', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    m.settingProblems.mockResolvedValue([]);
    m.saveBackup.mockImplementation(refused('Download blocked'));
    const Broken = () => {
      throw new Error('render failed');
    };
    const el = root();
    act(() =>
      render(
        <ErrorBoundary area="Invite">
          <Broken />
        </ErrorBoundary>,
        el,
      ),
    );
    click([...el.querySelectorAll('button')].find((b) => b.textContent === 'errorExport'));
    await settle();
    expect(text(el, '[data-testid="error-boundary"] p.problem:last-child')).toBe(
      'exportFailed:Download blocked',
    );
  });
});
