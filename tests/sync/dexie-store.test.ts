import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EMPTY_PROFILE } from '../../src/core/profile';
import { planDedupe } from '../../src/core/sync-dedupe';
import { MERGED_FIELD } from '../../src/core/sync-merge';
import { deleteCustomers, searchCustomers, updateCustomer } from '../../src/db/customers';
import { customerTimeline } from '../../src/db/events';
import { markAccepted, recordSend, type SendInput } from '../../src/db/invitations';
import { pendingList } from '../../src/db/pending';
import { saveProfile } from '../../src/db/settings';
import { DexieLocalStore } from '../../src/sync/dexie-store';
import { addCustomer, advance, ok, T0, useDb } from '../db/support';

const ctx = useDb();
const SEND: SendInput = {
  companyName: 'Contoso Ltd',
  contactName: 'Alex Martin',
  email: 'alex@contoso.com',
  linkType: 'reseller',
  language: 'en',
  channel: 'copy',
};
const TENANT = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';

const record = async (key: string) => (await ctx.db.syncRecords.get(key)) ?? expect.fail(`no record ${key}`);
const hlc = async () => (await ctx.db.syncMeta.get('hlc'))?.v as string;

describe('change-tracking middleware (docs/decisions.md, "Clocks stamped by Dexie middleware")', () => {
  it('stamps a new customer in its own transaction, without the derived index keys', async () => {
    const c = await addCustomer(ctx.db, { companyName: 'Contoso', email: 'a@contoso.com' });
    const r = await record(`customers/${c.id}`);
    expect(r.fields).toMatchObject({ companyName: 'Contoso', email: 'a@contoso.com', domain: 'contoso.com' });
    expect(r.fields).not.toHaveProperty('nameKey');
    expect(r.fields).not.toHaveProperty('words');
    expect(new Set(Object.values(r.clocks))).toEqual(new Set([await hlc()]));
  });

  it('stamps only the fields an edit changes, with a later clock', async () => {
    const c = await addCustomer(ctx.db, { companyName: 'Contoso' });
    const before = await record(`customers/${c.id}`);
    advance(1_000);
    await updateCustomer(ctx.db, c.id, { notes: 'call back' });
    const after = await record(`customers/${c.id}`);
    expect((after.clocks.notes ?? '') > (before.clocks.notes ?? '')).toBe(true);
    expect(after.clocks.companyName).toBe(before.clocks.companyName);
  });

  it('keeps undo snapshots and send-time index keys out of the synced invitation', async () => {
    const sent = ok(await recordSend(ctx.db, SEND));
    await markAccepted(ctx.db, sent.invitationId);
    const r = await record(`invitations/${sent.invitationId}`);
    expect(r.fields).toMatchObject({ status: 'accepted', sentAt: [T0] });
    for (const f of ['previous', 'firstSentAt', 'lastSentAt']) expect(r.fields).not.toHaveProperty(f);
  });

  it('turns deletes into tombstones with personal data blanked; queries no longer see the record', async () => {
    const sent = ok(await recordSend(ctx.db, SEND));
    await deleteCustomers(ctx.db, [sent.customerId]);
    const c = await record(`customers/${sent.customerId}`);
    expect(c.deleted).toBeDefined();
    expect(c.fields.companyName).toBeNull();
    expect((await record(`invitations/${sent.invitationId}`)).deleted).toBeDefined();
    expect(await searchCustomers(ctx.db, 'contoso')).toEqual([]);
    expect(await pendingList(ctx.db, 10)).toEqual([]);
  });

  it('records a tombstone for each row a clear() removes', async () => {
    await addCustomer(ctx.db, { companyName: 'A' });
    await addCustomer(ctx.db, { companyName: 'B' });
    await ctx.db.customers.clear();
    const records = await ctx.db.syncRecords.toArray();
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.deleted)).toBe(true);
  });

  it('tracks the synced settings only', async () => {
    await saveProfile(ctx.db, { ...EMPTY_PROFILE, partnerName: 'Fabrikam', tenantId: TENANT });
    await ctx.db.settings.put({ key: 'local-thing', value: { a: 1 } });
    const keys = (await ctx.db.syncRecords.toArray()).map((r) => r.key);
    expect(keys).toEqual(['settings/profile']);
    expect((await record('settings/profile')).fields.partnerName).toBe('Fabrikam');
  });

  it('leaves no clock behind when the write aborts', async () => {
    const before = await ctx.db.syncRecords.count();
    await expect(
      ctx.db.transaction('rw', ctx.db.customers, async () => {
        await ctx.db.customers.add({ id: 'x', companyName: 'X' } as never);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await ctx.db.syncRecords.count()).toBe(before);
  });
});

