/** Shared set-up for database tests: a fresh database per test and a clock the test moves by hand. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { checkCustomer } from '../../src/core/customer';
import { InvalidInputError } from '../../src/core/problem';
import { type InvitationStatus, STATUS_ORDER } from '../../src/core/status';
import { now, setClock } from '../../src/db/clock';
import { type CustomerFields, newCustomer } from '../../src/db/customers';
import { type CustomerRow, createDb, type ResellerDb } from '../../src/db/db';
import { byStatus } from '../../src/db/invitations';
import type { PageStorage } from '../../src/db/page-storage';

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
export const DAY = 86_400_000;
export const GDAP_LINK =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/' +
  '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';

export const clock = { t: T0 };

/** Moves the test clock forward. */
export function advance(ms: number): number {
  clock.t += ms;
  return clock.t;
}

/** Registers hooks giving each test its own database and the clock at T0; read `ctx.db` inside tests. */
export function useDb(): { db: ResellerDb } {
  const ctx = {} as { db: ResellerDb };
  beforeEach(() => {
    clock.t = T0;
    setClock(() => clock.t);
    ctx.db = createDb(`t-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    setClock();
    await ctx.db.delete();
  });
  return ctx;
}

/** The error a promise rejects with, failing the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}

/** Narrows a result union to its ok branch, failing with the reason otherwise. */
export function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

/** Adds a customer as a form would: checked first (invalid fields throw InvalidInputError, nothing is written). */
export async function addCustomer(db: ResellerDb, fields: CustomerFields): Promise<CustomerRow> {
  const problems = checkCustomer(fields);
  if (problems.length > 0) throw new InvalidInputError(problems);
  const row = newCustomer(fields, now());
  await db.customers.add(row);
  return row;
}

/** Invitations per status; every invitation is in [status+lastSentAt] (lastSentAt is 0 when never sent). */
export async function countByStatus(db: ResellerDb): Promise<Record<InvitationStatus, number>> {
  const statuses = Object.keys(STATUS_ORDER) as InvitationStatus[];
  const counts = await Promise.all(statuses.map((s) => byStatus(db, s, 'lastSentAt').count()));
  return Object.fromEntries(statuses.map((s, i) => [s, counts[i] ?? 0])) as Record<InvitationStatus, number>;
}

/** localStorage as a page has it, in memory; `full` makes every write fail as a full quota does. */
export class MemoryStorage implements PageStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('Quota exceeded', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
