/**
 * What the content script may answer the worker, checked before the worker uses it. The answer comes back from a
 * page, through a script of ours that may be of another version while an update lands, so it is read like any other
 * data from outside: an answer of another shape is the script's failure, reported as one (frame-answers.ts), never
 * an empty list or a crash further on.
 */
import { isPlainObject } from '../core/shape';
import type {
  ContentInsertResult,
  FrameDiagnosis,
  FrameFind,
  InsertFailure,
  InsertTrace,
  Site,
} from '../messages';
import type { Op } from './frame-answers';

const SITES: readonly unknown[] = ['gmail', 'outlook', 'yahoo', 'proton'] satisfies Site[];
const CONTENT_FAILURES: readonly unknown[] = [
  'no-compose',
  'no-access',
  'not-inserted',
  'tab-gone',
  'unsupported',
] satisfies Exclude<InsertFailure, 'content-error'>[];
const RECIPIENT: readonly unknown[] = [
  'filled',
  'kept',
  'failed',
  'none',
] satisfies InsertTrace['recipient'][];
const SUBJECT: readonly unknown[] = ['filled', 'kept', 'reply', 'none'] satisfies InsertTrace['subject'][];
const OUTCOMES: readonly unknown[] = [
  'landed',
  'changed-without-link',
  'no-change',
  'threw',
] satisfies InsertTrace['techniques'][number]['outcome'][];

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isSiteOrNull = (v: unknown) => v === null || SITES.includes(v);
const isListOf = (v: unknown, item: (x: unknown) => boolean) => Array.isArray(v) && v.every(item);

function isFoundCompose(v: unknown): boolean {
  return (
    isPlainObject(v) &&
    isText(v.composeId) &&
    SITES.includes(v.site) &&
    isText(v.host) &&
    isText(v.subject) &&
    isListOf(v.to, isText) &&
    typeof v.focused === 'boolean'
  );
}

export function isFrameFind(v: unknown): v is FrameFind {
  return (
    isPlainObject(v) &&
    isSiteOrNull(v.site) &&
    isText(v.host) &&
    isSiteOrNull(v.candidate) &&
    isListOf(v.composes, isFoundCompose)
  );
}

export function isContentInsertResult(v: unknown): v is ContentInsertResult {
  if (!isPlainObject(v)) return false;
  return v.ok === true ? isText(v.method) : v.ok === false && CONTENT_FAILURES.includes(v.reason);
}

function isTrace(v: unknown): boolean {
  return (
    isPlainObject(v) &&
    RECIPIENT.includes(v.recipient) &&
    SUBJECT.includes(v.subject) &&
    isListOf(v.techniques, (t) => isPlainObject(t) && isText(t.technique) && OUTCOMES.includes(t.outcome)) &&
    isCount(v.inputEvents)
  );
}

export function isFrameDiagnosis(v: unknown): v is FrameDiagnosis {
  return (
    isPlainObject(v) &&
    isText(v.host) &&
    isSiteOrNull(v.site) &&
    isSiteOrNull(v.candidate) &&
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
