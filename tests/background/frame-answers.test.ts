/**
 * A content script that fails in a webmail tab is reported as such, never as "no compose window": the injected
 * function catches what the script throws (Chrome would drop it), and the worker's reading keeps it apart from an
 * empty answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type FrameResult,
  locateCompose,
  readAnswers,
  run,
  UNREADABLE_ANSWER,
} from '../../src/background/frame-answers';
import { isText } from '../../src/core/shape';
import type { FoundCompose, FrameFind } from '../../src/messages';

const GLOBAL = '__testInvite';
const scope = globalThis as Record<string, unknown>;
afterEach(() => {
  delete scope[GLOBAL];
});

const install = (api: Record<string, (arg: unknown) => unknown>) => {
  scope[GLOBAL] = { '1.0': api };
};

describe('run (injected into each frame)', () => {
  it('says the script is missing rather than answer for it', () => {
    expect(run(GLOBAL, '1.0', 'find', null)).toEqual({ missing: true });
    install({ find: () => 'old' });
    expect(run(GLOBAL, '2.0', 'find', null)).toEqual({ missing: true });
  });

  it('wraps the answer, and turns a throw or a rejection into a failure with its message', async () => {
    install({
      find: (arg) => ({ echo: arg }),
      insert: () => {
        throw new TypeError('editor.focus is not a function');
      },
      diagnose: () => Promise.reject(new Error('selector failed')),
    });
    expect(await run(GLOBAL, '1.0', 'find', 3)).toEqual({ value: { echo: 3 } });
    expect(await run(GLOBAL, '1.0', 'insert', null)).toEqual({ failed: 'editor.focus is not a function' });
    expect(await run(GLOBAL, '1.0', 'diagnose', null)).toEqual({ failed: 'selector failed' });
  });
});

describe('readAnswers', () => {
  it('keeps answers, and reports failures: caught, raised by Firefox, or a script that did not start', () => {
    const results: FrameResult[] = [
      { frameId: 0, result: { value: 'top' } },
      { frameId: 1, result: { failed: 'boom' } },
      { frameId: 2, error: new Error('Firefox saw it throw') },
      { frameId: 3, result: null },
    ];
    expect(readAnswers(results, isText)).toEqual({
      answers: [{ frameId: 0, value: 'top' }],
      failures: ['boom', 'Firefox saw it throw'],
    });
    // Before injecting, a missing script is just not there yet; after, it failed to start.
    expect(readAnswers([{ frameId: 4, result: { missing: true } }], isText).failures).toEqual([]);
    expect(readAnswers([{ frameId: 4, result: { missing: true } }], isText, true).failures).toEqual([
      'the content script did not start',
    ]);
  });

  it('reports an answer of another shape as the script’s failure, not as an answer', () => {
    const results: FrameResult[] = [
      { frameId: 0, result: { value: 'top' } },
      { frameId: 1, result: { value: { composes: 'all of them' } } },
      { frameId: 2, result: { value: undefined } },
      { frameId: 3, result: { answer: 'top' } },
    ];
    expect(readAnswers(results, isText)).toEqual({
      answers: [{ frameId: 0, value: 'top' }],
      failures: [UNREADABLE_ANSWER, UNREADABLE_ANSWER, UNREADABLE_ANSWER],
    });
  });
});

describe('locateCompose', () => {
  const compose = (composeId: string, focused = false): FoundCompose => ({
    composeId,
    site: 'gmail',
    host: 'mail.google.com',
    subject: '',
    to: [],
    focused,
  });
  const frame = (composes: FoundCompose[], site: FrameFind['site'] = 'gmail'): FrameFind => ({
    site,
    host: 'mail.google.com',
    candidate: null,
    composes,
  });

  it('picks the named compose, else the focused one, else the first', () => {
    const found = {
      answers: [
        { frameId: 0, value: frame([compose('a'), compose('b', true)]) },
        { frameId: 5, value: frame([compose('c')]) },
      ],
      failures: [],
    };
    expect(locateCompose(found, 'c')).toEqual({ frameId: 5, composeId: 'c' });
    expect(locateCompose(found)).toEqual({ frameId: 0, composeId: 'b' });
  });

  it('a frame that failed with nothing found is a content-script error with its message, not "no compose"', () => {
    const failed = { answers: [{ frameId: 3, value: frame([]) }], failures: ['boom'] };
    expect(locateCompose(failed)).toEqual({ failure: 'content-error', detail: 'boom' });
    expect(locateCompose({ answers: [{ frameId: 0, value: frame([]) }], failures: [] })).toEqual({
      failure: 'no-compose',
    });
    expect(locateCompose({ answers: [{ frameId: 0, value: frame([], null) }], failures: [] })).toEqual({
      failure: 'unsupported',
    });
  });
});
