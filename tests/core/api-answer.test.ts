import { describe, expect, it } from 'vitest';
import {
  answerProblem,
  isHtml,
  MAX_ATTEMPTS,
  MAX_WAIT_MS,
  retryAfterMs,
  retryDelay,
} from '../../src/core/api-answer';

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('7', 0)).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(
      10_000,
    );
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT'))).toBe(
      0,
    );
  });
  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});

describe('retryDelay', () => {
  it('honours Retry-After on 429 and 503', () => {
    expect(retryDelay(429, '3', 1, 0)).toBe(3000);
    expect(retryDelay(503, '2', 2, 0)).toBe(2000);
  });
  it('backs off exponentially without Retry-After', () => {
    expect([1, 2, 3].map((a) => retryDelay(500, null, a, 0))).toEqual([1000, 2000, 4000]);
  });
  it('stops after the last attempt, on a wait longer than a run holds, and on other statuses', () => {
    expect(retryDelay(429, '1', MAX_ATTEMPTS, 0)).toBeUndefined();
    expect(retryDelay(429, String(MAX_WAIT_MS / 1000 + 1), 1, 0)).toBeUndefined();
    for (const status of [200, 400, 401, 403, 404]) expect(retryDelay(status, '1', 1, 0)).toBeUndefined();
  });
});

describe('answerProblem', () => {
  it.each([
    [200, 'text/html', '<!doctype html>', 'html-page'],
    [200, null, '  <html>', 'html-page'],
    [429, 'application/json', '{}', 'throttled'],
    [503, null, '', 'server-error'],
    [401, 'application/json', '{"code":401}', 'token-rejected'],
    [403, 'application/json', '{"description":"User is not authorized"}', 'no-agent-role'],
    [
      401,
      'application/json',
      '{"description":"The tenant is not registered as a partner."}',
      'no-partner-center',
    ],
    [404, 'text/html', '<html>', 'html-page'],
    [400, 'application/json', '{}', 'http-error'],
  ])('Partner Center %i %s → %s', (status, type, text, code) => {
    expect(answerProblem('partner-center', status, type, text).code).toBe(code);
  });
  it('names Graph and its own 403', () => {
    const p = answerProblem(
      'graph',
      403,
      'application/json',
      '{"error":{"code":"Authorization_RequestDenied"}}',
    );
    expect(p).toMatchObject({ field: 'graph', code: 'no-gdap-access' });
    expect(p.message).toMatch(/DelegatedAdminRelationship\.Read\.All/);
  });
  it('isHtml by type or by a leading tag', () => {
    expect(isHtml('text/html; charset=utf-8', '{}')).toBe(true);
    expect(isHtml('application/json', '{"a":1}')).toBe(false);
  });
});
