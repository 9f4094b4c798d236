import type { Finding } from '../core/types';
import { hasMessage, t } from '../platform';

/**
 * A finding in the UI language: core speaks English; a `finding_<code>` message in _locales overrides it, so a
 * translation gap falls back to the precise English text rather than to nothing.
 */
export function findingText(finding: Finding): string {
  const key = `finding_${finding.code.replace(/-/g, '_')}`;
  return hasMessage(key) ? t(key) : finding.message;
}

export function forField(findings: Finding[], ...fields: string[]): Finding[] {
  return findings.filter((f) => fields.includes(f.field));
}