describe('DexieLocalStore', () => {
  const remoteCustomer = {
    id: 'rc',
    table: 'customers' as const,
    fields: { companyName: 'Remote Contoso', email: 'it@remote.example', language: 'en' },
    clocks: { companyName: '00000000001000Zz9', email: '00000000001000Zz9', language: '00000000001000Zz9' },
  };
  const remoteInvitation = {
    id: 'ri',
    table: 'invitations' as const,
    fields: { customerId: 'rc', type: 'reseller', status: 'pending', epoch: 0, sentAt: [T0 - 5, T0] },
    clocks: { customerId: 'c', type: 'c', status: 'c', epoch: 'c', sentAt: 'c' },
  };
  remoteInvitation.clocks = Object.fromEntries(
    Object.keys(remoteInvitation.clocks).map((k) => [k, '00000000001000Zz9']),
  ) as typeof remoteInvitation.clocks;

  it('applies remote records without stamping them, rebuilding derived fields', async () => {
    const store = new DexieLocalStore(ctx.db);
    const changed = await store.applyRemote([remoteCustomer, remoteInvitation], T0);
    expect(changed).toHaveLength(2);
    expect(await record('customers/rc')).toMatchObject({ clocks: remoteCustomer.clocks });
    expect(await ctx.db.customers.get('rc')).toMatchObject({
      nameKey: expect.any(String),
      words: expect.any(Array),
    });
    expect(await ctx.db.invitations.get('ri')).toMatchObject({ firstSentAt: T0 - 5, lastSentAt: T0 });
    expect((await pendingList(ctx.db, 10)).map((p) => p.customer.companyName)).toEqual(['Remote Contoso']);
    // Applied again: nothing changes, nothing is stamped.
    expect(await store.applyRemote([remoteCustomer], T0)).toEqual([]);
    expect((await store.readMeta()).hlc >= '00000000001000Zz9').toBe(true);
  });

  it('a remote tombstone removes the row and the customer’s history', async () => {
    const sent = ok(await recordSend(ctx.db, SEND));
    const store = new DexieLocalStore(ctx.db);
    const [mine] = (await store.readAll()).filter((r) => r.id === sent.customerId);
    if (!mine) throw new Error('no record');
    const future = '0zzzzzzzz000Zz9';
    await store.applyRemote([{ ...mine, deleted: future }], T0);
    expect(await ctx.db.customers.get(sent.customerId)).toBeUndefined();
    expect(await customerTimeline(ctx.db, sent.customerId)).toEqual([]);
    expect((await store.readAll()).find((r) => r.id === sent.customerId)?.deleted).toBe(future);
  });

  it('makes one customer of a local and a remote one with the same email, moving history to the survivor', async () => {
    const sent = ok(await recordSend(ctx.db, SEND));
    const store = new DexieLocalStore(ctx.db);
    // An id that sorts before any random one: the remote customer survives, so the local history has to move.
    const twin = {
      ...remoteCustomer,
      id: '000000000000',
      fields: { ...remoteCustomer.fields, email: 'Alex@Contoso.com ' },
    };
    const itsInvitation = {
      ...remoteInvitation,
      fields: { ...remoteInvitation.fields, customerId: twin.id },
    };
    await store.applyRemote([twin, itsInvitation], T0);
    expect(await ctx.db.customers.count()).toBe(2);

    await store.dedupe(planDedupe(await store.readAll()), T0);

    const customers = await ctx.db.customers.toArray();
    expect(customers).toHaveLength(1);
    expect(customers[0]?.id).toBe(twin.id);
    const survivor = twin.id;
    const loser = sent.customerId;
    const invitations = await ctx.db.invitations.toArray();
    expect(invitations.map((i) => [i.customerId, i.type, i.status])).toEqual([
      [survivor, 'reseller', 'pending'],
    ]);
    // The send recorded here is kept, on the survivor, pointing at the invitation that remains.
    const timeline = await customerTimeline(ctx.db, survivor);
    expect(timeline.map((e) => e.type)).toContain('sent');
    for (const e of timeline) expect(e.invitationId).toBe(invitations[0]?.id);
    expect(await customerTimeline(ctx.db, loser)).toEqual([]);
    // The duplicate leaves a tombstone naming the survivor, so every browser folds it the same way.
    const tomb = await record(`customers/${loser}`);
    expect(tomb.deleted).toBeTruthy();
    expect(tomb.fields[MERGED_FIELD]).toBe(survivor);
  });

  it('purges collected tombstones only', async () => {
    const a = await addCustomer(ctx.db, { companyName: 'A' });
    const b = await addCustomer(ctx.db, { companyName: 'B' });
    await deleteCustomers(ctx.db, [a.id]);
    const store = new DexieLocalStore(ctx.db);
    await store.purge([
      { table: 'customers', id: a.id },
      { table: 'customers', id: b.id },
    ]);
    expect((await store.readAll()).map((r) => r.id)).toEqual([b.id]);
  });

  it('keeps its metadata and never moves the clock back', async () => {
    const store = new DexieLocalStore(ctx.db);
    const meta = await store.readMeta();
    expect(meta.deviceId).toMatch(/^[0-9A-Za-z]{6}$/);
    await addCustomer(ctx.db, { companyName: 'A' });
    const ticked = await hlc();
    await store.writeMeta({ hlc: meta.hlc, acks: { Other1: '00000000001000Other1' }, retryAt: 5 });
    const again = await store.readMeta();
    expect(again).toMatchObject({
      deviceId: meta.deviceId,
      hlc: ticked,
      acks: { Other1: '00000000001000Other1' },
      retryAt: 5,
    });
  });

  it('starts a bookkeeping value that does not read afresh, keeping the stored one aside', async () => {
    const store = new DexieLocalStore(ctx.db);
    await store.writeMeta({ gcBefore: '00000000001000Zz9', retryAt: 7 });
    // As another version might have left them: a collection bound and a write log this one cannot read.
    await ctx.db.syncMeta.bulkPut([
      { k: 'gcBefore', v: 12 },
      { k: 'writeLog', v: 'x' },
    ]);
    const meta = await store.readMeta();
    expect(meta).toMatchObject({ gcBefore: '', writeLog: [], retryAt: 7 });
    expect(await ctx.db.syncMeta.get('aside:gcBefore')).toEqual({ k: 'aside:gcBefore', v: 12 });
    expect(await ctx.db.syncMeta.get('aside:writeLog')).toEqual({ k: 'aside:writeLog', v: 'x' });
    // The next write replaces the field; the kept row stays, and a later bad value does not replace the first.
    await store.writeMeta({ gcBefore: '00000000002000Zz9' });
    await ctx.db.syncMeta.put({ k: 'gcBefore', v: null });
    expect((await store.readMeta()).gcBefore).toBe('');
    expect(await ctx.db.syncMeta.get('aside:gcBefore')).toEqual({ k: 'aside:gcBefore', v: 12 });
    await store.writeMeta({ gcBefore: '00000000002000Zz9' });
    expect((await store.readMeta()).gcBefore).toBe('00000000002000Zz9');
  });
});
