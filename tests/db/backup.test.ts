import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, type Backup, checkBackup } from '../../src/core/backup';
import { parseCsv } from '../../src/core/csv';
import { InvalidInputError } from '../../src/core/problem';
import { EMPTY_PROFILE } from '../../src/core/profile';
import { eraseAll, exportAll, importBackup } from '../../src/db/backup';
import { customerTable } from '../../src/db/customer-table';
import { searchCustomers, updateCustomer } from '../../src/db/customers';
import { customersCsv } from '../../src/db/customers-csv';
import { markAccepted, recordSend } from '../../src/db/invitations';
import { getProfile, saveProfile } from '../../src/db/settings';
import { countPending } from './index-counts';
import { addCustomer, advance, DAY, GDAP_LINK, ok, rejection, T0, useDb } from './support';

const ctx = useDb();
const base = { linkType: 'reseller', language: 'en', channel: 'copy' } as const;
const PROFILE = {
  ...EMPTY_PROFILE,
  partnerName: 'Contoso IT',
  tenantId: '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b',
};

async function fill() {
  const { db } = ctx;
  await saveProfile(db, PROFILE);
  const a = ok(await recordSend(db, { ...base, companyName: 'Alpha', email: 'a@alpha.example' }));
  ok(
    await recordSend(db, {
      ...base,
      companyName: 'Alpha',
      email: 'a@alpha.example',
      linkType: 'gdap',
      gdap: { link: GDAP_LINK },
    }),
  );
  advance(DAY);
  const b = ok(await recordSend(db, { ...base, companyName: '=Bravo, "B"', email: 'b@bravo.example' }));
  ok(await markAccepted(db, b.invitationId));
  return { a, b };
}

const snapshot = async () => {
  const { exportedAt: _e, ...rest } = await exportAll(ctx.db);
  return rest;
};

describe('exportAll', () => {
  it('exports every table as plain JSON, without index keys or undo snapshots', async () => {
    await fill();
    const backup = await exportAll(ctx.db);
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: T0 + DAY });
    expect(backup.customers).toHaveLength(2);
    expect(backup.invitations).toHaveLength(3);
    expect(backup.events).toHaveLength(4);
    expect(backup.settings).toEqual([{ key: 'profile', value: PROFILE }]);
    expect(Object.keys(backup.customers[0] ?? {})).not.toContain('words');
    expect(backup.invitations.some((i) => 'previous' in i)).toBe(false);
    expect(JSON.parse(JSON.stringify(backup))).toEqual(backup);
    expect(checkBackup(JSON.stringify(backup)).ok).toBe(true);
  });
});

