import type { ComponentChildren } from 'preact';
import type { Problem } from '../core/problem';
import { findingText } from './findings';

interface Props {
  id: string;
  label: string;
  hint?: string;
  problems?: Problem[];
  warnings?: Problem[];
  children: ComponentChildren;
}

/** Label, control, hint and findings, wired for screen readers: the control sets aria-describedby={describedBy(id)}. */
export function Field({ id, label, hint, problems = [], warnings = [], children }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      <div id={describedBy(id)} class="field-notes" aria-live="polite">
        {hint && <p class="hint">{hint}</p>}
        {problems.map((f) => (
          <p class="problem" key={f.code} data-code={f.code}>
            {findingText(f)}
          </p>
        ))}
        {warnings.map((f) => (
          <p class="warning" key={f.code} data-code={f.code}>
            {findingText(f)}
          </p>
        ))}
      </div>
    </div>
  );
}

export function describedBy(id: string): string {
  return `${id}-notes`;
}
