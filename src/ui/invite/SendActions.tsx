import { buildMailto } from '../../core/mailto';
import type { SendChannel } from '../../core/status';
import type { Draft } from '../../core/types';
import { copyRich, t, tabs } from '../../platform';
import { errorText } from '../findings';
import { ComposeInsert } from './ComposeInsert';

interface Props {
  /** Undefined while the form cannot make one (GDAP mode without a valid link). */
  draft: Draft | undefined;
  to: string;
  targetTabId?: number | undefined;
  /** Returns false when the form has problems to show first. */
  ready: () => boolean;
  setStatus: (status: string) => void;
  /** The draft went out by this channel: record it. Not called when the copy or the mail app failed. */
  onSent: (channel: SendChannel) => void;
}

/** The three ways a draft leaves the extension; each one that succeeds records the invitation. */
export function SendActions({ draft, to, targetTabId, ready, setStatus, onSent }: Props) {
  const copy = async () => {
    if (!ready() || !draft) return;
    try {
      await copyRich(draft.html, draft.text);
    } catch {
      setStatus(t('copyFailed'));
      return;
    }
    setStatus(t('copied'));
    onSent('copy');
  };
  const openMailApp = async () => {
    if (!ready() || !draft) return;
    const mailto = buildMailto({ to: to.trim(), subject: draft.subject, text: draft.text });
    if (!mailto.ok) {
      setStatus(t('mailtoTooLong'));
      return;
    }
    try {
      // A tab rather than location.href: the popup would otherwise navigate itself to the mailto: URL.
      await tabs.create(mailto.url);
    } catch (error) {
      setStatus(t('mailAppFailed', errorText(error)));
      return;
    }
    setStatus(t('mailAppOpened'));
    onSent('mailto');
  };
  return (
    <div class="send">
      {draft && (
        <ComposeInsert
          targetTabId={targetTabId}
          draft={draft}
          to={to}
          ready={ready}
          onInserted={() => onSent('compose')}
          setStatus={setStatus}
        />
      )}
      <div class="actions">
        <button type="button" onClick={copy}>
          {t('copyDraft')}
        </button>
        <button type="button" onClick={openMailApp}>
          {t('openMailApp')}
        </button>
      </div>
    </div>
  );
}
