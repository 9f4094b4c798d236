import { InvalidInputError, type Problem } from '../core/problem';
import { hasMessage, t } from '../platform';

/**
 * A problem in the UI language: core and the worker speak English; a `<family>_<code>` message in _locales overrides
 * it, so a translation gap falls back to the precise English text rather than to nothing. `family` keeps codes of
 * different origins apart (a backup's `not-json` is not Partner Center's).
 */
export function findingText(finding: Problem, family: 'finding' | 'connectProblem' = 'finding'): string {
  const key = `${family}_${finding.code.replace(/-/g, '_')}`;
  return hasMessage(key) ? t(key) : finding.message;
}

/** Several problems as one text, each in the UI language as `findingText` gives it. */
export function problemsText(problems: readonly Problem[]): string {
  return problems.map((p) => findingText(p)).join(' ');
}

export function forField<P extends Problem>(findings: P[], ...fields: string[]): P[] {
  return findings.filter((f) => f.field !== undefined && fields.includes(f.field));
}

/** What a failure says to the partner: each problem of an InvalidInputError (localised by code), else its message. */
export function errorText(error: unknown): string {
  if (error instanceof InvalidInputError) return problemsText(error.problems);
  return error instanceof Error ? error.message : String(error);
}
