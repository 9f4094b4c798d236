/**
 * The Partner Center connection's setting (settings row `connect`, value `{ clientId }`): the Application (client)
 * ID of the partner's own app. Not a secret, so it syncs like the other settings (docs/connect.md, "What is
 * stored"); each browser still signs in for itself. Pure.
 */
import { isGuid } from './link';
import type { Parsed, Problem } from './problem';
import { optional, parseObject, type Rule, type Shape } from './shape';

export interface ConnectSettings {
  /** Absent until the partner first presses Connect. */
  clientId?: string;
}

/** The Application (client) ID of the partner's own app registration: a GUID, not a secret. */
export function parseClientId(value: unknown): Parsed<string> {
  const id = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (isGuid(id)) return { ok: true, value: id };
  const message =
    'The Application (client) ID is a GUID (8-4-4-4-12 hex digits), shown on the app’s Overview page in Entra ID.';
  return { ok: false, problems: [{ field: 'clientId', code: 'not-a-guid', message }] };
}

const clientId: Rule<string> = (v, field) => {
  const r = parseClientId(v);
  return r.ok ? r : { ok: false, problem: { ...(r.problems[0] as Problem), field } };
};

const SHAPE: Shape<ConnectSettings> = { clientId: optional(clientId) };

/** The stored setting, or what is wrong with it; absent reads as no client id yet. */
export function parseConnectSettings(
  value: unknown,
  options: { keepUnknown?: boolean } = {},
): Parsed<ConnectSettings> {
  if (value === undefined || value === null) return { ok: true, value: {} };
  return parseObject(value, SHAPE, { ...options, what: 'Partner Center connection setting' });
}