describe('importBackup', () => {
  it('round-trips: export, erase, import replace gives identical data, search included', async () => {
    await fill();
    const before = await snapshot();
    const json = JSON.stringify(await exportAll(ctx.db));
    await eraseAll(ctx.db);
    expect(await ctx.db.customers.count()).toBe(0);
    expect(await getProfile(ctx.db)).toBeUndefined();
    await importBackup(ctx.db, json, 'replace');
    expect(await snapshot()).toEqual(before);
    expect((await searchCustomers(ctx.db, 'alp')).map((c) => c.companyName)).toEqual(['Alpha']);
    expect(await countPending(ctx.db)).toBe(2);
  });

  it('replaces with ordinary deletes and puts, never clear() or delete() underneath', async () => {
    await fill();
    const json = await exportAll(ctx.db);
    await addCustomer(ctx.db, { companyName: 'Added after the backup' });
    const clears = ctx.db.tables.map((t) => vi.spyOn(t, 'clear'));
    const drop = vi.spyOn(ctx.db, 'delete');
    await importBackup(ctx.db, json, 'replace');
    for (const spy of [...clears, drop]) expect(spy).not.toHaveBeenCalled();
    expect((await ctx.db.customers.toArray()).map((c) => c.companyName).sort()).toEqual([
      '=Bravo, "B"',
      'Alpha',
    ]);
    vi.restoreAllMocks();
  });

  it('merges: newer records win, older ones do not, local-only records stay', async () => {
    const { a } = await fill();
    const backup = await exportAll(ctx.db);
    advance(DAY);
    await updateCustomer(ctx.db, a.customerId, { notes: 'newer locally' });
    const local = await addCustomer(ctx.db, { companyName: 'Local only' });
    const older = backup.customers.map((c) => ({ ...c, notes: 'from backup' }));
    const bravo = older.find((c) => c.companyName.includes('Bravo'));
    if (bravo) bravo.updatedAt = T0 + 10 * DAY;
    const fromBackup = {
      id: 'restored',
      companyName: 'Restored',
      contactName: '',
      email: '',
      domain: '',
      tenantId: '',
      language: 'fr',
      notes: '',
      servedByAnotherPartner: false,
      createdAt: 1,
      updatedAt: 1,
    } as const;
    await saveProfile(ctx.db, { ...PROFILE, partnerName: 'Local name' });
    await importBackup(ctx.db, { ...backup, customers: [...older, fromBackup] }, 'merge');
    const byName = new Map((await ctx.db.customers.toArray()).map((c) => [c.companyName, c]));
    expect(byName.get('Alpha')?.notes).toBe('newer locally');
    expect(byName.get('=Bravo, "B"')?.notes).toBe('from backup');
    expect(byName.get('Restored')?.language).toBe('fr');
    expect(byName.get('Local only')?.id).toBe(local.id);
    expect((await getProfile(ctx.db))?.partnerName).toBe('Local name');
    expect(await ctx.db.events.count()).toBe(4);
  });

  const corrupt: [string, unknown][] = [
    ['text that is not JSON', '{"format": "reseller-invite-backup", '],
    ['a foreign JSON file', JSON.stringify({ name: 'something else' })],
    ['JSON null', 'null'],
    ['a newer backup version', { format: BACKUP_FORMAT, version: 99 }],
    [
      'a missing table',
      { format: BACKUP_FORMAT, version: 1, exportedAt: 1, customers: [], invitations: [], events: [] },
    ],
  ];
  it.each(corrupt)('refuses %s with a message, changing nothing', async (_name, json) => {
    await fill();
    const before = await snapshot();
    const error = await rejection(importBackup(ctx.db, json, 'replace'));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message.length).toBeGreaterThan(20);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file with one damaged record, naming it, and imports none of the others', async () => {
    await fill();
    const backup: Backup = await exportAll(ctx.db);
    const damaged = {
      ...backup,
      customers: [...backup.customers, { ...backup.customers[0], id: 'x', email: 42 }],
      invitations: [...backup.invitations, { ...backup.invitations[0], id: 'y', customerId: 'nobody' }],
    };
    await eraseAll(ctx.db);
    const error = await rejection(importBackup(ctx.db, damaged, 'merge'));
    expect((error as InvalidInputError).problems[0]?.code).toBe('corrupt');
    expect((error as Error).message).toMatch(/customers\[2\] has a missing or invalid email/);
    expect(await ctx.db.customers.count()).toBe(0);
    const orphan = {
      ...backup,
      invitations: [...backup.invitations, { ...backup.invitations[0], id: 'y', customerId: 'nobody' }],
    };
    expect(((await rejection(importBackup(ctx.db, orphan, 'merge'))) as Error).message).toMatch(
      /refers to a customer/,
    );
    const twice = { ...backup, events: [...backup.events, backup.events[0]] };
    expect(((await rejection(importBackup(ctx.db, twice, 'merge'))) as Error).message).toMatch(
      /repeats the id/,
    );
  });
});

describe('eraseAll, customerTable and customersCsv', () => {
  it('lists every customer by name with its reseller and GDAP invitations', async () => {
    const { a, b } = await fill();
    await addCustomer(ctx.db, { companyName: 'Charlie' });
    const table = await customerTable(ctx.db);
    expect(table.map((r) => [r.customer.companyName, r.reseller?.status, r.gdap?.status])).toEqual([
      ['Alpha', 'pending', 'pending'],
      ['=Bravo, "B"', 'accepted', undefined],
      ['Charlie', undefined, undefined],
    ]);
    expect(table[0]?.reseller?.id).toBe(a.invitationId);
    expect(table[1]?.customer.id).toBe(b.customerId);
  });

  it('erases every table, leaving a tombstone per synced record so the erase reaches every browser', async () => {
    await fill();
    const synced = await ctx.db.syncRecords.count();
    await eraseAll(ctx.db);
    for (const table of [ctx.db.customers, ctx.db.invitations, ctx.db.events, ctx.db.settings]) {
      expect(await table.count(), table.name).toBe(0);
    }
    const tombstones = await ctx.db.syncRecords.toArray();
    expect(tombstones).toHaveLength(synced);
    expect(tombstones.every((r) => r.deleted !== undefined)).toBe(true);
    // Personal data leaves the synced copy with the erase (sync-merge.ts deleteRecord).
    const customers = tombstones.filter((r) => r.table === 'customers');
    expect(customers.every((r) => r.fields.companyName === null && r.fields.email === null)).toBe(true);
  });

  it('writes one CSV row per customer with statuses, safe for spreadsheets', async () => {
    await fill();
    const csv = await customersCsv(ctx.db);
    expect(csv.startsWith('\uFEFFCompany name,')).toBe(true);
    const { records } = parseCsv(csv, ',');
    const rows = records.map((r) => r.fields);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      'Alpha',
      '',
      'a@alpha.example',
      'alpha.example',
      '',
      'en',
      'pending',
      '2025-01-06',
      '2025-01-06',
      '',
      'pending',
      '',
      '',
    ]);
    expect(rows[2]?.[0]).toBe('\'=Bravo, "B"');
    expect(rows[2]?.slice(6, 10)).toEqual(['accepted', '2025-01-07', '2025-01-07', '2025-01-07']);
  });
});
