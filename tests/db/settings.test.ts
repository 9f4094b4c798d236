import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, defaultTemplate } from '../../src/core/default-templates';
import { InvalidInputError } from '../../src/core/problem';
import { EMPTY_PROFILE, type PartnerProfile } from '../../src/core/profile';
import type { Template } from '../../src/core/types';
import { createDb, type ResellerDb } from '../../src/db/db';
import {
  effectiveTemplate,
  getProfile,
  getTemplateOverrides,
  resetTemplate,
  saveProfile,
  saveTemplate,
} from '../../src/db/settings';

const T = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const P = 'a1b2c3d4-e5f6-4789-8abc-def012345678';

const FR: Template = {
  subject: 'Invitation de {{partnerName}}',
  body: 'Bonjour,\n\n{{link}}\n\n{{senderName}}',
};
const EN: Template = { subject: 'Invitation from {{partnerName}}', body: 'Hello,\n\n{{link}}' };

let db: ResellerDb;

beforeEach(() => {
  db = createDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

/** The error a promise rejects with, failing the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}

describe('profile', () => {
  it('is undefined before anything is saved', async () => {
    expect(await getProfile(db)).toBeUndefined();
  });

  it('refuses a profile with problems, carrying the findings, and writes nothing', async () => {
    const bad: PartnerProfile = { ...EMPTY_PROFILE, partnerName: '', tenantId: '1234567' };
    const error = await rejection(saveProfile(db, bad));
    expect(error).toBeInstanceOf(InvalidInputError);
    const findings = (error as InvalidInputError).problems;
    expect(findings).toEqual([
      expect.objectContaining({ field: 'partnerName', code: 'required' }),
      expect.objectContaining({ field: 'tenantId', code: 'numeric-partner-id' }),
    ]);
    expect((error as Error).message).toContain(findings[0]?.message ?? '<none>');
    expect(await db.settings.count()).toBe(0);
    expect(await getProfile(db)).toBeUndefined();
  });

  it('saves a valid profile normalised and reads it back', async () => {
    const input: PartnerProfile = {
      ...EMPTY_PROFILE,
      partnerName: '  Contoso IT ',
      senderName: ' Alex Martin  ',
      tenantId: ` ${T.toUpperCase()} `,
      kind: 'indirect',
      resellerPartnerId: ' 1234567 ',
      providerTenantId: `${P.toUpperCase()}  `,
    };
    await saveProfile(db, input);
    expect(await getProfile(db)).toEqual({
      ...input,
      partnerName: 'Contoso IT',
      senderName: 'Alex Martin',
      tenantId: T,
      resellerPartnerId: '1234567',
      providerTenantId: P,
    });
    expect(await db.settings.count()).toBe(1);
  });

  it('saves a pasted link trimmed', async () => {
    const link = `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${T.toUpperCase()}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;
    await saveProfile(db, {
      ...EMPTY_PROFILE,
      partnerName: 'Contoso IT',
      source: 'pasted',
      pastedLink: `  ${link}\n`,
    });
    const saved = await getProfile(db);
    expect(saved?.source).toBe('pasted');
    expect(saved?.pastedLink).toBe(link);
  });

  it('overwrites the saved profile when saved again', async () => {
    await saveProfile(db, { ...EMPTY_PROFILE, partnerName: 'Contoso IT', tenantId: T });
    await saveProfile(db, { ...EMPTY_PROFILE, partnerName: 'Fabrikam', tenantId: P, includeDap: true });
    const saved = await getProfile(db);
    expect(saved?.partnerName).toBe('Fabrikam');
    expect(saved?.tenantId).toBe(P);
    expect(saved?.includeDap).toBe(true);
    expect(await db.settings.count()).toBe(1);
  });

  it('keeps the saved profile when a later save is refused', async () => {
    await saveProfile(db, { ...EMPTY_PROFILE, partnerName: 'Contoso IT', tenantId: T });
    const error = await rejection(
      saveProfile(db, { ...EMPTY_PROFILE, partnerName: 'Fabrikam', tenantId: '' }),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((await getProfile(db))?.partnerName).toBe('Contoso IT');
  });
});

describe('templates', () => {
  it('have no overrides at start', async () => {
    expect(await getTemplateOverrides(db)).toEqual({});
  });

  it('refuses a template without {{link}} and leaves the overrides unchanged', async () => {
    await saveTemplate(db, 'en', EN);
    const error = await rejection(
      saveTemplate(db, 'fr', { subject: 'Invitation', body: 'Bonjour, sans lien.' }),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems).toEqual([
      expect.objectContaining({ field: 'body', code: 'missing-link' }),
    ]);
    expect(await getTemplateOverrides(db)).toEqual({ en: EN });
  });

  it('writes nothing when the first template saved is refused', async () => {
    const error = await rejection(saveTemplate(db, 'en', { subject: '', body: '{{link}} {{Link}}' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems.map((f) => f.code)).toEqual([
      'empty',
      'unknown-placeholder',
    ]);
    expect(await db.settings.count()).toBe(0);
  });

  it('saves one language without touching the other', async () => {
    await saveTemplate(db, 'fr', FR);
    const overrides = await getTemplateOverrides(db);
    expect(overrides).toEqual({ fr: FR });
    expect(overrides.en).toBeUndefined();
  });

  it('replaces a language override when saved again', async () => {
    await saveTemplate(db, 'fr', FR);
    const again = { ...FR, subject: 'Nouvelle invitation de {{partnerName}}' };
    await saveTemplate(db, 'fr', again);
    expect(await getTemplateOverrides(db)).toEqual({ fr: again });
  });

  it('uses the override for fr and the default for en', async () => {
    await saveTemplate(db, 'fr', FR);
    const overrides = await getTemplateOverrides(db);
    expect(effectiveTemplate(overrides, 'fr')).toEqual(FR);
    expect(effectiveTemplate(overrides, 'en')).toEqual(DEFAULT_TEMPLATES.en);
  });

  it('gives a copy of the default that can be edited without changing it', () => {
    const en = effectiveTemplate({}, 'en');
    en.subject = 'changed';
    expect(DEFAULT_TEMPLATES.en.subject).not.toBe('changed');
    expect(effectiveTemplate({}, 'en')).toEqual(defaultTemplate('en'));
  });

  it('resets fr to the default and keeps the en override', async () => {
    await saveTemplate(db, 'en', EN);
    await saveTemplate(db, 'fr', FR);
    await resetTemplate(db, 'fr');
    const overrides = await getTemplateOverrides(db);
    expect(overrides).toEqual({ en: EN });
    expect(effectiveTemplate(overrides, 'fr')).toEqual(DEFAULT_TEMPLATES.fr);
    expect(effectiveTemplate(overrides, 'en')).toEqual(EN);
  });

  it('resets a language that had no override without error', async () => {
    await resetTemplate(db, 'fr');
    expect(await getTemplateOverrides(db)).toEqual({});
  });

  it('keeps templates and profile apart', async () => {
    await saveProfile(db, { ...EMPTY_PROFILE, partnerName: 'Contoso IT', tenantId: T });
    await saveTemplate(db, 'fr', FR);
    await resetTemplate(db, 'fr');
    expect((await getProfile(db))?.partnerName).toBe('Contoso IT');
    expect(await db.settings.count()).toBe(2);
  });
});
