import { describe, expect, it } from 'vitest';
import { parseClientId, parseConnectSettings } from '../../src/core/connect-settings';
import { parseSetting } from '../../src/core/settings-record';

const ID = '11111111-2222-4333-8444-555555555555';

describe('parseClientId', () => {
  it('accepts a GUID in any case, stored lowercase', () => {
    expect(parseClientId(' 11111111-2222-4333-8444-55555555555A ')).toEqual({
      ok: true,
      value: '11111111-2222-4333-8444-55555555555a',
    });
  });
  it.each([[''], ['my-app'], [42], [undefined]])('refuses %s', (v) => {
    const r = parseClientId(v);
    expect(r.ok ? '' : r.problems[0]?.code).toBe('not-a-guid');
  });
});

describe('parseConnectSettings: the synced client id', () => {
  it('reads a missing setting, or one whose client id sync cleared (null), as no client id yet', () => {
    expect(parseConnectSettings(undefined)).toEqual({ ok: true, value: {} });
    expect(parseConnectSettings({ clientId: null })).toEqual({ ok: true, value: {} });
  });

  it('reads a client id another browser stored, lowercased', () => {
    expect(parseConnectSettings({ clientId: ID.toUpperCase() })).toEqual({
      ok: true,
      value: { clientId: ID },
    });
  });

  it.each([
    ['a name', { clientId: 'my-app' }],
    ['a number', { clientId: 42 }],
    ['an object', { clientId: { id: ID } }],
  ])('refuses a client id that is %s, naming the field', (_kind, value) => {
    const r = parseConnectSettings(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['clientId:not-a-guid']);
  });

  it('refuses a value that is not an object', () => {
    const r = parseConnectSettings('11111111-2222-4333-8444-555555555555');
    expect(r.ok ? '' : r.problems[0]?.message).toBe('The Partner Center connection setting is text.');
  });

  it('keeps fields a newer version added when sync asks, and drops them for a file', () => {
    expect(parseConnectSettings({ clientId: ID, extra: 1 }, { keepUnknown: true })).toEqual({
      ok: true,
      value: { clientId: ID, extra: 1 },
    });
    expect(parseConnectSettings({ clientId: ID, extra: 1 })).toEqual({ ok: true, value: { clientId: ID } });
  });

  it('is a setting of its own: a malformed one is refused with a message saying which setting', () => {
    expect(parseSetting('connect', { clientId: ID })).toEqual({ ok: true, value: { clientId: ID } });
    const r = parseSetting('connect', { clientId: 'my-app' });
    expect(r.ok ? '' : r.problems[0]?.message).toMatch(
      /^The Partner Center connection setting: The Application \(client\) ID is a GUID/,
    );
  });
});
