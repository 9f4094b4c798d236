import type { Problem } from '../core/problem';
import { hasMessage, t } from '../platform';

/**
 * A problem in the UI language: core speaks English; a `finding_<code>` message in _locales overrides it, so a
 * translation gap falls back to the precise English text rather than to nothing.
 */
export function findingText(finding: Problem): string {
  const key = `finding_${finding.code.replace(/-/g, '_')}`;
  return hasMessage(key) ? t(key) : finding.message;
}

/** Several problems as one text, each in the UI language as `findingText` gives it. */
export function problemsText(problems: readonly Problem[]): string {
  return problems.map(findingText).join(' ');
}

export function forField<P extends Problem>(findings: P[], ...fields: string[]): P[] {
  return findings.filter((f) => f.field !== undefined && fields.includes(f.field));
}
