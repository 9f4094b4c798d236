import { useEffect, useState } from 'preact/hooks';
import { type ConnectView, send } from '../../messages';
import { runtime, t } from '../../platform';
import { findingText } from '../../ui/findings';

/**
 * One line on the Partner Center connection (docs/connect.md): when it last checked, or that checks stopped until
 * the partner signs in again. Opening the popup on a stale check starts one. Nothing shows for a partner who never
 * connected, and nothing is requested for them either: the worker answers from storage.
 */
export function PartnerCenterLine() {
  const [view, setView] = useState<ConnectView | undefined>(undefined);
  useEffect(() => {
    send({ type: 'connect.status', opened: true }).then(setView, () => {});
  }, []);
  if (!view || view.state === 'never') return null;
  const at =
    view.lastCheckedAt === undefined
      ? t('connectNeverChecked')
      : new Date(view.lastCheckedAt).toLocaleString();
  if (view.state === 'signed-out') {
    return (
      <p class="hint error" role="status" data-testid="pc-line">
        {t('popupPcStopped')}{' '}
        <button type="button" class="link" onClick={() => void runtime.openOptionsPage()}>
          {t('connectSignInAgain')}
        </button>
      </p>
    );
  }
  return (
    <p class="hint" role="status" data-testid="pc-line">
      {t('popupPcChecked', at)}
      {view.problem ? ` ${findingText(view.problem, 'connectProblem')}` : ''}
    </p>
  );
}
