import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageFor } from '../../src/core/language';

describe('LANGUAGES', () => {
  it('lists English and French', () => {
    expect([...LANGUAGES]).toEqual(['en', 'fr']);
  });
});

describe('languageFor', () => {
  it.each(['fr', 'fr-CA', 'FR-fr', 'fr-BE'])('uses French for %j', (ui) => {
    expect(languageFor(ui)).toBe('fr');
  });

  it.each(['en-US', 'en', 'de', 'es-ES', ''])('falls back to English for %j', (ui) => {
    expect(languageFor(ui)).toBe('en');
  });

  it('always returns one of LANGUAGES', () => {
    for (const ui of ['fr-CA', 'ja', 'zh-Hans']) expect(LANGUAGES).toContain(languageFor(ui));
  });
});
