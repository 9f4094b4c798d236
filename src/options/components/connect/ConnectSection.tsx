import { useEffect, useState } from 'preact/hooks';
import { CONNECT_ORIGINS } from '../../../core/connect-endpoints';
import { type ConnectView, send } from '../../../messages';
import { connectPermissions, copyText, identity, t } from '../../../platform';
import { errorText, findingText } from '../../../ui/findings';
import { ConnectFindings } from './ConnectFindings';
import { Proposals } from './Proposals';

/**
 * Options > Partner Center (docs/connect.md): the partner's own app registration, the sign-in, and what the checks found.
 * Nothing here asks for a permission or calls Microsoft until the partner presses Connect.
 */
export function ConnectSection() {
  const [view, setView] = useState<ConnectView | undefined>(undefined);
  const [clientId, setClientId] = useState('');
  const [busy, setBusy] = useState('');
  const [note, setNote] = useState<{ text: string; error?: boolean }>({ text: '' });
  const redirect = identity.redirectUrl();
  const show = (v: ConnectView) => {
    setView(v);
    if (v.clientId) setClientId((c) => c || (v.clientId as string));
  };
  useEffect(() => {
    send({ type: 'connect.status' }).then(show, (e: unknown) => setNote({ text: errorText(e), error: true }));
  }, []);

  const run = (label: string, work: () => Promise<ConnectView>) => {
    setBusy(label);
    setNote({ text: '' });
    work()
      .then(show, (e: unknown) => setNote({ text: errorText(e), error: true }))
      .finally(() => setBusy(''));
  };
  const connect = () => {
    // Asked synchronously inside the click: browsers refuse a permission request without a user gesture.
    const asked = connectPermissions.request([...CONNECT_ORIGINS]);
    run(t('connectSigningIn'), async () => {
      if (!(await asked)) throw new Error(t('connectRefused'));
      return send({ type: 'connect.signIn', clientId });
    });
  };
  const state = view?.state ?? 'never';
  return (
    <section id="connect" class="section card narrow" aria-labelledby="connect-title">
      <h2 id="connect-title">{t('connectTitle')}</h2>
      <p class="hint">{t('connectIntro')}</p>
      <p>
        <strong>{t('connectRedirect')}</strong> <code data-testid="redirect-url">{redirect}</code>{' '}
        <button
          type="button"
          onClick={() => copyText(redirect).catch(() => setNote({ text: t('copyFailed'), error: true }))}
        >
          {t('connectCopy')}
        </button>
      </p>
      <label for="connect-client">{t('connectClientId')}</label>
      <input
        id="connect-client"
        value={clientId}
        spellcheck={false}
        autocomplete="off"
        placeholder="00000000-0000-0000-0000-000000000000"
        onInput={(e) => setClientId((e.target as HTMLInputElement).value)}
      />
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={busy !== '' || clientId.trim() === ''}
          onClick={connect}
        >
          {state === 'connected'
            ? t('connectReconnect')
            : state === 'signed-out'
              ? t('connectSignInAgain')
              : t('connectButton')}
        </button>
        {state === 'connected' && (
          <button
            type="button"
            disabled={busy !== ''}
            onClick={() => run(t('connectChecking'), () => send({ type: 'connect.check' }))}
          >
            {t('connectCheckNow')}
          </button>
        )}
        {state !== 'never' && (
          <button
            type="button"
            disabled={busy !== ''}
            onClick={() => run(t('connectDisconnecting'), () => send({ type: 'connect.disconnect' }))}
          >
            {t('connectDisconnect')}
          </button>
        )}
      </div>
      <p role="status" data-testid="connect-state">
        {busy || (view ? stateText(view) : '')}
      </p>
      {(view?.problem || note.text) && (
        <p role="alert" class="error" data-testid="connect-problem">
          {note.text || (view?.problem && findingText(view.problem, 'connectProblem'))}
        </p>
      )}
      {view && <ConnectFindings view={view} />}
      {state !== 'never' && <Proposals stamp={view?.lastCheckedAt ?? 0} />}
    </section>
  );
}

function stateText(v: ConnectView): string {
  const at =
    v.lastCheckedAt === undefined ? t('connectNeverChecked') : new Date(v.lastCheckedAt).toLocaleString();
  if (v.state === 'connected') return t('connectConnected', at);
  if (v.state === 'signed-out') return t('connectSignedOut', at);
  return t('connectNotConnected');
}
