/**
 * The one layer over browser APIs (docs/architecture.md, "The dependency rule, and why"): the only importer of webextension-polyfill, so every other
 * module reads as plain TypeScript and Chrome/Firefox differences live here.
 */
import browser, { type Manifest, type Runtime } from 'webextension-polyfill';

export type { Runtime };

/** Localised UI string from _locales; the browser picks the language. Falls back to the key so a gap is visible. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Whether a localised string exists (used to localise core findings by their code, else their English text). */
export function hasMessage(key: string): boolean {
  return browser.i18n.getMessage(key) !== '';
}

/** The browser's UI language, e.g. `fr` or `en-US`. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

export const runtime = {
  id: (): string => browser.runtime.id,
  url: (path: string): string => browser.runtime.getURL(path),
  sendMessage: (message: unknown): Promise<unknown> => browser.runtime.sendMessage(message),
  onMessage: browser.runtime.onMessage,
  onInstalled: browser.runtime.onInstalled,
  /** Browser start (profile opened): alarms are not guaranteed to survive a restart, so they are created again. */
  onStartup: browser.runtime.onStartup,
  openOptionsPage: (): Promise<void> => browser.runtime.openOptionsPage(),
};

export type Tab = { id?: number; url?: string; active: boolean; windowId?: number };

export const tabs = {
  create: (url: string): Promise<unknown> => browser.tabs.create({ url }),
  get: (tabId: number): Promise<Tab> => browser.tabs.get(tabId),
  /** Tabs whose URL matches the patterns (needs the matching host permission), or the active tab of this window. */
  query: (query: { url?: string[]; active?: boolean; currentWindow?: boolean }): Promise<Tab[]> =>
    browser.tabs.query(query),
  update: (tabId: number, props: { active?: boolean }): Promise<unknown> => browser.tabs.update(tabId, props),
};

export type InjectionResult = { frameId: number; result?: unknown; error?: unknown };

export const scripting = {
  /** Runs a bundled classic script file in the tab's frames (isolated world). */
  files: (tabId: number, files: string[], frameIds?: number[]): Promise<InjectionResult[]> =>
    browser.scripting.executeScript({
      target: frameIds ? { tabId, frameIds } : { tabId, allFrames: true },
      files,
    }),
  /** Runs a self-contained function with JSON arguments in the tab's frames; resolves with each frame's result. */
  func: <A extends unknown[]>(
    tabId: number,
    func: (...args: A) => unknown,
    args: A,
    frameIds?: number[],
  ): Promise<InjectionResult[]> =>
    browser.scripting.executeScript({
      target: frameIds ? { tabId, frameIds } : { tabId, allFrames: true },
      func: func as () => void,
      args,
    }),
};

export const menus = {
  /** One item; `create` throws if it exists already, so callers remove everything first (onInstalled runs again). */
  reset: (): Promise<void> => browser.contextMenus.removeAll(),
  create: (item: {
    id: string;
    title: string;
    contexts: ['editable'];
    documentUrlPatterns: string[];
  }): void => {
    browser.contextMenus.create(item);
  },
  onClicked: browser.contextMenus.onClicked,
};

export const action = {
  /** Opens the toolbar popup; rejects where the browser does not allow it (no user gesture, older versions). */
  openPopup: (): Promise<void> => browser.action.openPopup(),
};

export const permissions = {
  /** Host origins granted now (optional ones included once the user said yes). */
  origins: async (): Promise<string[]> => (await browser.permissions.getAll()).origins ?? [],
  /** Must run inside a click handler: browsers refuse a permission request without a user gesture. */
  request: (origins: string[]): Promise<boolean> => browser.permissions.request({ origins }),
  /** An optional API permission (`notifications`): asked only when the partner turns the feature on, from a click. */
  requestApi: (permission: 'notifications'): Promise<boolean> =>
    browser.permissions.request({ permissions: [permission] }),
  hasApi: (permission: 'notifications'): Promise<boolean> =>
    browser.permissions.contains({ permissions: [permission] }),
  removeApi: (permission: 'notifications'): Promise<boolean> =>
    browser.permissions.remove({ permissions: [permission] }),
};

