import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_PROFILE } from '../../src/core/profile';
import { createDb, type ResellerDb } from '../../src/db/db';
import { getProfile, getTemplateOverrides } from '../../src/db/settings';

const PROFILE = {
  ...EMPTY_PROFILE,
  partnerName: 'Contoso IT',
  tenantId: '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b',
};
const TEMPLATES = { fr: { subject: 'Invitation de {{partnerName}}', body: 'Bonjour,\n\n{{link}}' } };

/** The database as release 0.1.0 left it: schema version 1, settings only, written by its own Dexie declaration. */
async function releasedV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores({ settings: 'key' });
  await v1.table('settings').bulkPut([
    { key: 'profile', value: PROFILE },
    { key: 'templates', value: TEMPLATES },
  ]);
  v1.close();
}

/** Index names as IndexedDB itself has them, not as Dexie declares them. */
function storedIndexes(db: ResellerDb, table: string): string[] {
  const idb = db.backendDB();
  return [...idb.transaction(table, 'readonly').objectStore(table).indexNames].sort();
}

let db: ResellerDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('schema upgrades', () => {
  it('upgrades a version 1 database to the latest version, keeping the settings', async () => {
    const name = `t-${crypto.randomUUID()}`;
    await releasedV1(name);
    db = createDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await getProfile(db)).toEqual(PROFILE);
    expect(await getTemplateOverrides(db)).toEqual(TEMPLATES);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'countDays',
      'countTimes',
      'customers',
      'events',
      'invitations',
      'settings',
      'syncMeta',
      'syncRecords',
    ]);
    expect(await db.customers.count()).toBe(0);
    expect(storedIndexes(db, 'invitations')).toEqual([
      '[customerId+type]',
      '[status+acceptedAt]',
      '[status+firstSentAt]',
      '[status+followUpDueAt]',
      '[status+lastSentAt]',
    ]);
    expect(storedIndexes(db, 'customers')).toEqual(['domain', 'email', 'nameKey', 'tenantId', 'words']);
    expect(storedIndexes(db, 'events')).toEqual(['[customerId+at]']);
    expect(storedIndexes(db, 'settings')).toEqual([]);
  });

  it('creates every table in a new database, with string keys and no auto-increment', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    await db.open();
    for (const table of db.tables) {
      expect(table.schema.primKey.auto, table.name).toBe(false);
    }
    expect(db.customers.schema.primKey.keyPath).toBe('id');
    expect(db.customers.schema.indexes.find((i) => i.name === 'words')?.multi).toBe(true);
  });

  it('upgrades a version 2 database to version 3, stamping every synced row so it syncs', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores({
      settings: 'key',
      customers: 'id, email, domain, tenantId, nameKey, *words',
      invitations: 'id, [customerId+type]',
      events: 'id, [customerId+at]',
    });
    await v2.table('settings').bulkPut([
      { key: 'profile', value: PROFILE },
      { key: 'local-only', value: { x: 1 } },
    ]);
    await v2
      .table('customers')
      .put({ id: 'c1', companyName: 'Contoso', nameKey: 'contoso', words: ['contoso'] });
    await v2
      .table('invitations')
      .put({ id: 'i1', customerId: 'c1', status: 'pending', sentAt: [5], firstSentAt: 5 });
    v2.close();
    db = createDb(name);
    await db.open();
    const records = await db.syncRecords.orderBy('key').toArray();
    expect(records.map((r) => r.key)).toEqual(['customers/c1', 'invitations/i1', 'settings/profile']);
    const [customer, invitation] = records;
    expect(customer?.fields).toEqual({ companyName: 'Contoso' });
    expect(invitation?.fields).toEqual({
      customerId: 'i1'.replace('i', 'c'),
      sentAt: [5],
      status: 'pending',
    });
    const hlc = (await db.syncMeta.get('hlc'))?.v as string;
    expect(Object.values(customer?.clocks ?? {})).toEqual([hlc]);
  });

  it('reopens a version 2 database with its data', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const first = createDb(name);
    await first.events.add({ id: 'e', customerId: 'c', invitationId: 'i', at: 1, type: 'sent', detail: {} });
    first.close();
    db = createDb(name);
    expect(await db.events.get('e')).toMatchObject({ customerId: 'c' });
  });
});
