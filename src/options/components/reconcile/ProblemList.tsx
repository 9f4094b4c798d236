import type { ExportProblem } from '../../../core/reconcile';
import { t } from '../../../platform';

const PROBLEMS_SHOWN = 200;

/** Rows skipped, by line number (the header is line 1); the message names the line too, for a screen reader. */
export function ProblemList({ problems }: { problems: readonly ExportProblem[] }) {
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  return (
    <ul class="problems" data-testid="review-problems">
      {shown.map((p, i) => (
        <li key={`${p.line ?? 0}-${i}`} data-line={p.line}>
          {p.line !== undefined && <span class="line-no">{t('lineNumber', String(p.line))}</span>}
          <span>{p.message}</span>
        </li>
      ))}
      {problems.length > shown.length && (
        <li class="muted">{t('moreProblems', String(problems.length - shown.length))}</li>
      )}
    </ul>
  );
}