export const alarms = {
  /** A repeating alarm; re-creating one with the same name replaces it (no duplicates across worker restarts). */
  every: (name: string, periodInMinutes: number): Promise<void> =>
    Promise.resolve(browser.alarms.create(name, { periodInMinutes, delayInMinutes: 1 })),
  onAlarm: browser.alarms.onAlarm,
};

export const notifications = {
  /** Needs the optional `notifications` permission; callers check `permissions.hasApi` first. */
  show: (id: string, title: string, message: string): Promise<string> =>
    browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title,
      message,
    }),
  onClicked: (listener: (id: string) => void): void => browser.notifications?.onClicked.addListener(listener),
};

/** The Partner Center connection's hosts, optional too but no webmail (docs/connect.md). */
const CONNECT_HOST =
  /^https:\/\/(login\.microsoftonline\.com|api\.partnercenter\.microsoft\.com|graph\.microsoft\.com)\//;

/** The webmail hosts we may ask for, from the manifest (docs/decisions.md, "No host permissions at install"). */
export function optionalHosts(): string[] {
  return (
    (browser.runtime.getManifest() as { optional_host_permissions?: string[] }).optional_host_permissions ??
    []
  ).filter((h) => !CONNECT_HOST.test(h));
}

export const badge = {
  setText: (text: string): Promise<void> => browser.action.setBadgeText({ text }),
  setColor: (color: string): Promise<void> => browser.action.setBadgeBackgroundColor({ color }),
};

/** Writes rich HTML and plain text in one clipboard item. Must run inside the click handler (user activation). */
export async function copyRich(html: string, text: string): Promise<void> {
  const item = new ClipboardItem({
    'text/html': new Blob([html], { type: 'text/html' }),
    'text/plain': new Blob([text], { type: 'text/plain' }),
  });
  await navigator.clipboard.write([item]);
}

/** The browser engine: only Firefox has `runtime.getBrowserInfo`. */
export function engine(): 'chromium' | 'firefox' {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function'
    ? 'firefox'
    : 'chromium';
}

/** Browser name and version for the diagnostic report (the user agent: no more than any site already sees). */
export function browserName(): string {
  return navigator.userAgent;
}

/** `storage.local`: settings that stay on this device (never synced). Values are parsed by their owners on read. */
export const localArea = {
  get: async (key: string): Promise<unknown> => (await browser.storage.local.get(key))[key],
  set: (key: string, value: unknown): Promise<void> => browser.storage.local.set({ [key]: value }),
  onChanged(key: string, listener: () => void): () => void {
    const filtered = (changes: StorageChanges, areaName: string) => {
      if (areaName === 'local' && key in changes) listener();
    };
    browser.storage.onChanged.addListener(filtered);
    return () => browser.storage.onChanged.removeListener(filtered);
  },
};

/** Writes plain text to the clipboard. Must run inside the click handler (user activation). */
export function copyText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}

/**
 * The extension pages' localStorage (db/page-storage.ts says what is kept there), or undefined where there is none
 * (the worker) or it cannot be used.
 */
export function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The installed version (manifest `version`): names the content script's API so a stale copy is never called. */
export function manifestVersion(): string {
  return browser.runtime.getManifest().version;
}

type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/**
 * `storage.sync` as the sync engine's `SyncArea` (src/sync/area.ts; docs/sync.md, "Budgets and quotas"): the background's engine is
 * its only writer. No `clear()` on purpose (docs/sync.md, "Wire format", Tabsets#13); `onChanged` only reports the sync area's changes.
 */
