/**
 * Reads every stored customer, invitation and event through its owner's parser, as a backup import would. Rows
 * reach IndexedDB only through checked writes, so a row that fails here was written by an older or newer version
 * of the extension: it is reported, never changed or deleted (docs/decisions.md, "Stored rows are checked, not
 * repaired"). A backup exports such rows as they are, so the partner keeps them; importing that backup refuses them.
 */
import { parseCustomer } from '../core/customer-record';
import { parseEvent, parseInvitation } from '../core/invitation-record';
import type { Parsed, Problem } from '../core/problem';
import type { ResellerDb } from './db';

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
