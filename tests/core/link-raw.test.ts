import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from '../../src/core/csv';
import { checkLink, LINK_MAX } from '../../src/core/link';

const T = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const GOOD = `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${T}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;

function refusal(link: string) {
  const r = checkLink(link);
  if (r.ok) throw new Error(`accepted ${link}`);
  return r.problems;
}
const codes = (link: string) => refusal(link).map((p) => p.code);

describe('checkLink: what is checked is what is sent', () => {
  it('accepts the clean link byte for byte', () => {
    expect(checkLink(GOOD)).toMatchObject({ ok: true, url: GOOD });
  });

  it('refuses user info before a documented host, naming it', () => {
    const problems = refusal(GOOD.replace('https://', 'https://evil.com@'));
    expect(problems.map((p) => p.code)).toEqual(['user-info']);
    expect(problems[0]?.message).toContain('"evil.com@"');
    expect(problems[0]?.message).toContain('"admin.microsoft.com"');
    expect(codes(GOOD.replace('https://', 'https://a:b@'))).toEqual(['user-info']);
  });

  it('refuses an explicit port, even the default one the parser would drop', () => {
    const problems = refusal(GOOD.replace('admin.microsoft.com', 'admin.microsoft.com:443'));
    expect(problems.map((p) => p.code)).toContain('explicit-port');
    expect(problems.find((p) => p.code === 'explicit-port')?.message).toContain('":443"');
  });

  it('refuses backslashes, which browsers read as slashes', () => {
    expect(codes(GOOD.replace('/Adminportal/', '\\Adminportal\\'))).toContain('backslash');
    expect(codes(GOOD.replace('https://admin.microsoft.com/', 'https://admin.microsoft.com\\'))).toContain(
      'backslash',
    );
  });

  it.each([
    ['zero-width space', '\u200B', 'invisible-character', 'U+200B'],
    ['zero-width joiner', '\u200D', 'invisible-character', 'U+200D'],
    ['soft hyphen', '\u00AD', 'invisible-character', 'U+00AD'],
    ['byte-order mark', '\uFEFF', 'invisible-character', 'U+FEFF'],
    ['right-to-left override', '\u202E', 'invisible-character', 'U+202E'],
    ['NUL', '\u0000', 'control-character', 'U+0000'],
    ['DEL', '\u007F', 'control-character', 'U+007F'],
    ['full-width slash', '\uFF0F', 'non-ascii', 'U+FF0F'],
    ['Cyrillic a', '\u0430', 'non-ascii', 'U+0430'],
  ])('refuses a %s, naming its code point', (_name, char, code, point) => {
    const link = GOOD.replace('microsoft.com/', `microsoft.com${char}/`);
    const problem = refusal(link).find((p) => p.code === code);
    expect(problem?.message).toContain(point);
    expect(problem?.message).toContain('position 28');
  });

  it('refuses full-width letters in the host that a URL parser would fold to ASCII', () => {
    const link = GOOD.replace('admin.microsoft.com', 'ａｄｍｉｎ.microsoft.com');
    expect(new URL(link).host).toBe('admin.microsoft.com');
    expect(codes(link)).toContain('non-ascii');
  });

  it('refuses a link far longer than any invitation link without walking it', () => {
    expect(codes(`${GOOD}&x=${'a'.repeat(LINK_MAX)}`)).toEqual(['too-long']);
  });
});

describe('csvCell: formula starts are neutralised wherever a spreadsheet finds them', () => {
  it.each([
    '=1+1',
    ' =1+1',
    '  +1',
    '\n=1+1',
    '\t=1',
    '\r=1',
    '\n',
    '-2',
    '@SUM(A1)',
    '＝1+1',
    ' ＝1+1',
    '\u3000=1',
    '＋1',
    '－1',
    '＠x',
  ])('prefixes %j with an apostrophe', (text) => {
    const cell = csvCell(text);
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    expect(parseCsv(cell, ',').records[0]?.fields[0]).toBe(`'${text}`);
  });

  it.each(['Contoso', 'a=b', 'x-1', '1', 'mail@x.com'])('leaves %j alone', (text) => {
    expect(parseCsv(csvCell(text), ',').records[0]?.fields[0]).toBe(text);
  });
});
