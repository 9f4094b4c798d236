/**
 * Named queries on the settings table: the partner profile and the template overrides, each read through its
 * owner in src/core (profile.ts, template-overrides.ts), so a stored value of the wrong shape (an older version, a
 * hand-edited backup, another browser) is reported, never thrown in a render and never saved over unseen.
 */
import { parseConnectSettings } from '../core/connect-settings';
import { InvalidInputError, type Problem } from '../core/problem';
import {
  checkPartnerProfile,
  linkHost,
  type PartnerProfile,
  parseProfile,
  salvageProfile,
} from '../core/profile';
import { isSettingKey, SETTING_KEYS, type SettingKey } from '../core/settings-record';
import { isPlainObject } from '../core/shape';
import { checkTemplate } from '../core/template';
import {
  BODY_MAX,
  effectiveTemplate,
  type ReadOverrides,
  readTemplateOverrides,
  SUBJECT_MAX,
  type TemplateOverrides,
} from '../core/template-overrides';
import { parseTrackingSettings } from '../core/tracking-settings';
import type { Language, Template } from '../core/types';
import type { ResellerDb } from './db';

export { effectiveTemplate, type TemplateOverrides };

/**
 * The stored profile as a page sees it: none yet (first run), a profile, or one that does not read, with why and
 * the form's starting point (every field that still reads). The broken value stays stored until the partner saves.
 */
export type StoredProfile =
  | { state: 'none' }
  | { state: 'ok'; profile: PartnerProfile }
  | { state: 'broken'; problems: Problem[]; salvaged: PartnerProfile };

export async function readProfile(db: ResellerDb): Promise<StoredProfile> {
  return storedProfile((await db.settings.get('profile'))?.value);
}

/** The stored value of the profile setting as a page sees it (readProfile, and the popup's first read, peek.ts). */
export function storedProfile(value: unknown): StoredProfile {
  if (value === undefined) return { state: 'none' };
  const parsed = parseProfile(value);
  if (parsed.ok) return { state: 'ok', profile: parsed.value };
  return { state: 'broken', problems: parsed.problems, salvaged: salvageProfile(value) };
}

/** The profile when one is stored and reads; undefined otherwise. */
export async function getProfile(db: ResellerDb): Promise<PartnerProfile | undefined> {
  const stored = await readProfile(db);
  return stored.state === 'ok' ? stored.profile : undefined;
}

export async function saveProfile(db: ResellerDb, profile: PartnerProfile): Promise<void> {
  const { problems } = checkPartnerProfile(profile);
  if (problems.length > 0) throw new InvalidInputError(problems);
  const pastedLink = profile.pastedLink.trim();
  // A confirmation names the host it was given for: one left over from another link is not stored (nor synced).
  const confirmed = profile.source === 'pasted' && profile.confirmedHost === linkHost(pastedLink);
  const value: PartnerProfile = {
    partnerName: profile.partnerName.trim(),
    senderName: profile.senderName.trim(),
    source: profile.source,
    tenantId: profile.tenantId.trim().toLowerCase(),
    kind: profile.kind,
    resellerPartnerId: profile.resellerPartnerId?.trim() ?? '',
    providerTenantId: profile.providerTenantId?.trim().toLowerCase() ?? '',
    includeDap: profile.includeDap,
    pastedLink,
    confirmedHost: confirmed ? profile.confirmedHost : '',
  };
  await db.settings.put({ key: 'profile', value });
}

/** The stored overrides that read and render, and why any other stored language is not used. */
export async function readTemplates(db: ResellerDb): Promise<ReadOverrides> {
  return readTemplateOverrides((await db.settings.get('templates'))?.value);
}

export async function getTemplateOverrides(db: ResellerDb): Promise<TemplateOverrides> {
  return (await readTemplates(db)).overrides;
}

/** The stored value as an object to edit one language of, keeping the others exactly as stored. */
async function storedTemplates(db: ResellerDb): Promise<Record<string, unknown>> {
  const value = (await db.settings.get('templates'))?.value;
  return isPlainObject(value) ? { ...value } : {};
}

function checkTemplateInput(template: Template): Problem[] {
  const tooLong = (field: 'subject' | 'body', max: number): Problem[] =>
    typeof template[field] === 'string' && template[field].length > max
      ? [{ field, code: 'too-long', message: `The ${field} is longer than ${max} characters.` }]
      : [];
  const lengths = [...tooLong('subject', SUBJECT_MAX), ...tooLong('body', BODY_MAX)];
  if (lengths.length > 0) return lengths;
  return checkTemplate(template);
}

/** Saves one language's template; a template with problems (no link, unknown placeholder, too long) is refused. */
export async function saveTemplate(db: ResellerDb, lang: Language, template: Template): Promise<void> {
  const problems = checkTemplateInput(template);
  if (problems.length > 0) throw new InvalidInputError(problems);
  const value: Template = { subject: template.subject, body: template.body };
  await db.transaction('rw', db.settings, async () => {
    const stored = await storedTemplates(db);
    await db.settings.put({ key: 'templates', value: { ...stored, [lang]: value } });
  });
}

export async function resetTemplate(db: ResellerDb, lang: Language): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const { [lang]: _dropped, ...rest } = await storedTemplates(db);
    await db.settings.put({ key: 'templates', value: rest });
  });
}

/** A stored setting that does not read, with why: what the pages' notices and the error screen list. */
export interface SettingProblem {
  key: SettingKey;
  problems: Problem[];
}

const problemsOf = (r: { ok: boolean; problems?: Problem[] }) => (r.ok ? [] : (r.problems ?? []));

/** What is wrong with each setting's stored value; templates also count those that no longer render. */
const PROBLEMS_OF: Readonly<Record<SettingKey, (value: unknown) => Problem[]>> = {
  profile: (v) => problemsOf(parseProfile(v)),
  templates: (v) => readTemplateOverrides(v).problems,
  tracking: (v) => problemsOf(parseTrackingSettings(v)),
  connect: (v) => problemsOf(parseConnectSettings(v)),
};

/** Every stored setting that does not read (or, for templates, no longer renders). */
export async function settingProblems(db: ResellerDb): Promise<SettingProblem[]> {
  const rows = await db.settings.bulkGet([...SETTING_KEYS]);
  const out: SettingProblem[] = [];
  for (const [i, key] of SETTING_KEYS.entries()) {
    const value = rows[i]?.value;
    if (value === undefined) continue;
    const problems = PROBLEMS_OF[key](value);
    if (problems.length > 0) out.push({ key, problems });
  }
  return out;
}

/**
 * Resets a setting to its default by deleting its row (no profile, the shipped templates, default reminders), an
 * ordinary delete so sync carries it to the partner's other browsers.
 */
export async function resetSetting(db: ResellerDb, key: string): Promise<void> {
  if (!isSettingKey(key)) return;
  await db.settings.delete(key);
}
