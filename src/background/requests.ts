/**
 * Every page's request read before its handler runs: a type of the protocol (messages.ts) with fields of the types
 * it names. Only our own pages reach this (sender.ts), so a request of another shape is a bug of ours, or a page of
 * the version before an update: it is refused with a message, never handled with fields of the wrong type (a
 * `"false"` that turns sync on, a draft whose HTML is not a string).
 */
import { isBoolean, isCount, isListOf, isOneOf, isOptional, isPlainObject, isText } from '../core/shape';
import { HELD_DECISIONS } from '../core/sync-status';
import type { AnyRequest, MessageType } from '../messages';

const isTarget = (v: unknown): boolean =>
  isPlainObject(v) && isCount(v.tabId) && isOptional(isCount)(v.frameId) && isOptional(isText)(v.composeId);

const isDraft = (v: unknown): boolean =>
  isPlainObject(v) && isOptional(isText)(v.to) && isText(v.subject) && isText(v.html) && isText(v.text);

const FIELDS: Record<MessageType, (request: Record<string, unknown>) => boolean> = {
  'data.changed': () => true,
  'sync.status': () => true,
  'sync.enable': (r) => isBoolean(r.enabled),
  // Its lengths are the engine's to judge (background/sync.ts); here only the types.
  'sync.decide': (r) => isListOf(isText)(r.keys) && isOneOf(HELD_DECISIONS)(r.decision),
  'compose.find': () => true,
  'compose.insert': (r) => isTarget(r.target) && isDraft(r.draft),
  'compose.diagnose': (r) => isCount(r.tabId),
  'connect.status': (r) => isOptional(isBoolean)(r.opened),
  'connect.signIn': (r) => isText(r.clientId),
  'connect.check': () => true,
  'connect.disconnect': () => true,
};

const isType = (v: unknown): v is MessageType => isText(v) && Object.hasOwn(FIELDS, v);

/**
 * The request in the protocol's types; `refused` for one of the protocol's types whose fields are not; undefined
 * for anything that is no request of ours (left to other listeners, unanswered).
 */
export function readRequest(value: unknown): { request: AnyRequest } | { refused: string } | undefined {
  if (!isPlainObject(value) || !isType(value.type)) return undefined;
  if (!FIELDS[value.type](value))
    return { refused: `The worker refused a ${value.type} request of another shape.` };
  return { request: value as AnyRequest };
}
