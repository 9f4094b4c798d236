import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../src/core/default-templates';
import { EMPTY_PROFILE } from '../../src/core/profile';
import {
  getTemplateOverrides,
  readTemplates,
  resetSetting,
  resetTemplate,
  saveProfile,
  saveTemplate,
  settingProblems,
} from '../../src/db/settings';
import {
  getTrackingSettings,
  readTrackingSettings,
  saveTrackingSettings,
} from '../../src/db/tracking-settings';
import { useDb } from './support';

const ctx = useDb();
const T = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const EN = { subject: 'Hi {{partnerName}}', body: 'Hello\n\n{{link}}' };
const BROKEN_FR = { subject: 'Bonjour', body: 'Sans lien' };

describe('a damaged stored setting is reported, never saved over unseen', () => {
  it('a template that no longer renders is left out (default in force), reported, and kept when another language is saved', async () => {
    await ctx.db.settings.put({
      key: 'templates',
      value: { fr: BROKEN_FR, de: { subject: 's', body: 'b' } },
    });
    const read = await readTemplates(ctx.db);
    expect(read.overrides).toEqual({});
    expect(read.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['fr:missing-link']);
    await saveTemplate(ctx.db, 'en', EN);
    expect((await ctx.db.settings.get('templates'))?.value).toEqual({
      fr: BROKEN_FR,
      de: { subject: 's', body: 'b' },
      en: EN,
    });
    expect(await getTemplateOverrides(ctx.db)).toEqual({ en: EN });
    await resetTemplate(ctx.db, 'fr');
    expect((await readTemplates(ctx.db)).problems).toEqual([]);
  });

  it('a template of the wrong type is reported by language, and the default takes its place', async () => {
    await ctx.db.settings.put({ key: 'templates', value: { en: { subject: 3, body: null } } });
    const read = await readTemplates(ctx.db);
    expect(read.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['en:not-text', 'en:not-text']);
    expect(read.overrides.en ?? DEFAULT_TEMPLATES.en).toEqual(DEFAULT_TEMPLATES.en);
  });

  it('a damaged reminder field reads as its default for the badge, is reported, and survives a save of the other field', async () => {
    await ctx.db.settings.put({ key: 'tracking', value: { followUpDays: 9, notify: 'yes' } });
    expect(await getTrackingSettings(ctx.db)).toEqual({ followUpDays: 9, notify: false });
    expect((await readTrackingSettings(ctx.db)).problems.map((p) => p.field)).toEqual(['notify']);
    await saveTrackingSettings(ctx.db, { followUpDays: 14 });
    expect((await ctx.db.settings.get('tracking'))?.value).toEqual({ followUpDays: 14, notify: 'yes' });
    await saveTrackingSettings(ctx.db, { notify: true });
    expect((await readTrackingSettings(ctx.db)).problems).toEqual([]);
  });

  it('lists every damaged setting, and a reset goes back to the default through an ordinary delete', async () => {
    await ctx.db.settings.put({ key: 'profile', value: 'not a profile' });
    await ctx.db.settings.put({ key: 'tracking', value: { followUpDays: 0 } });
    expect((await settingProblems(ctx.db)).map((s) => s.key)).toEqual(['profile', 'tracking']);
    await resetSetting(ctx.db, 'profile');
    await resetSetting(ctx.db, 'not-a-setting');
    expect((await settingProblems(ctx.db)).map((s) => s.key)).toEqual(['tracking']);
    expect(await ctx.db.settings.get('profile')).toBeUndefined();
  });

  it('a saved profile keeps a confirmed host only for the link it was given for', async () => {
    const link = `https://partner.example.cn/Adminportal/Home?invType=ResellerRelationship&partnerId=${T}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;
    const pasted = { ...EMPTY_PROFILE, partnerName: 'P', source: 'pasted' as const, pastedLink: link };
    await saveProfile(ctx.db, { ...pasted, confirmedHost: 'partner.example.cn' });
    expect((await ctx.db.settings.get('profile'))?.value).toMatchObject({
      confirmedHost: 'partner.example.cn',
    });
    await saveProfile(ctx.db, {
      ...EMPTY_PROFILE,
      partnerName: 'P',
      tenantId: T,
      confirmedHost: 'partner.example.cn',
    });
    expect((await ctx.db.settings.get('profile'))?.value).toMatchObject({ confirmedHost: '' });
  });
});
