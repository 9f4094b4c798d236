import type { ConnectView } from '../../../messages';
import { t } from '../../../platform';

/** The last check in numbers, and the GDAP requests Partner Center says expired or are about to. */
export function ConnectFindings({ view }: { view: ConnectView }) {
  const s = view.summary;
  if (!s && view.notes.length === 0) return null;
  const date = (at?: number) => (at === undefined ? '' : new Date(at).toLocaleDateString());
  return (
    <div data-testid="connect-findings">
      {s && (
        <p>
          {t('connectSummary', [String(s.customers), String(s.accepted), String(s.gdap), String(s.offered)])}
        </p>
      )}
      {view.notes.length > 0 && (
        <ul>
          {view.notes.map((n) => (
            <li key={`${n.customerId}-${n.outcome}`}>
              {t(n.outcome === 'expiring' ? 'connectGdapExpiring' : 'connectGdapExpired', date(n.at))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
