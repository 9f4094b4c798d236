import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_MAX_BYTES, checkBackup, checkBackupSize } from '../../src/core/backup';
import { InvalidInputError } from '../../src/core/problem';
import { EMPTY_PROFILE } from '../../src/core/profile';
import { checkExportSize, EXPORT_MAX_BYTES, parseCustomerExport } from '../../src/core/reconcile';
import { exportAll, importBackup } from '../../src/db/backup';
import { getProfile, readProfile, saveProfile } from '../../src/db/settings';
import { addCustomer, rejection, useDb } from './support';

const ctx = useDb();
const T = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const CUSTOMER = { id: 'c1', companyName: 'Contoso', createdAt: 1, updatedAt: 1 };
const file = (patch: Record<string, unknown>) =>
  JSON.stringify({
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: 1,
    customers: [],
    invitations: [],
    events: [],
    settings: [],
    ...patch,
  });

describe('backup import: unknown fields are dropped, never stored', () => {
  it('drops junk, constructor and __proto__ from every record and setting', async () => {
    const text = file({
      customers: [{ ...CUSTOMER, junk: 'x', constructor: { prototype: { polluted: 1 } } }],
      settings: [
        { key: 'profile', value: { ...EMPTY_PROFILE, partnerName: 'Contoso IT', tenantId: T, junk: 1 } },
      ],
    }).replace('"id":"c1"', '"__proto__":{"polluted":true},"id":"c1"');
    await importBackup(ctx.db, text, 'merge');
    const [row] = await ctx.db.customers.toArray();
    expect(Object.keys(row ?? {})).not.toContain('junk');
    expect(Object.hasOwn(row ?? {}, 'constructor')).toBe(false);
    expect(Object.hasOwn(row ?? {}, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const profile = (await ctx.db.settings.get('profile'))?.value as Record<string, unknown>;
    expect(profile.partnerName).toBe('Contoso IT');
    expect('junk' in profile).toBe(false);
  });

  it('drops a setting this version does not know, keeping the rest of the file', async () => {
    await importBackup(
      ctx.db,
      file({ customers: [CUSTOMER], settings: [{ key: 'future', value: 1 }] }),
      'merge',
    );
    expect(await ctx.db.settings.get('future')).toBeUndefined();
    expect(await ctx.db.customers.count()).toBe(1);
  });
});

describe('backup import: a wrong-shaped value is refused whole, naming it', () => {
  it.each([
    [
      'a profile whose name is a number',
      { settings: [{ key: 'profile', value: { partnerName: 42 } }] },
      /profile/,
    ],
    ['templates that are a string', { settings: [{ key: 'templates', value: 'x' }] }, /templates/],
    [
      'a template body that is a list',
      { settings: [{ key: 'templates', value: { en: { subject: 's', body: [] } } }] },
      /EN template/,
    ],
    [
      'a threshold of zero days',
      { settings: [{ key: 'tracking', value: { followUpDays: 0 } }] },
      /whole number of days/,
    ],
    [
      'a 2 MB company name',
      { customers: [{ ...CUSTOMER, companyName: 'x'.repeat(2_000_000) }] },
      /the most is 200/,
    ],
    [
      'a company name that is a number',
      { customers: [{ ...CUSTOMER, companyName: 7 }] },
      /companyName should be text/,
    ],
  ])('refuses %s and changes nothing', async (_name, patch, message) => {
    await saveProfile(ctx.db, { ...EMPTY_PROFILE, partnerName: 'Kept', tenantId: T });
    const before = await exportAll(ctx.db);
    const error = await rejection(importBackup(ctx.db, file(patch), 'replace'));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(message);
    const { exportedAt: _a, ...after } = await exportAll(ctx.db);
    const { exportedAt: _b, ...was } = before;
    expect(after).toEqual(was);
  });
});

describe('file-size limits', () => {
  it('refuses a backup past the limit before parsing it, with the sizes in the message', () => {
    expect(checkBackupSize(BACKUP_MAX_BYTES)).toBeUndefined();
    const tooLarge = checkBackupSize(BACKUP_MAX_BYTES + 1);
    expect(tooLarge).toMatchObject({ code: 'too-large' });
    expect(tooLarge?.message).toContain('at most 64 MB');
    const r = checkBackup(' '.repeat(BACKUP_MAX_BYTES + 1));
    expect(!r.ok && r.findings[0]?.code).toBe('too-large');
  });

  it('refuses a CSV past the limit and skips rows whose fields are past theirs', () => {
    expect(checkExportSize(EXPORT_MAX_BYTES + 1)?.code).toBe('too-large');
    expect(parseCustomerExport(' '.repeat(EXPORT_MAX_BYTES + 1)).problems[0]?.code).toBe('too-large');
    const csv = `Microsoft ID,Company name\n${T},${'x'.repeat(201)}\n`;
    const { rows, problems } = parseCustomerExport(csv);
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['missing-column', 'missing-column', 'too-long']);
  });
});

describe('stored profile of the wrong shape', () => {
  it('is reported with what still reads, and stays stored until the partner saves', async () => {
    await addCustomer(ctx.db, { companyName: 'Contoso' });
    await ctx.db.settings.put({
      key: 'profile',
      value: { ...EMPTY_PROFILE, partnerName: 12, senderName: 'Sam' },
    });
    const stored = await readProfile(ctx.db);
    expect(stored.state).toBe('broken');
    expect(stored.state === 'broken' && stored.problems.map((p) => p.field)).toEqual(['partnerName']);
    expect(stored.state === 'broken' && stored.salvaged.senderName).toBe('Sam');
    expect(await getProfile(ctx.db)).toBeUndefined();
    expect((await ctx.db.settings.get('profile'))?.value).toMatchObject({ partnerName: 12 });
  });
});
