/**
 * Reads every stored customer, invitation and event through its owner's parser, as a backup import would. Rows
 * reach IndexedDB only through checked writes, so a row that fails here was written by an older or newer version
 * of the extension: it is reported, never changed or deleted (docs/decisions.md, "Stored rows are checked, not
 * repaired"). A backup exports such rows as they are, so the partner keeps them; importing that backup refuses them.
 *
 * Only a change of version can leave such rows, so a scan that finds none is not repeated until the version
 * changes (`checkStoredRowsOnce`): at 100,000 customers it reads for seconds.
 */
import { parseCustomer } from '../core/customer-record';
import { parseEvent, parseInvitation } from '../core/invitation-record';
import type { Parsed, Problem } from '../core/problem';
import type { ResellerDb } from './db';
import type { PageStorage } from './page-storage';

export interface UnreadableRow {
  table: 'customers' | 'invitations' | 'events';
  id: string;
  problems: Problem[];
}

export interface StoredCheck {
  /** Rows read, all tables together. */
  checked: number;
  unreadable: UnreadableRow[];
}

const idOf = (row: unknown): string => {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : (JSON.stringify(id) ?? '?');
};

export async function checkStoredRows(db: ResellerDb): Promise<StoredCheck> {
  const result: StoredCheck = { checked: 0, unreadable: [] };
  const scan = async (
    table: UnreadableRow['table'],
    parse: (row: unknown) => Parsed<unknown>,
  ): Promise<void> =>
    db.table(table).each((row: unknown) => {
      result.checked += 1;
      const parsed = parse(row);
      if (!parsed.ok) result.unreadable.push({ table, id: idOf(row), problems: parsed.problems });
    });
  await db.transaction('r', [db.customers, db.invitations, db.events], async () => {
    await scan('customers', parseCustomer);
    await scan('invitations', parseInvitation);
    await scan('events', parseEvent);
  });
  return result;
}

/** The localStorage key holding the version whose stored rows were last all found readable. */
export const STORED_ROWS_CLEAN = 'storedRowsClean';

/**
 * The check, unless every row already read under this `version`: then undefined, and nothing is read. A check that
 * finds unreadable rows is not remembered, so they are listed each time until they are gone.
 */
export async function checkStoredRowsOnce(
  db: ResellerDb,
  version: string,
  memo: PageStorage | undefined,
): Promise<StoredCheck | undefined> {
  if (readMemo(memo) === version) return undefined;
  const check = await checkStoredRows(db);
  if (check.unreadable.length === 0) {
    try {
      memo?.setItem(STORED_ROWS_CLEAN, version);
    } catch {
      // Not remembered: the next Options page checks again.
    }
  }
  return check;
}

function readMemo(memo: PageStorage | undefined): string | null | undefined {
  try {
    return memo?.getItem(STORED_ROWS_CLEAN);
  } catch {
    return undefined;
  }
}
