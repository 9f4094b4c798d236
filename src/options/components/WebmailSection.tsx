import { useEffect, useState } from 'preact/hooks';
import {
  CONFIRMED_HOSTS_KEY,
  type ConfirmedHosts,
  readConfirmedHosts,
  storedHosts,
  withoutHost,
} from '../../core/webmail-hosts';
import { localArea, t } from '../../platform';

/**
 * Hosts the partner confirmed as their own Outlook on the web on a custom domain (docs/webmail.md, "Custom
 * domains"). Kept on this browser only and removable here: a page elsewhere that carries Outlook's markers is never
 * scripted unless its host is in this list.
 */
export function WebmailSection() {
  const [stored, setStored] = useState<ConfirmedHosts | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    const read = () =>
      localArea.get(CONFIRMED_HOSTS_KEY).then(
        (value) => setStored(readConfirmedHosts(value)),
        (e: unknown) => setError(String(e)),
      );
    void read();
    return localArea.onChanged(CONFIRMED_HOSTS_KEY, () => void read());
  }, []);
  const remove = (host: string) =>
    stored &&
    localArea
      .set(CONFIRMED_HOSTS_KEY, storedHosts(withoutHost(stored, host)))
      .catch((e: unknown) => setError(String(e)));
  const hosts = stored?.hosts;
  return (
    <section id="webmail" aria-labelledby="webmail-title" class="section card narrow">
      <h2 id="webmail-title">{t('webmailHostsTitle')}</h2>
      <p class="hint">{t('webmailHostsHelp')}</p>
      {hosts?.length === 0 && <p data-testid="webmail-hosts-none">{t('webmailHostsNone')}</p>}
      {hosts && hosts.length > 0 && (
        <ul data-testid="webmail-hosts">
          {hosts.map((host) => (
            <li key={host}>
              <span>{host}</span>{' '}
              <button type="button" class="link-button" onClick={() => remove(host)}>
                {t('removeHost', host)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {stored && stored.unread.length > 0 && (
        <p class="hint" data-testid="webmail-hosts-unread">
          {t('webmailHostsUnread', String(stored.unread.length))}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
