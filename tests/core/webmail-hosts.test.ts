/** The partner's confirmed webmail hosts as stored: host names are used, anything else is kept and never used. */
import { describe, expect, it } from 'vitest';
import {
  isHostName,
  parseConfirmedHosts,
  readConfirmedHosts,
  storedHosts,
  withHost,
  withoutHost,
} from '../../src/core/webmail-hosts';

describe('isHostName', () => {
  it.each(['webmail.fabrikam.example', 'mail.contoso.co.uk', 'a-b.example', 'x1.example'])(
    'takes %s',
    (host) => {
      expect(isHostName(host)).toBe(true);
    },
  );

  it.each([
    ['no dot', 'localhost'],
    ['upper case', 'Mail.Contoso.com'],
    ['a port', 'mail.contoso.com:443'],
    ['user info', 'me@mail.contoso.com'],
    ['an IPv6 literal', '[::1]'],
    ['a leading hyphen', '-mail.contoso.com'],
    ['a trailing hyphen', 'mail-.contoso.com'],
    ['an empty label', 'mail..contoso.com'],
    ['a label over 63 characters', `${'a'.repeat(64)}.example`],
    ['a name over 253 characters', `${'a.'.repeat(127)}com`],
    ['a path', 'mail.contoso.com/owa'],
    ['nothing', ''],
  ])('refuses %s', (_, host) => {
    expect(isHostName(host)).toBe(false);
  });
});

describe('readConfirmedHosts', () => {
  it('reads nothing stored as no hosts', () => {
    expect(readConfirmedHosts(undefined)).toEqual({ hosts: [], unread: [] });
  });

  it('sorts the host names and drops repeats', () => {
    expect(readConfirmedHosts(['b.example', 'a.example', 'b.example'])).toEqual({
      hosts: ['a.example', 'b.example'],
      unread: [],
    });
  });

  it('keeps what is no host name apart, as it was', () => {
    const odd = { host: 'a.example' };
    expect(readConfirmedHosts(['a.example', 42, 'NOT A HOST', odd, null])).toEqual({
      hosts: ['a.example'],
      unread: [42, 'NOT A HOST', odd, null],
    });
    // A value that is no list at all is one entry that does not read.
    expect(readConfirmedHosts('a.example')).toEqual({ hosts: [], unread: ['a.example'] });
    expect(readConfirmedHosts({ a: 1 })).toEqual({ hosts: [], unread: [{ a: 1 }] });
  });

  it('gives the code that only uses hosts only the hosts', () => {
    expect(parseConfirmedHosts(['b.example', 7, 'a.example'])).toEqual(['a.example', 'b.example']);
  });
});

describe('adding and removing a host', () => {
  const stored = readConfirmedHosts(['b.example', 7, '__proto__']);

  it('adds a host name once, in order, and writes back the entries that did not read', () => {
    const added = withHost(withHost(stored, 'a.example'), 'a.example');
    expect(added.hosts).toEqual(['a.example', 'b.example']);
    expect(storedHosts(added)).toEqual(['a.example', 'b.example', 7, '__proto__']);
  });

  it('adds nothing that is no host name', () => {
    expect(withHost(stored, 'javascript:alert(1)')).toEqual(stored);
  });

  it('removes a host and keeps the rest, the unread entries included', () => {
    expect(storedHosts(withoutHost(stored, 'b.example'))).toEqual([7, '__proto__']);
    expect(withoutHost(stored, 'c.example')).toEqual(stored);
  });
});
