import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_PROFILE } from '../../src/core/profile';
import { createDb, type ResellerDb } from '../../src/db/db';
import { saveProfile, saveTemplate } from '../../src/db/settings';
import { saveTrackingSettings } from '../../src/db/tracking-settings';
import { watchWrites } from '../../src/db/write-watch';
import { addCustomer } from './support';

const T = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
let db: ResellerDb;
let told: number;

/** Lets IndexedDB deliver the `complete` events of transactions already committed. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  db = createDb(`watch-${crypto.randomUUID()}`);
  told = 0;
  watchWrites(db, () => told++);
});
afterEach(async () => {
  await db.delete();
});

describe('watchWrites', () => {
  it('tells once per profile, template and reminder edit, the settings writes callers used to forget', async () => {
    await saveProfile(db, { ...EMPTY_PROFILE, partnerName: 'Contoso IT', tenantId: T });
    await settle();
    expect(told).toBe(1);
    await saveTemplate(db, 'en', { subject: 'Hi {{partnerName}}', body: 'Hello\n\n{{link}}' });
    await settle();
    expect(told).toBe(2);
    await saveTrackingSettings(db, { followUpDays: 10 });
    await settle();
    expect(told).toBe(3);
  });

  it('tells once for a transaction of many writes', async () => {
    await db.transaction('rw', db.customers, async () => {
      for (let i = 0; i < 20; i++) await addCustomer(db, { companyName: `C${i}` });
    });
    await settle();
    expect(told).toBe(1);
  });

  it('stays quiet for reads, for a refused write and for an aborted transaction', async () => {
    await db.customers.toArray();
    await saveProfile(db, { ...EMPTY_PROFILE }).catch(() => undefined);
    await db
      .transaction('rw', db.customers, async () => {
        await addCustomer(db, { companyName: 'Rolled back' });
        throw new Error('abort');
      })
      .catch(() => undefined);
    await settle();
    expect(told).toBe(0);
    expect(await db.customers.count()).toBe(0);
  });
});
