/**
 * Schema version 3's upgrade: every row that existed before sync gets its record, stamped with one fresh clock of a
 * new device id, so the data of a browser that had the extension before sync also syncs (docs/decisions.md, "The schema keeps its old versions").
 */
import type { Transaction } from 'dexie';
import { formatHlc, tick, zeroHlc } from '../core/sync-clock';
import type { SyncRecord, SyncTable } from '../core/sync-merge';
import { now } from './clock';
import { newDeviceId } from './ids';
import { fieldsOf, isTracked, type Row, stampRow } from './sync-fields';
import { META, type MetaRow, RECORDS, toRecordRow } from './sync-meta';

const KEY_OF: Record<SyncTable, string> = { customers: 'id', invitations: 'id', settings: 'key' };

export async function stampExistingRows(tx: Transaction): Promise<void> {
  const deviceId = newDeviceId();
  const clock = formatHlc(tick(zeroHlc(deviceId), now()));
  const records: SyncRecord[] = [];
  for (const table of Object.keys(KEY_OF) as SyncTable[]) {
    const rows = (await tx.table(table).toArray()) as Row[];
    for (const row of rows) {
      const id = String(row[KEY_OF[table]]);
      if (!isTracked(table, id) || Object.keys(fieldsOf(table, row)).length === 0) continue;
      records.push(stampRow(undefined, table, id, row, clock));
    }
  }
  await tx.table(RECORDS).bulkPut(records.map(toRecordRow));
  const meta: MetaRow[] = [
    { k: 'deviceId', v: deviceId },
    { k: 'hlc', v: clock },
  ];
  await tx.table(META).bulkPut(meta);
}
