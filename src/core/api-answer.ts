/**
 * How a Partner Center or Graph answer that is not data reads to the partner, and when to try again. Pure.
 * Throttling: both services answer 429 with `Retry-After` (https://learn.microsoft.com/graph/throttling,
 * https://learn.microsoft.com/partner-center/developer/api-throttling-guidance); we honour it, else back off.
 */
import type { Problem } from './problem';

export type Service = 'partner-center' | 'graph';
const NAME: Readonly<Record<Service, string>> = {
  'partner-center': 'Partner Center',
  graph: 'Microsoft Graph',
};

/** Attempts per request before the run gives up (the next scheduled run starts afresh). */
export const MAX_ATTEMPTS = 4;
/**
 * The longest wait inside one run. A service worker idle for 30 s is stopped
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle), so a longer
 * Retry-After ends the run and the next one picks up.
 */
export const MAX_WAIT_MS = 20_000;

const RETRIED: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Retry-After in ms: seconds or an HTTP date (RFC 9110, section 10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1), or undefined to stop: the status is not
 * worth retrying, the attempts are spent, or the service asks for a longer wait than a run can hold.
 */
export function retryDelay(
  status: number,
  retryAfter: string | null,
  attempt: number,
  now: number,
): number | undefined {
  if (!RETRIED.has(status) || attempt >= MAX_ATTEMPTS) return undefined;
  const asked = retryAfterMs(retryAfter, now);
  const wait = asked ?? 1000 * 2 ** (attempt - 1);
  return wait <= MAX_WAIT_MS ? wait : undefined;
}

/** Whether the body is a web page (a sign-in or error page from a proxy or a portal), not the JSON we asked for. */
export function isHtml(contentType: string | null, text: string): boolean {
  return /text\/html/i.test(contentType ?? '') || /^\s*</.test(text);
}

/**
 * The problem a failed answer describes. Partner Center says "not an agent" and "not a partner" with 401/403 and a
 * description; the wording is matched loosely (docs/connect.md lists what a live tenant still has to confirm).
 */
export function answerProblem(
  service: Service,
  status: number,
  contentType: string | null,
  text: string,
): Problem {
  const name = NAME[service];
  const field = service;
  if (status >= 200 && status < 300 && isHtml(contentType, text)) {
    return {
      field,
      code: 'html-page',
      message: `${name} answered with a web page instead of data; nothing was changed.`,
    };
  }
  if (status === 429) {
    return {
      field,
      code: 'throttled',
      message: `${name} asked us to slow down; the next check tries again.`,
    };
  }
  if (status >= 500) {
    return {
      field,
      code: 'server-error',
      message: `${name} had an error (HTTP ${status}); the next check tries again.`,
    };
  }
  if (
    service === 'partner-center' &&
    /not.{0,20}(partner|registered|enrolled)|partner.{0,30}not found/i.test(text)
  ) {
    return {
      field,
      code: 'no-partner-center',
      message:
        'This tenant has no Partner Center account the API can read: sign in with the partner tenant of your profile.',
    };
  }
  if (status === 401) {
    return {
      field,
      code: 'token-rejected',
      message: `${name} no longer accepts the sign-in (expired or revoked consent): sign in again.`,
    };
  }
  if (status === 403) {
    return service === 'partner-center'
      ? {
          field,
          code: 'no-agent-role',
          message:
            'Partner Center refused: the signed-in user needs the Admin agent or Sales agent role (Partner Center > Account settings > User management).',
        }
      : {
          field,
          code: 'no-gdap-access',
          message:
            'Graph refused the GDAP list: the app needs DelegatedAdminRelationship.Read.All with admin consent, and the user a role that reads GDAP relationships.',
        };
  }
  if (isHtml(contentType, text)) {
    return {
      field,
      code: 'html-page',
      message: `${name} answered HTTP ${status} with a web page; nothing was changed.`,
    };
  }
  return { field, code: 'http-error', message: `${name} answered HTTP ${status}; nothing was changed.` };
}

/** A body that should be JSON and is not. */
export function notJson(service: Service): Problem {
  return {
    field: service,
    code: 'not-json',
    message: `${NAME[service]} answered with something that is not JSON; nothing was changed.`,
  };
}
