/**
 * The building blocks every stored kind's parser is made of (customer-record.ts, invitation-record.ts, profile.ts,
 * template.ts, …): one rule per field, each returning the value in our type or the problem that keeps it out.
 * Pure. A value read from IndexedDB, a backup, a CSV or another browser is `unknown` until one of these says
 * otherwise.
 */
import type { Parsed, Problem } from './problem';

export type Rule<T> = (
  value: unknown,
  field: string,
) => { ok: true; value: T } | { ok: false; problem: Problem };

const ok = <T>(value: T) => ({ ok: true as const, value });
const bad = (field: string, code: string, message: string) => ({
  ok: false as const,
  problem: { field, code, message },
});

/**
 * Keys that name the prototype machinery, never a field of ours: kept out of every parsed object, in every mode, so
 * a hostile file or record cannot reach `Object.prototype` through a later spread or assignment.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isAnyObject(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Any object but an array, whatever its prototype: for a value kept as it came, never spread or assigned from. */
export function isAnyObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every value of a string union, listed from a record of them all, so that a value left out is a compile error. */
export const valuesOf = <T extends string>(all: Record<T, true>): readonly T[] => Object.keys(all) as T[];

/*
 * Checks for values taken or refused whole, with no problem list: a frame's answer, a page's request, sync's own
 * bookkeeping. Each says whether `v` has the shape; the caller reports the whole value when it does not.
 */
