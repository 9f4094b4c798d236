import type { ReconcilePlan } from '../../../core/reconcile';
import type { ApplyResult } from '../../../db/reconcile';
import { t } from '../../../platform';
import { countText, formatNumber } from '../../format';

/** Progress of Apply, chunk by chunk (large exports take seconds on a slow machine). */
export function ApplyProgress({ done, total }: { done: number; total: number }) {
  return (
    <div class="apply-progress">
      <label for="apply-progress">{t('applying', [formatNumber(done), formatNumber(total)])}</label>
      <progress id="apply-progress" max={total} value={done} />
    </div>
  );
}

interface Props {
  fileName: string;
  plan: ReconcilePlan;
  result: ApplyResult;
  onAgain: () => void;
}

/** What Apply did, and each row it could not apply with the reason (something changed since the review). */
export function ApplyResultView({ fileName, plan, result, onAgain }: Props) {
  const counts: [string, number][] = [
    ['resultAccepted', result.accepted],
    ['resultCreated', result.created],
    ['resultAdded', result.added],
    ['resultFilled', result.filled],
  ];
  const done = counts.filter(([, count]) => count > 0).map(([key, count]) => countText(key, count));
  const lines = done.length > 0 ? done : [t('resultNothing')];
  return (
    <div class="apply-result" role="status" data-testid="reconcile-result">
      <h3>{t('resultTitle', fileName)}</h3>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {result.skipped.length > 0 && (
        <>
          <h4>{countText('resultSkipped', result.skipped.length)}</h4>
          <ul class="problems">
            {result.skipped.map((s) => (
              <li key={s.rowIndex}>
                <strong>{plan.rows[s.rowIndex]?.companyName}</strong> — {s.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onAgain}>
        {t('reconcileAgain')}
      </button>
    </div>
  );
}
