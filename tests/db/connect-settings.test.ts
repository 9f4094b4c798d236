import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/problem';
import { readConnectSettings, saveClientId } from '../../src/db/connect-settings';
import { resetSetting, settingProblems } from '../../src/db/settings';
import { DexieLocalStore } from '../../src/sync/dexie-store';
import { rejection, useDb } from './support';

const ctx = useDb();
const ID = '11111111-2222-4333-8444-555555555555';
const OTHER = '99999999-2222-4333-8444-555555555555';
const CLOCK = '00000000001000Zz9';

/** The settings row `connect` as another browser's sync delivers it. */
const fromOtherBrowser = (clientId: unknown) =>
  new DexieLocalStore(ctx.db).applyRemote(
    [{ id: 'connect', table: 'settings', fields: { clientId }, clocks: { clientId: CLOCK } }],
    Date.now(),
  );

describe('the client id, a synced setting', () => {
  it('is stored as the settings row `connect` and tracked for sync; saving it again writes nothing', async () => {
    expect(await saveClientId(ctx.db, ` ${ID.toUpperCase()} `)).toBe(true);
    expect(await readConnectSettings(ctx.db)).toEqual({ settings: { clientId: ID }, problems: [] });
    const record = await ctx.db.syncRecords.get('settings/connect');
    expect(record?.fields).toEqual({ clientId: ID });
    expect(await saveClientId(ctx.db, ID)).toBe(false);
    expect((await ctx.db.syncRecords.get('settings/connect'))?.clocks).toEqual(record?.clocks);
  });

  it('refuses what is no GUID, writing nothing', async () => {
    await saveClientId(ctx.db, ID);
    const e = await rejection(saveClientId(ctx.db, 'my-app'));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).problems.map((p) => p.code)).toEqual(['not-a-guid']);
    expect((await readConnectSettings(ctx.db)).settings).toEqual({ clientId: ID });
  });

  it('arrives from another browser through sync and reads there', async () => {
    await fromOtherBrowser(ID);
    expect(await readConnectSettings(ctx.db)).toEqual({ settings: { clientId: ID }, problems: [] });
    expect(await settingProblems(ctx.db)).toEqual([]);
  });

  it('a malformed one from another browser is refused with a clear message, kept stored, and breaks nothing', async () => {
    await fromOtherBrowser({ id: 'not a guid' });
    const read = await readConnectSettings(ctx.db);
    expect(read.settings).toEqual({});
    expect(read.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['clientId:not-a-guid']);
    expect(read.problems[0]?.message).toMatch(/Application \(client\) ID is a GUID/);
    expect(await settingProblems(ctx.db)).toEqual([{ key: 'connect', problems: read.problems }]);
    expect((await ctx.db.settings.get('connect'))?.value).toEqual({ clientId: { id: 'not a guid' } });
  });

  it('a malformed one is replaced by the next good client id the partner connects with', async () => {
    await fromOtherBrowser(42);
    await saveClientId(ctx.db, OTHER);
    expect(await readConnectSettings(ctx.db)).toEqual({ settings: { clientId: OTHER }, problems: [] });
  });

  it('a malformed one is reset away like any setting', async () => {
    await fromOtherBrowser('my-app');
    expect((await settingProblems(ctx.db)).map((s) => s.key)).toEqual(['connect']);
    await resetSetting(ctx.db, 'connect');
    expect(await readConnectSettings(ctx.db)).toEqual({ settings: {}, problems: [] });
    expect(await settingProblems(ctx.db)).toEqual([]);
  });
});
