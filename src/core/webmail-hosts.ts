/**
 * Hosts the partner confirmed as their own webmail on a custom domain (self-hosted Outlook on the web). Kept on this
 * device only: a synced list would let one browser's mistake point every browser's drafts at a page. Parsed on every
 * read, since it comes back from storage.
 */

export const CONFIRMED_HOSTS_KEY = 'confirmedWebmailHosts';

/** A lower-case DNS host name: labels of letters, digits and hyphens (no port, no user info, no IP literal brackets). */
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function isHostName(value: string): boolean {
  return HOST.test(value);
}

/** The stored list as host names, sorted and without repeats; anything else in storage is ignored, not trusted. */
export function parseConfirmedHosts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const hosts = value.filter((h): h is string => typeof h === 'string' && isHostName(h));
  return [...new Set(hosts)].sort();
}

export function withHost(hosts: readonly string[], host: string): string[] {
  return isHostName(host) ? parseConfirmedHosts([...hosts, host]) : [...hosts];
}

export function withoutHost(hosts: readonly string[], host: string): string[] {
  return hosts.filter((h) => h !== host);
}
