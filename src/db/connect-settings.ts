/**
 * The Partner Center connection's synced setting (settings row `connect`, value `{ clientId }`; core/connect-settings.ts).
 * It reaches the partner's other browsers through sync like the profile; a value that does not read (another
 * browser, a backup, another version) is reported and left stored until the partner connects with a good one.
 */
import { type ConnectSettings, parseClientId, parseConnectSettings } from '../core/connect-settings';
import { InvalidInputError, type Problem } from '../core/problem';
import { isPlainObject } from '../core/shape';
import type { ResellerDb } from './db';

export const CONNECT_KEY = 'connect';

/** The stored setting when it reads ({} otherwise), and what is wrong with it. */
export async function readConnectSettings(
  db: ResellerDb,
): Promise<{ settings: ConnectSettings; problems: Problem[] }> {
  const parsed = parseConnectSettings((await db.settings.get(CONNECT_KEY))?.value);
  return parsed.ok ? { settings: parsed.value, problems: [] } : { settings: {}, problems: parsed.problems };
}

/**
 * Stores the client id; false when it was already stored (no write, so nothing to sync). Fields a newer version
 * added stay as stored. A value that is no GUID throws InvalidInputError and writes nothing.
 */
export async function saveClientId(db: ResellerDb, input: string): Promise<boolean> {
  const id = parseClientId(input);
  if (!id.ok) throw new InvalidInputError(id.problems);
  return db.transaction('rw', db.settings, async () => {
    const stored = (await db.settings.get(CONNECT_KEY))?.value;
    const value = isPlainObject(stored) ? stored : {};
    if (value.clientId === id.value) return false;
    await db.settings.put({ key: CONNECT_KEY, value: { ...value, clientId: id.value } });
    return true;
  });
}
