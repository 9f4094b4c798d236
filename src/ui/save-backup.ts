import { exportAll } from '../db/backup';
import { datedName, downloadText } from './download';
import { db } from './page-db';

/** Saves the whole database as the JSON backup Import reads back (options page, and any page's error screen). */
export async function saveBackup(): Promise<void> {
  const backup = await exportAll(db);
  downloadText(
    datedName('reseller-invite-backup', 'json', backup.exportedAt),
    JSON.stringify(backup, null, 1),
    'application/json',
  );
}