export const syncArea = {
  get: (keys: string[] | null): Promise<Record<string, unknown>> => browser.storage.sync.get(keys),
  set: (items: Record<string, unknown>): Promise<void> => browser.storage.sync.set(items),
  remove: (keys: string[]): Promise<void> => browser.storage.sync.remove(keys),
  /** Chrome's own byte count (docs/sync.md, "Budgets and quotas"); Firefox has it only since 78, hence optional in SyncArea. */
  getBytesInUse: (keys: string[] | null): Promise<number> =>
    (browser.storage.sync as { getBytesInUse?: (k: string[] | null) => Promise<number> }).getBytesInUse?.(
      keys,
    ) ?? Promise.resolve(0),
  onChanged(listener: (changes: StorageChanges) => void): () => void {
    const filtered = (changes: StorageChanges, areaName: string) => {
      if (areaName === 'sync') listener(changes);
    };
    browser.storage.onChanged.addListener(filtered);
    return () => browser.storage.onChanged.removeListener(filtered);
  },
};

/**
 * Sign-in for the Partner Center connection (docs/connect.md, "Sign-in"). In Chromium `identity` is an optional
 * permission, asked when the partner presses Connect, so `browser.identity` is absent until then; Firefox's build
 * holds it from install (docs/connect.md, "Firefox and the identity permission").
 */
export const identity = {
  /**
   * This browser's redirect URL for the partner's app registration. In Chromium before the permission is granted,
   * its documented form stands in (https://developer.chrome.com/docs/extensions/reference/api/identity,
   * "getRedirectURL"); Firefox derives its address from a hash only its API gives, which its build has from install.
   */
  redirectUrl(): string {
    const api = (browser as unknown as { identity?: { getRedirectURL(): string } }).identity;
    return api ? api.getRedirectURL() : `https://${browser.runtime.id}.chromiumapp.org/`;
  },
  /** Opens Microsoft's sign-in window; resolves with the address it was redirected to. */
  launch: (url: string): Promise<string> => browser.identity.launchWebAuthFlow({ url, interactive: true }),
};

/**
 * `identity` when the manifest lists it as optional (Chromium), else nothing: Firefox refuses a request naming a
 * permission that is not in optional_permissions, and its build holds `identity` from install.
 */
function optionalIdentity(): Manifest.OptionalPermission[] {
  const optional = (browser.runtime.getManifest() as { optional_permissions?: string[] })
    .optional_permissions;
  // The polyfill's types omit `identity` from the optional permissions Chromium accepts.
  return (optional?.includes('identity') ? ['identity'] : []) as unknown as Manifest.OptionalPermission[];
}

/** The connection's permissions: `identity` and the sign-in and API hosts, asked from the Connect click only. */
export const connectPermissions = {
  request: (origins: string[]): Promise<boolean> =>
    browser.permissions.request({ permissions: optionalIdentity(), origins }),
  has: (origins: string[]): Promise<boolean> =>
    browser.permissions.contains({ permissions: optionalIdentity(), origins }),
  /** Released at Disconnect. Permissions a build grants at install cannot be removed: that refusal is harmless. */
  remove: (origins: string[]): Promise<boolean> =>
    browser.permissions.remove({ permissions: optionalIdentity(), origins }).catch(() => false),
};

/**
 * `storage.session`: memory only, emptied when the browser closes, never synced or written to disk
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session). Tokens live here only.
 */
export const sessionArea = {
  get: async (key: string): Promise<unknown> => (await browser.storage.session.get(key))[key],
  set: (key: string, value: unknown): Promise<void> => browser.storage.session.set({ [key]: value }),
  remove: (key: string): Promise<void> => browser.storage.session.remove(key),
};

/** Removes one alarm (a schedule that should stop, such as Partner Center checks once signed out). */
export const clearAlarm = (name: string): Promise<boolean> => browser.alarms.clear(name);

/** `storage.local` removal, for a key whose feature the partner turned off. */
export const removeLocal = (key: string): Promise<void> => browser.storage.local.remove(key);
