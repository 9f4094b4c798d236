/**
 * The one shape of "something is wrong with this input", used by every layer: core rules, stored-value parsers,
 * refused status transitions, sync's held-aside list and the UI. `field` names the offending field when there is
 * one; `code` is stable (tests, localisation); `message` is an English sentence saying what is wrong and how to fix
 * it. Below it, the errors that carry problems: every one is an InvalidInputError.
 */
export interface Problem {
  field?: string;
  code: string;
  message: string;
}

/** The one shape of an expected failure, returned rather than thrown: the problems that kept a value out or a change from happening. */
export type Refused = { ok: false; problems: Problem[] };

/** A parse result: the value in our own types, or the problems that kept it out. */
export type Parsed<T> = { ok: true; value: T } | Refused;

/** Thrown when input is refused: nothing was stored. Callers show each problem to the partner. */
export class InvalidInputError extends Error {
  constructor(
    readonly problems: Problem[],
    message = problems.map((p) => p.message).join(' '),
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** A template, or the values it is rendered with, cannot make a draft (core/template.ts `renderDraft`). */
export class TemplateError extends InvalidInputError {
  constructor(problems: Problem[]) {
    super(problems);
    this.name = 'TemplateError';
  }
}

/** The profile cannot make a reseller link (core/link.ts `buildResellerLink`). */
export class LinkError extends InvalidInputError {
  constructor(problems: Problem[]) {
    super(problems, `Cannot build the reseller link: ${problems.map((p) => p.message).join(' ')}`);
    this.name = 'LinkError';
  }
}
