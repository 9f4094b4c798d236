import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_PROFILE, type PartnerProfile } from '../../src/core/profile';
import { createDb, type ResellerDb } from '../../src/db/db';
import { FIRST_SETTINGS_COPY, keepFirstSettingsCopy, peekSettings, readFirstValues } from '../../src/db/peek';
import { getTemplateOverrides, readProfile, saveProfile, saveTemplate } from '../../src/db/settings';
import { MemoryStorage } from './support';

const PROFILE: PartnerProfile = {
  ...EMPTY_PROFILE,
  partnerName: 'Fabrikam Cloud',
  tenantId: '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b',
};
const FR = { subject: 'Invitation de {{partnerName}}', body: 'Bonjour,\n\n{{link}}' };

const opened: ResellerDb[] = [];
function freshDb(): ResellerDb {
  const db = createDb(`peek-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('peekSettings (the popup’s first read, without Dexie)', () => {
  it('reads the profile and templates exactly as Dexie’s reads do', async () => {
    const db = freshDb();
    await saveProfile(db, PROFILE);
    await saveTemplate(db, 'fr', FR);
    const first = await peekSettings(undefined, db.name);
    expect(first?.profile).toEqual(await readProfile(db));
    expect(first?.profile).toMatchObject({ state: 'ok', profile: { partnerName: 'Fabrikam Cloud' } });
    expect(first?.overrides).toEqual(await getTemplateOverrides(db));
    expect(first?.overrides.fr).toEqual(FR);
  });

  it('says none is stored, and a stored profile that does not read is broken, as readProfile does', async () => {
    const db = freshDb();
    await db.open();
    expect(await peekSettings(undefined, db.name)).toEqual({ profile: { state: 'none' }, overrides: {} });
    await db.settings.put({ key: 'profile', value: { ...PROFILE, partnerName: 42 } });
    const first = await peekSettings(undefined, db.name);
    expect(first?.profile.state).toBe('broken');
    expect(first?.profile).toEqual(await readProfile(db));
  });

  it('leaves a database that does not exist yet for Dexie to create whole', async () => {
    const name = `peek-${crypto.randomUUID()}`;
    expect(await peekSettings(undefined, name)).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const db = createDb(name);
    opened.push(db);
    await saveProfile(db, PROFILE);
    expect((await readProfile(db)).state).toBe('ok');
    expect(db.tables.map((t) => t.name)).toContain('countDays');
  });

  it('holds no connection that would block Dexie opening the database', async () => {
    const db = freshDb();
    await saveProfile(db, PROFILE);
    db.close();
    await peekSettings(undefined, db.name);
    // A schema upgrade needs every other connection closed: deleting the database needs the same.
    await expect(db.delete()).resolves.toBeUndefined();
  });
});

describe('the first settings’ copy in localStorage', () => {
  it('answers with what Dexie reads, without opening IndexedDB', async () => {
    const db = freshDb();
    await saveProfile(db, PROFILE);
    await saveTemplate(db, 'fr', FR);
    const copy = new MemoryStorage();
    keepFirstSettingsCopy(await readFirstValues(db), copy);
    const absent = `peek-${crypto.randomUUID()}`;
    const first = await peekSettings(copy, absent);
    expect(first?.profile).toEqual(await readProfile(db));
    expect(first?.overrides).toEqual(await getTemplateOverrides(db));
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(absent);
  });

  it('says none is stored when the copy says so, and parses a copied profile as a stored one', async () => {
    const copy = new MemoryStorage();
    keepFirstSettingsCopy({}, copy);
    expect(await peekSettings(copy, `peek-${crypto.randomUUID()}`)).toEqual({
      profile: { state: 'none' },
      overrides: {},
    });
    keepFirstSettingsCopy({ profile: { ...PROFILE, partnerName: 42 }, templates: 'not templates' }, copy);
    const first = await peekSettings(copy, `peek-${crypto.randomUUID()}`);
    expect(first?.profile.state).toBe('broken');
    expect(first?.overrides).toEqual({});
  });

  it.each([
    ['not JSON', '{"format":1,'],
    ['another format', JSON.stringify({ format: 2, values: { profile: PROFILE } })],
    ['no values', JSON.stringify({ format: 1, values: [PROFILE] })],
    ['not an object', JSON.stringify([1])],
  ])('falls back to IndexedDB when the copy is %s', async (_, text) => {
    const db = freshDb();
    await saveProfile(db, { ...PROFILE, partnerName: 'Stored' });
    const copy = new MemoryStorage();
    copy.items.set(FIRST_SETTINGS_COPY, text);
    const first = await peekSettings(copy, db.name);
    expect(first?.profile).toMatchObject({ state: 'ok', profile: { partnerName: 'Stored' } });
  });

  it('ignores keys it does not read, inherited ones included', async () => {
    const copy = new MemoryStorage();
    copy.items.set(
      FIRST_SETTINGS_COPY,
      '{"format":1,"values":{"__proto__":{"profile":{"partnerName":"x"}},"tracking":{}}}',
    );
    expect(await peekSettings(copy, `peek-${crypto.randomUUID()}`)).toEqual({
      profile: { state: 'none' },
      overrides: {},
    });
  });

  it('leaves no copy, rather than an older one, when a write fails or there is nothing to keep', () => {
    const copy = new MemoryStorage();
    keepFirstSettingsCopy({ profile: PROFILE }, copy);
    copy.full = true;
    keepFirstSettingsCopy({ profile: { ...PROFILE, partnerName: 'Newer' } }, copy);
    expect(copy.items.has(FIRST_SETTINGS_COPY)).toBe(false);
    copy.full = false;
    keepFirstSettingsCopy({ profile: PROFILE }, copy);
    keepFirstSettingsCopy(undefined, copy);
    expect(copy.items.has(FIRST_SETTINGS_COPY)).toBe(false);
  });

  it('reads through Dexie exactly the stored values, absent ones absent', async () => {
    const db = freshDb();
    await db.open();
    expect(await readFirstValues(db)).toEqual({});
    await saveTemplate(db, 'fr', FR);
    const values = await readFirstValues(db);
    expect(Object.keys(values)).toEqual(['templates']);
    expect(values.templates).toEqual((await db.settings.get('templates'))?.value);
  });
});
