/** Named queries on the settings table: the partner profile and the template overrides. */

import { defaultTemplate } from '../core/default-templates';
import { checkPartnerProfile, type PartnerProfile } from '../core/profile';
import { checkTemplate } from '../core/template';
import type { Finding, Language, Template } from '../core/types';
import type { ResellerDb } from './db';

/** Raised when asked to save something invalid: the caller shows the findings; nothing was written. */
export class InvalidInputError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message).join(' '));
    this.name = 'InvalidInputError';
  }
}

export type TemplateOverrides = Partial<Record<Language, Template>>;

export async function getProfile(db: ResellerDb): Promise<PartnerProfile | undefined> {
  return (await db.settings.get('profile'))?.value as PartnerProfile | undefined;
}

export async function saveProfile(db: ResellerDb, profile: PartnerProfile): Promise<void> {
  const { problems } = checkPartnerProfile(profile);
  if (problems.length > 0) throw new InvalidInputError(problems);
  const value: PartnerProfile = {
    ...profile,
    partnerName: profile.partnerName.trim(),
    senderName: profile.senderName.trim(),
    tenantId: profile.tenantId.trim().toLowerCase(),
    providerTenantId: profile.providerTenantId?.trim().toLowerCase() ?? '',
    resellerPartnerId: profile.resellerPartnerId?.trim() ?? '',
    pastedLink: profile.pastedLink.trim(),
  };
  await db.settings.put({ key: 'profile', value });
}

export async function getTemplateOverrides(db: ResellerDb): Promise<TemplateOverrides> {
  return ((await db.settings.get('templates'))?.value as TemplateOverrides | undefined) ?? {};
}

/** Saves one language's template; a template with problems (no link, unknown placeholder) is refused. */
export async function saveTemplate(db: ResellerDb, lang: Language, template: Template): Promise<void> {
  const problems = checkTemplate(template);
  if (problems.length > 0) {
    throw new InvalidInputError(problems.map((p) => ({ field: p.where, code: p.code, message: p.message })));
  }
  await db.transaction('rw', db.settings, async () => {
    const overrides = await getTemplateOverrides(db);
    await db.settings.put({ key: 'templates', value: { ...overrides, [lang]: template } });
  });
}

export async function resetTemplate(db: ResellerDb, lang: Language): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const { [lang]: _dropped, ...rest } = await getTemplateOverrides(db);
    await db.settings.put({ key: 'templates', value: rest });
  });
}

/** The template in force for a language: the partner's saved one, else the default. */
export function effectiveTemplate(overrides: TemplateOverrides, lang: Language): Template {
  return overrides[lang] ?? defaultTemplate(lang);
}
