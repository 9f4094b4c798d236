/**
 * Every stored setting by key, each with its one owner: the profile (profile.ts), the template overrides
 * (template-overrides.ts), the reminder settings (tracking-settings.ts) and the Partner Center connection's client
 * id (connect-settings.ts). Backup import and sync apply parse a
 * settings row here, so a setting of the wrong shape is refused at the door instead of failing a page later.
 */
import { parseConnectSettings } from './connect-settings';
import type { Parsed } from './problem';
import { parseProfile } from './profile';
import { parseTemplateOverrides } from './template-overrides';
import { parseTrackingSettings } from './tracking-settings';

export const SETTING_KEYS = ['profile', 'templates', 'tracking', 'connect'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export function isSettingKey(key: unknown): key is SettingKey {
  return typeof key === 'string' && (SETTING_KEYS as readonly string[]).includes(key);
}

/** What each setting is called in a message to the partner. */
export const SETTING_LABEL: Readonly<Record<SettingKey, string>> = {
  profile: 'partner profile',
  templates: 'message templates',
  tracking: 'reminder settings',
  connect: 'Partner Center connection setting',
};

/**
 * The value of setting `key`, parsed by its owner. `keepUnknown` (sync) keeps fields a newer version added; a file
 * drops them. An unknown key is refused: this version would never read it.
 */
export function parseSetting(
  key: string,
  value: unknown,
  options: { keepUnknown?: boolean } = {},
): Parsed<unknown> {
  const parsed = parseKnown(key, value, options);
  if (!parsed) {
    return {
      ok: false,
      problems: [
        {
          field: 'key',
          code: 'unknown-setting',
          message: `"${key.slice(0, 40)}" is not a setting of this version.`,
        },
      ],
    };
  }
  if (parsed.ok || !isSettingKey(key)) return parsed;
  const label = SETTING_LABEL[key];
  return {
    ok: false,
    problems: parsed.problems.map((p) => ({ ...p, message: `The ${label}: ${p.message}` })),
  };
}

function parseKnown(
  key: string,
  value: unknown,
  options: { keepUnknown?: boolean },
): Parsed<unknown> | undefined {
  if (key === 'profile') return parseProfile(value, options);
  if (key === 'templates') return parseTemplateOverrides(value, options);
  if (key === 'tracking') return parseTrackingSettings(value, options);
  if (key === 'connect') return parseConnectSettings(value, options);
  return undefined;
}
