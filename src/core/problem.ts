/**
 * The one shape of "something is wrong with this input", used by every layer: core rules, stored-value parsers,
 * sync's held-aside list and the UI. `field` names the offending field when there is one; `code` is stable (tests,
 * localisation); `message` is an English sentence saying what is wrong and how to fix it.
 */
export interface Problem {
  field?: string;
  code: string;
  message: string;
}

/** A parse result: the value in our own types, or the problems that kept it out. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Thrown by a write that refuses its input: nothing was stored. Callers show each problem to the partner. */
export class InvalidInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'InvalidInputError';
  }
}
