/**
 * "Insert reseller invitation…" on editable fields of the supported webmails. The click grants activeTab on that
 * tab; the popup then opens on it. Where the browser cannot open the popup from the worker, the options page's invite
 * view opens instead, aimed at the clicked tab (which it reaches through the same grant).
 */
import { action, menus, optionalHosts, runtime, t, tabs } from '../platform';

const MENU_ID = 'insert-invitation';

// Held in memory only: the grant itself ends when the tab navigates, and a restarted worker starts afresh.
const clicked = new Set<number>();

export function menuTabs(): number[] {
  return [...clicked];
}

export async function createMenu(): Promise<void> {
  await menus.reset();
  menus.create({
    id: MENU_ID,
    title: t('menuInsertInvitation'),
    contexts: ['editable'],
    documentUrlPatterns: optionalHosts(),
  });
}

export function onMenuClick(info: { menuItemId: string | number }, tab?: { id?: number }): void {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
  const tabId = tab.id;
  clicked.add(tabId);
  action.openPopup().catch(() => tabs.create(runtime.url(`src/options/index.html#invite=${tabId}`)));
}
