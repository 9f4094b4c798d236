/**
 * The worker answers codes and the pages word them: every code a failed insert or a Partner Center problem can carry
 * has its message in English and in French, and the page shows the French one on a French browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { answerProblem, notJson } from '../../src/core/api-answer';
import { parseClientId } from '../../src/core/connect-settings';
import type { Problem } from '../../src/core/problem';
import { parseRedirect, parseTokenError, parseTokenResponse, tokenProblem } from '../../src/core/sign-in';
import type { InsertFailure } from '../../src/messages';
import { findingText } from '../../src/ui/findings';
import { insertFailureText } from '../../src/ui/invite/insert-failure';
import { LOCALES, messages, translator } from '../support/locale';

vi.mock('../../src/platform', async () => {
  const get = (await import('../support/locale')).getMessage('fr');
  return {
    t: (key: string, subs?: string | string[]) => get(key, subs) || key,
    hasMessage: (k: string) => !!get(k),
  };
});

const FAILURES: InsertFailure[] = [
  'no-compose',
  'no-access',
  'not-inserted',
  'tab-gone',
  'unsupported',
  'content-error',
];

describe('insert failures', () => {
  it('each has a message in both languages, and the script’s error goes into the content-error one', () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const reason of FAILURES) {
        expect(insertFailureText({ reason }, t), `${locale} ${reason}`).not.toMatch(/^insertFailure_/);
      }
      expect(insertFailureText({ reason: 'content-error', detail: 'x is not a function' }, t)).toContain(
        'x is not a function',
      );
    }
    expect(insertFailureText({ reason: 'no-access' }, translator('fr'))).toMatch(
      /^Reseller Invite ne peut pas/,
    );
  });
});

/** Every problem the Partner Center connection can report, produced by the code that reports it. */
function connectProblems(): Problem[] {
  const failed = (p: { ok: boolean; problems?: Problem[] }) => (p.ok ? [] : (p.problems ?? []));
  const redirect = 'https://ext.example/cb';
  const answers = (['partner-center', 'graph'] as const).flatMap((s) => [
    answerProblem(s, 200, 'text/html', '<html>'),
    answerProblem(s, 429, null, ''),
    answerProblem(s, 503, null, ''),
    answerProblem(s, 404, null, 'Partner not found'),
    answerProblem(s, 401, null, ''),
    answerProblem(s, 403, null, ''),
    answerProblem(s, 404, 'text/html', '<p>'),
    answerProblem(s, 404, null, '{}'),
    notJson(s),
  ]);
  const aadsts = [700084, 50173, 65001, 50076, 700016, 50011, 9002326, 90002].map((n) =>
    tokenProblem('invalid_grant', `AADSTS${n}: …`),
  );
  return [
    ...answers,
    ...aadsts,
    tokenProblem('access_denied', ''),
    tokenProblem('invalid_grant', ''),
    tokenProblem('server_error', ''),
    parseTokenError(500, 'not json'),
    ...failed(parseRedirect('not a url', redirect, 's')),
    ...failed(parseRedirect('https://elsewhere.example/cb', redirect, 's')),
    ...failed(parseRedirect(`${redirect}?state=other`, redirect, 's')),
    ...failed(parseRedirect(`${redirect}?state=s`, redirect, 's')),
    ...failed(parseTokenResponse(null, 0)),
    ...failed(parseClientId('not a guid')),
  ];
}

/** Codes the worker's connection code writes as literals (sign-out, paging limits, offline, refusals). */
function workerCodes(): string[] {
  const dir = 'src/background/connect';
  return readdirSync(dir).flatMap((f) =>
    [...readFileSync(`${dir}/${f}`, 'utf8').matchAll(/code: '([a-z-]+)'/g)].map((m) => m[1] as string),
  );
}

describe('Partner Center problems', () => {
  const codes = [...new Set([...connectProblems().map((p) => p.code), ...workerCodes()])];

  it('finds the codes it checks', () => {
    expect(codes).toEqual(expect.arrayContaining(['throttled', 'refresh-expired', 'signed-out', 'offline']));
  });

  it('each code has a message in both languages', () => {
    for (const locale of LOCALES) {
      const all = messages(locale);
      const missing = codes.filter((code) => !all[`connectProblem_${code.replace(/-/g, '_')}`]);
      expect(missing, locale).toEqual([]);
    }
  });

  it('a French page shows the French words, not the worker’s English', () => {
    const problem = answerProblem('partner-center', 429, null, '');
    expect(problem.message).toMatch(/slow down/);
    expect(findingText(problem, 'connectProblem')).toBe(
      'Microsoft demande de ralentir ; la prochaine vérification réessaiera.',
    );
    // A backup's not-json is another thing than Partner Center's: each family has its own words.
    expect(findingText(notJson('graph'), 'connectProblem')).not.toBe(
      findingText({ code: 'not-json', message: '' }),
    );
  });
});
