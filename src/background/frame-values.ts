/**
 * What the content script may answer the worker, checked before the worker uses it. The answer comes back from a
 * page, through a script of ours that may be of another version while an update lands, so it is read like any other
 * data from outside: an answer of another shape is the script's failure, reported as one (frame-answers.ts), never
 * an empty list or a crash further on.
 */
import { isBoolean, isCount, isListOf, isOneOf, isPlainObject, isText, valuesOf } from '../core/shape';
import type {
  ContentInsertResult,
  FrameDiagnosis,
  FrameFind,
  InsertFailure,
  InsertTrace,
  Site,
} from '../messages';
import type { Op } from './frame-answers';

const isSite = isOneOf(valuesOf<Site>({ gmail: true, outlook: true, yahoo: true, proton: true }));
const isSiteOrNull = (v: unknown) => v === null || isSite(v);
const isContentFailure = isOneOf(
  valuesOf<Exclude<InsertFailure, 'content-error'>>({
    'no-compose': true,
    'no-access': true,
    'not-inserted': true,
    'tab-gone': true,
    unsupported: true,
  }),
);
const isRecipient = isOneOf(
  valuesOf<InsertTrace['recipient']>({ filled: true, kept: true, failed: true, none: true }),
);
const isSubject = isOneOf(
  valuesOf<InsertTrace['subject']>({ filled: true, kept: true, reply: true, none: true }),
);
const isOutcome = isOneOf(
  valuesOf<InsertTrace['techniques'][number]['outcome']>({
    landed: true,
    'changed-without-link': true,
    'no-change': true,
    threw: true,
  }),
);

function isFoundCompose(v: unknown): boolean {
  return (
    isPlainObject(v) &&
    isText(v.composeId) &&
    isSite(v.site) &&
    isText(v.host) &&
    isText(v.subject) &&
    isListOf(isText)(v.to) &&
    isBoolean(v.focused)
  );
}

/** What every frame says of itself, in a find and in a diagnosis: its host, its site, a site whose markers it carries. */
const isFrame = (v: unknown): v is Record<string, unknown> =>
  isPlainObject(v) && isText(v.host) && isSiteOrNull(v.site) && isSiteOrNull(v.candidate);

export function isFrameFind(v: unknown): v is FrameFind {
  return isFrame(v) && isListOf(isFoundCompose)(v.composes);
}

export function isContentInsertResult(v: unknown): v is ContentInsertResult {
  if (!isPlainObject(v)) return false;
  return v.ok === true ? isText(v.method) : v.ok === false && isContentFailure(v.reason);
}

function isTrace(v: unknown): boolean {
  return (
    isPlainObject(v) &&
    isRecipient(v.recipient) &&
    isSubject(v.subject) &&
    isListOf((t) => isPlainObject(t) && isText(t.technique) && isOutcome(t.outcome))(v.techniques) &&
    isCount(v.inputEvents)
  );
}

export function isFrameDiagnosis(v: unknown): v is FrameDiagnosis {
  return (
    isFrame(v) &&
    isPlainObject(v.selectors) &&
    Object.values(v.selectors).every(isCount) &&
    (v.lastInsert === null || isTrace(v.lastInsert))
  );
}

/** Each call's answer, as the content script's API (content/index.ts) gives it. */
export interface FrameValues {
  find: FrameFind;
  insert: ContentInsertResult;
  diagnose: FrameDiagnosis;
}

export const IS_FRAME_VALUE: { [K in Op]: (v: unknown) => v is FrameValues[K] } = {
  find: isFrameFind,
  insert: isContentInsertResult,
  diagnose: isFrameDiagnosis,
};