export const isText = (v: unknown): v is string => typeof v === 'string';
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
/** A whole number from 0: a count, a tab or frame id. */
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
/** A finite number from 0: a time in ms. */
export const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
export const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    values.some((value) => value === v);
export const isOptional =
  (check: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    v === undefined || check(v);
export const isListOf =
  (check: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    Array.isArray(v) && v.every(check);

/** A string of at most `max` characters; `fallback` when absent (undefined or null), else required. */
export function text(max: number, fallback?: string): Rule<string> {
  return (v, field) => {
    if ((v === undefined || v === null) && fallback !== undefined) return ok(fallback);
    if (typeof v !== 'string') return bad(field, 'not-text', `${field} should be text, not ${kindOf(v)}.`);
    if (v.length > max)
      return bad(field, 'too-long', `${field} is ${v.length} characters long; the most is ${max}.`);
    return ok(v);
  };
}

/** A string that is not blank, of at most `max` characters. */
export function requiredText(max: number): Rule<string> {
  const base = text(max);
  return (v, field) => {
    const r = base(v, field);
    if (r.ok && r.value.trim() === '') return bad(field, 'required', `${field} is empty.`);
    return r;
  };
}

/** One of a closed list of strings; `fallback` when absent. */
export function oneOf<T extends string>(values: readonly T[], fallback?: T): Rule<T> {
  return (v, field) => {
    if ((v === undefined || v === null) && fallback !== undefined) return ok(fallback);
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return ok(v as T);
    const shown = typeof v === 'string' ? `"${v.slice(0, 40)}"` : kindOf(v);
    return bad(field, 'not-allowed', `${field} is ${shown}; expected one of ${values.join(', ')}.`);
  };
}

export function bool(fallback?: boolean): Rule<boolean> {
  return (v, field) => {
    if ((v === undefined || v === null) && fallback !== undefined) return ok(fallback);
    if (typeof v === 'boolean') return ok(v);
    return bad(field, 'not-boolean', `${field} should be true or false, not ${kindOf(v)}.`);
  };
}

/** A finite number (a time, a count); `fallback` when absent. */
export function num(fallback?: number): Rule<number> {
  return (v, field) => {
    if ((v === undefined || v === null) && fallback !== undefined) return ok(fallback);
    if (typeof v === 'number' && Number.isFinite(v)) return ok(v);
    return bad(field, 'not-number', `${field} should be a number, not ${kindOf(v)}.`);
  };
}

/** Absent (undefined or null: sync stores a cleared field as null) reads as undefined; present must pass `rule`. */
export function optional<T>(rule: Rule<T>): Rule<T | undefined> {
  return (v, field) => (v === undefined || v === null ? ok(undefined) : rule(v, field));
}

/** A list of at most `max` items, each passing `rule`. */
export function list<T>(rule: Rule<T>, max: number): Rule<T[]> {
  return (v, field) => {
    if (!Array.isArray(v)) return bad(field, 'not-list', `${field} should be a list, not ${kindOf(v)}.`);
    if (v.length > max) return bad(field, 'too-many', `${field} has ${v.length} items; the most is ${max}.`);
    const out: T[] = [];
    for (const [i, item] of v.entries()) {
      const r = rule(item, `${field}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  };
}

export type Shape<T> = { [K in keyof T]-?: Rule<T[K]> };

export interface ObjectOptions {
  /**
   * Keep fields the shape does not name (a newer version's, arriving through sync, must survive a round trip:
   * docs/sync.md). Off for files: a backup's or CSV's unknown fields are dropped, never stored.
   */
  keepUnknown?: boolean;
  /** What the value is called in messages ("customer", "profile"). */
  what?: string;
}

/** A shape's fields as a list, computed once per shape: parsing runs per record, thousands at a time in sync. */
const entryCache = new WeakMap<object, [string, Rule<unknown>][]>();
function entriesOf<T>(shape: Shape<T>): [string, Rule<unknown>][] {
  let entries = entryCache.get(shape);
  if (!entries) {
    entries = Object.entries(shape) as [string, Rule<unknown>][];
    entryCache.set(shape, entries);
  }
  return entries;
}

/**
 * The object `value` holds, every field of `shape` parsed; all problems are collected, not just the first.
 * A field whose rule gives undefined is left out, so optional fields stay absent rather than `undefined`.
 */
export function parseObject<T>(value: unknown, shape: Shape<T>, options: ObjectOptions = {}): Parsed<T> {
  const what = options.what ?? 'value';
  if (!isPlainObject(value)) {
    return { ok: false, problems: [{ code: 'not-an-object', message: `The ${what} is ${kindOf(value)}.` }] };
  }
  const out: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const [key, rule] of entriesOf(shape)) {
    const r = rule(Object.hasOwn(value, key) ? value[key] : undefined, key);
    if (!r.ok) problems.push(r.problem);
    else if (r.value !== undefined) out[key] = r.value;
  }
  if (options.keepUnknown) {
    for (const [key, v] of Object.entries(value)) {
      if (!Object.hasOwn(shape, key) && !FORBIDDEN_KEYS.has(key)) out[key] = v;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: out as T };
}

/**
 * The fields of `value` that pass their rule on their own: what a form can start from when the whole value is
 * refused, so the partner re-enters only what is broken (the stored value stays until the partner saves).
 */
export function salvage<T>(value: unknown, shape: Shape<T>): Partial<T> {
  if (!isPlainObject(value)) return {};
  const out: Partial<T> = {};
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    const r = shape[key](Object.hasOwn(value, key) ? value[key] : undefined, key);
    if (r.ok && r.value !== undefined) out[key] = r.value;
  }
  return out;
}

/** "a number", "a list", "empty"…: what a wrong value is, for a message, without echoing a huge or hostile value. */
export function kindOf(v: unknown): string {
  if (v === undefined || v === null) return 'missing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v === '' ? 'empty' : 'text';
  if (typeof v === 'number') return Number.isFinite(v) ? 'a number' : 'not a finite number';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** The problems of a refused parse as one sentence each, at most `max`, for a list shown to the partner. */
export function describeProblems(problems: readonly Problem[], max = 5): string {
  const shown = problems.slice(0, max).map((p) => p.message);
  const more = problems.length > max ? ` (${problems.length - max} more problems)` : '';
  return `${shown.join(' ')}${more}`;
}
