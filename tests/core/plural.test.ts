import { describe, expect, it, vi } from 'vitest';
import { STRINGS_LANGUAGE, stringsLanguage } from '../../src/core/language';
import { counted, pluralKey } from '../../src/core/plural';
import { getMessage, LOCALES, localeFor, messages, translator } from '../support/locale';

const en = translator('en');
const fr = translator('fr');

// The browser layer over a Portuguese Chromium: its UI language is pt-BR, and with no Portuguese strings of ours it
// shows the English file (the manifest's default_locale).
// Every other namespace platform.ts reads at load is an empty stand-in.
vi.mock('webextension-polyfill', () => {
  const i18n = { getMessage: getMessage(localeFor('pt-BR')), getUILanguage: () => 'pt-BR' };
  const stub: object = new Proxy({}, { get: () => stub });
  return { default: new Proxy({ i18n }, { get: (target, key) => (key === 'i18n' ? target.i18n : stub) }) };
});

describe('counted', () => {
  it('English: 0 and 2 are plural, 1 singular', () => {
    expect([0, 1, 2].map((n) => counted(en, 'reminderOverdue', n))).toEqual([
      '0 invitations need a follow-up',
      '1 invitation needs a follow-up',
      '2 invitations need a follow-up',
    ]);
    expect([0, 1, 2].map((n) => counted(en, 'rowsTotal', n))).toEqual([
      '0 rows, one per invitation',
      '1 row, one per invitation',
      '2 rows, one per invitation',
    ]);
  });

  it('French: 0 and 1 are singular, 2 plural', () => {
    expect([0, 1, 2].map((n) => counted(fr, 'reminderOverdue', n))).toEqual([
      '0 invitation attend une relance',
      '1 invitation attend une relance',
      '2 invitations attendent une relance',
    ]);
    expect([0, 1, 2].map((n) => counted(fr, 'bulk_accept_done', n))).toEqual([
      '0 invitation marquée comme acceptée.',
      '1 invitation marquée comme acceptée.',
      '2 invitations marquées comme acceptées.',
    ]);
  });

  it('formats the number it puts in', () => {
    expect(counted(en, 'selectedRows', 12_000, (n) => n.toLocaleString('en'))).toBe('12,000 selected');
  });

  it('a Portuguese browser reads our English strings, so it gets the English rule: 0 days, not 0 day', async () => {
    const platform = await import('../../src/platform');
    expect(platform.uiLanguage()).toBe('pt-BR');
    // Portuguese's own rule makes 0 singular: the key the browser's language would have picked.
    expect(pluralKey('daysUnit', 0, platform.uiLanguage())).toBe('daysUnitOne');
    expect(stringsLanguage(platform.t)).toBe('en');
    expect(platform.t(pluralKey('daysUnit', 0, stringsLanguage(platform.t)))).toBe('days waiting');
    expect(counted(platform.t, 'reminderOverdue', 0)).toBe('0 invitations need a follow-up');
  });

  it('strings without a language message are taken as the default locale, English', () => {
    const bare = (key: string) => key;
    expect(stringsLanguage(bare)).toBe('en');
    expect(counted(bare, 'rows', 0)).toBe('rowsOther');
  });
});

describe('the locale files', () => {
  it('each says its own language', () => {
    for (const locale of LOCALES) expect(messages(locale)[STRINGS_LANGUAGE]?.message).toBe(locale);
  });

  it('have a One and an Other message for every counted phrase, each taking the number', () => {
    for (const locale of LOCALES) {
      const all = messages(locale);
      const keys = Object.keys(all);
      const ones = keys.filter((k) => k.endsWith('One')).map((k) => k.slice(0, -3));
      const others = keys.filter((k) => k.endsWith('Other')).map((k) => k.slice(0, -5));
      expect(others.sort(), locale).toEqual(ones.sort());
      // French says "0 jour": its One message serves 0 too, so it cannot spell the number out as 1.
      for (const base of ones) {
        const one = all[`${base}One`];
        const wordsOnly = !/\$\w+\$/.test(one?.message ?? '') && !/\d/.test(one?.message ?? '');
        if (!wordsOnly)
          expect(JSON.stringify(one?.placeholders ?? {}), `${locale} ${base}One`).toContain('$1');
      }
    }
  });
});

describe('sentences with several counts', () => {
  const c = (t: typeof en, key: string, n: number) => counted(t, key, n);

  it('say each count in its own number: 1 customer, 2 invitations, 0 timeline entries', () => {
    expect(
      en('eraseBody', [c(en, 'countCustomers', 1), c(en, 'countInvitations', 2), c(en, 'countEvents', 0)]),
    ).toMatch(/^This deletes 1 customer, 2 invitations and 0 timeline entries, /);
    expect(
      fr('eraseBody', [c(fr, 'countCustomers', 1), c(fr, 'countInvitations', 2), c(fr, 'countEvents', 0)]),
    ).toMatch(/^Cela supprime 1 client, 2 invitations et 0 entrée d’historique, /);
    expect(en('acceptDesc', [c(en, 'countAccepted', 1), c(en, 'countDays', 1)])).toBe(
      '1 accepted invitation; median 1 day from first send to acceptance.',
    );
    expect(
      en('replaceBody', [
        c(en, 'countCustomers', 1),
        c(en, 'countInvitations', 1),
        c(en, 'countCustomers', 3),
        c(en, 'countInvitations', 0),
      ]),
    ).toBe(
      'The 1 customer and 1 invitation stored here are deleted and replaced by the file’s 3 customers and 0 invitations.',
    );
  });
});
