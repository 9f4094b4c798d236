/**
 * What each frame of a webmail tab answered when the worker called the content script, read without the browser so
 * the rules run in Node tests. A frame whose script failed is a failure to report, never "no compose here": Chrome
 * drops what an injected function throws (its `InjectionResult` has no `error`, https://crbug.com/1271527), so the
 * function catches it itself and answers `{ failed }`; Firefox also reports a throw as `error`.
 */
import type { FrameFind, InsertFailure } from '../messages';

export type Op = 'find' | 'insert' | 'diagnose';

/** One frame's result as `scripting.executeScript` gives it. */
export type FrameResult = { frameId: number; result?: unknown; error?: unknown };

/**
 * Runs in the page (serialised, so self-contained): calls the installed API and wraps what comes back, so that
 * "missing" and "failed" can never be mistaken for an answer. The argument is JSON.
 */
export const run = (global: string, version: string, op: Op, arg: unknown): unknown => {
  const text = (error: unknown) => (error instanceof Error ? error.message : String(error));
  const api = (globalThis as Record<string, unknown>)[global] as
    | Record<string, Record<Op, (a: unknown) => unknown>>
    | undefined;
  const current = api?.[version];
  if (!current) return { missing: true };
  try {
    return Promise.resolve(current[op](arg)).then(
      (value) => ({ value }),
      (error: unknown) => ({ failed: text(error) }),
    );
  } catch (error) {
    return { failed: text(error) };
  }
};

/** What the injected function answered, unchecked: the API is missing, the call failed, or its value. */
type Wrapped = Partial<Record<'missing' | 'failed' | 'value', unknown>> | null | undefined;

export const isMissing = (r: FrameResult): boolean => (r.result as Wrapped)?.missing === true;

export interface Answers<T> {
  answers: { frameId: number; value: T }[];
  /** The script's own errors, one per frame that failed: the bug to report. */
  failures: string[];
}

/** Said of an answer of another shape (frame-values.ts): the script's failure, as a throw would be. */
export const UNREADABLE_ANSWER = 'the content script answered in a shape this version does not read';

/**
 * The frames' answers and failures. `is`: what a value must be (frame-values.ts). `stillMissing`: frames where the
 * script was injected and its API is still absent, so it failed while starting.
 */
export function readAnswers<T>(
  results: readonly FrameResult[],
  is: (value: unknown) => value is T,
  stillMissing = false,
): Answers<T> {
  const answers: Answers<T>['answers'] = [];
  const failures: string[] = [];
  for (const r of results) {
    const wrapped = r.result as Wrapped;
    if (r.error !== undefined && r.error !== null) failures.push(errorText(r.error));
    else if (typeof wrapped?.failed === 'string') failures.push(wrapped.failed);
    else if (wrapped?.missing === true) {
      if (stillMissing) failures.push('the content script did not start');
    } else if (wrapped !== null && wrapped !== undefined) {
      // Whatever the wrapper holds that is no answer of the call's shape, the `value` key missing included.
      if (is(wrapped.value)) answers.push({ frameId: r.frameId, value: wrapped.value });
      else failures.push(UNREADABLE_ANSWER);
    }
  }
  return { answers, failures };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * Where to insert among the frames' `find` answers: the frame holding that compose, else the one with the focused
 * compose, else the first found; when none, whether the tab failed, has no compose, or is no webmail we fill.
 */
export function locateCompose(
  found: Answers<FrameFind>,
  composeId?: string,
): { frameId: number; composeId?: string } | { failure: InsertFailure; detail?: string } {
  const all = found.answers.flatMap(({ frameId, value }) => value.composes.map((c) => ({ frameId, c })));
  const hit = composeId
    ? all.find(({ c }) => c.composeId === composeId)
    : (all.find(({ c }) => c.focused) ?? all[0]);
  if (hit) return { frameId: hit.frameId, composeId: hit.c.composeId };
  const [failed] = found.failures;
  if (failed !== undefined) return { failure: 'content-error', detail: failed };
  return { failure: found.answers.some(({ value }) => value.site !== null) ? 'no-compose' : 'unsupported' };
}
