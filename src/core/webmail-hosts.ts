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

export interface ConfirmedHosts {
  /** The host names, sorted and without repeats. */
  hosts: string[];
  /** Stored entries that are no host name: never used, and written back as they were (`storedHosts`). */
  unread: unknown[];
}

/** The stored list read: its host names, and whatever else it holds kept apart, not trusted and not dropped. */
export function readConfirmedHosts(value: unknown): ConfirmedHosts {
  if (value === undefined) return { hosts: [], unread: [] };
  // A value that is no list is one entry that does not read, whatever it holds.
  if (!Array.isArray(value)) return { hosts: [], unread: [value] };
  const entries: unknown[] = value;
  const isHost = (h: unknown): h is string => typeof h === 'string' && isHostName(h);
  return { hosts: sortedHosts(entries.filter(isHost)), unread: entries.filter((h) => !isHost(h)) };
}

const sortedHosts = (hosts: readonly string[]): string[] => [...new Set(hosts)].sort();

/** The host names a stored value holds (`readConfirmedHosts`), for the code that only uses them. */
export const parseConfirmedHosts = (value: unknown): string[] => readConfirmedHosts(value).hosts;

/** What to store: the host names, then the entries that did not read, unchanged. */
export const storedHosts = ({ hosts, unread }: ConfirmedHosts): unknown[] => [...hosts, ...unread];

export function withHost(list: ConfirmedHosts, host: string): ConfirmedHosts {
  return isHostName(host) ? { ...list, hosts: sortedHosts([...list.hosts, host]) } : list;
}

export function withoutHost(list: ConfirmedHosts, host: string): ConfirmedHosts {
  return { ...list, hosts: list.hosts.filter((h) => h !== host) };
}
