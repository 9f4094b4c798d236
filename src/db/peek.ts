/**
 * The settings the popup paints first (profile, templates), read without Dexie: the invite form shows before Dexie,
 * the largest part of the popup's JavaScript, has loaded, and the live queries take over once it has
 * (docs/architecture.md, "The popup's first paint").
 *
 * Two sources, the first that answers:
 * - the pages' copy of these settings' stored values in the extension's localStorage, kept current by every page
 *   while it runs (`keepFirstSettingsCopy`, ui/page-db.ts). A synchronous read: opening IndexedDB alone takes longer
 *   than the rest of the first paint. It can be behind a change that another browser's sync made while no page ran;
 *   the live read corrects it in the next frames and renews the copy (docs/decisions.md, "The popup paints from a
 *   copy of two settings").
 * - one read-only transaction on the settings store, whose rows are Dexie's as they are. It never creates, upgrades
 *   or holds the database: with none yet (first run) it aborts the creation, and on that or any error it answers
 *   undefined and the page waits for Dexie.
 *
 * Either way the values go through the same parsers as Dexie's reads (db/settings.ts).
 */
import { isPlainObject } from '../core/shape';
import { readTemplateOverrides, type TemplateOverrides } from '../core/template-overrides';
import type { ResellerDb } from './db';
import { DB_NAME } from './name';
import type { PageStorage } from './page-storage';
import { type StoredProfile, storedProfile } from './settings';

export interface FirstSettings {
  profile: StoredProfile;
  overrides: TemplateOverrides;
}

/** The settings the first paint reads, by key. */
export const FIRST_SETTING_KEYS = ['profile', 'templates'] as const;
type FirstKey = (typeof FIRST_SETTING_KEYS)[number];
export type FirstValues = Partial<Record<FirstKey, unknown>>;

/** The copy's localStorage key. Its value: `{ "format": 1, "values": { profile?, templates? } }`. */
export const FIRST_SETTINGS_COPY = 'firstSettings';
const COPY_FORMAT = 1;

/** `copy`: the pages' localStorage, if any; `name`: tests pass their own database's, as to createDb. */
export async function peekSettings(
  copy: PageStorage | undefined,
  name = DB_NAME,
): Promise<FirstSettings | undefined> {
  const values = readCopy(copy) ?? (await readSettings(name));
  if (!values) return undefined;
  return {
    profile: storedProfile(values.profile),
    overrides: readTemplateOverrides(values.templates).overrides,
  };
}

/** The stored values of the first settings through Dexie, for the copy (absent: none stored). */
export async function readFirstValues(db: ResellerDb): Promise<FirstValues> {
  const rows = await db.settings.bulkGet([...FIRST_SETTING_KEYS]);
  const values: FirstValues = {};
  FIRST_SETTING_KEYS.forEach((key, i) => {
    const row = rows[i];
    if (row !== undefined) values[key] = row.value;
  });
  return values;
}

/**
 * Renews the copy with the stored values (absent: none stored); undefined, or a value that cannot be written, leaves
 * no copy at all, never an older one: the popup then reads IndexedDB.
 */
export function keepFirstSettingsCopy(values: FirstValues | undefined, copy: PageStorage | undefined): void {
  if (!copy) return;
  try {
    if (values) {
      copy.setItem(FIRST_SETTINGS_COPY, JSON.stringify({ format: COPY_FORMAT, values }));
      return;
    }
  } catch {
    // Not written (a full quota): removed below rather than left older than the database.
  }
  try {
    copy.removeItem(FIRST_SETTINGS_COPY);
  } catch {
    // Nothing kept either way: the popup reads IndexedDB.
  }
}

/** The copy's values, or undefined when there is none or it is not one this version wrote. */
function readCopy(copy: PageStorage | undefined): FirstValues | undefined {
  try {
    const text = copy?.getItem(FIRST_SETTINGS_COPY);
    if (!text) return undefined;
    const parsed: unknown = JSON.parse(text);
    if (!isPlainObject(parsed) || parsed.format !== COPY_FORMAT || !isPlainObject(parsed.values))
      return undefined;
    const values: FirstValues = {};
    for (const key of FIRST_SETTING_KEYS)
      if (Object.hasOwn(parsed.values, key)) values[key] = parsed.values[key];
    return values;
  } catch {
    return undefined;
  }
}

/** The stored values of the first settings, or undefined when they could not be read. */
function readSettings(name: string): Promise<FirstValues | undefined> {
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
        const values: FirstValues = {};
        for (const key of FIRST_SETTING_KEYS) {
          const get = tx.objectStore('settings').get(key);
          get.onsuccess = () => {
            const row = get.result as { value?: unknown } | undefined;
            if (row !== undefined) values[key] = row.value;
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
