/**
 * The settings the popup paints first (profile, templates), read from IndexedDB without Dexie: the invite form shows
 * before Dexie, the largest part of the popup's JavaScript, has loaded, and the live queries take over once it has
 * (docs/architecture.md, "The popup's first paint").
 *
 * One read-only transaction on the settings store, whose rows are Dexie's as they are. It never creates, upgrades
 * or holds the database: with none yet (first run) it aborts the creation, and on that or any error it answers
 * undefined and the page waits for Dexie.
 */
import { readTemplateOverrides, type TemplateOverrides } from '../core/template-overrides';
import { DB_NAME } from './name';
import { type StoredProfile, storedProfile } from './settings';

export interface FirstSettings {
  profile: StoredProfile;
  overrides: TemplateOverrides;
}

/** `name`: tests pass their own database's, as to createDb. */
export async function peekSettings(name = DB_NAME): Promise<FirstSettings | undefined> {
  const values = await readSettings(name, ['profile', 'templates']);
  if (!values) return undefined;
  return {
    profile: storedProfile(values.get('profile')),
    overrides: readTemplateOverrides(values.get('templates')).overrides,
  };
}

/** The stored values of these settings (absent: none stored), or undefined when they could not be read. */
function readSettings(name: string, keys: readonly string[]): Promise<Map<string, unknown> | undefined> {
  return new Promise((resolve) => {
    const fail = (event?: Event) => {
      event?.preventDefault();
      resolve(undefined);
    };
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(name);
    } catch {
      fail();
      return;
    }
    // No database yet: left for Dexie to create with its schema (aborting fails this request).
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = fail;
    open.onsuccess = () => {
      const idb = open.result;
      // Dexie upgrading the schema waits for no connection of ours.
      idb.onversionchange = () => idb.close();
      try {
        const tx = idb.transaction('settings', 'readonly');
        const values = new Map<string, unknown>();
        for (const key of keys) {
          const get = tx.objectStore('settings').get(key);
          get.onsuccess = () => {
            const row = get.result as { value?: unknown } | undefined;
            if (row !== undefined) values.set(key, row.value);
          };
        }
        tx.oncomplete = () => resolve(values);
        tx.onabort = fail;
      } catch {
        fail();
      } finally {
        // Takes effect once the transaction ends.
        idb.close();
      }
    };
  });
}
