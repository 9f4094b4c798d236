import { useEffect, useState } from 'preact/hooks';
import type { Draft } from '../../core/types';
import { CONFIRMED_HOSTS_KEY, readConfirmedHosts, storedHosts, withHost } from '../../core/webmail-hosts';
import {
  type ComposeWindow,
  type FindResult,
  type InsertResult,
  type Site,
  send,
  type UnconfirmedWebmail,
} from '../../messages';
import { copyRich, copyText, localArea, optionalHosts, permissions, t } from '../../platform';
import { errorText } from '../findings';
import { insertFailureText } from './insert-failure';

const SITE_NAMES: Record<Site, string> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  yahoo: 'Yahoo Mail',
  proton: 'Proton Mail',
};

interface Props {
  targetTabId?: number | undefined;
  draft: Draft;
  to: string;
  /** Returns false when the form has problems to show first. */
  ready: () => boolean;
  onInserted: (window: ComposeWindow) => void;
  setStatus: (status: string) => void;
}

/**
 * "Insert into compose": lists the compose windows the worker can reach (the active tab through the popup's
 * activeTab grant, other tabs once the partner granted the webmail hosts) and inserts into the chosen one. On any
 * failure the draft goes to the clipboard instead, so the partner is never left with nothing.
 */
export function ComposeInsert({ targetTabId, draft, to, ready, onInserted, setStatus }: Props) {
  const [windows, setWindows] = useState<ComposeWindow[] | undefined>(undefined);
  const [offers, setOffers] = useState<UnconfirmedWebmail[]>([]);
  // A supported webmail tab where find or insert came back empty: the partner may send us a diagnostic report.
  const [diagnosable, setDiagnosable] = useState<number | undefined>(undefined);
  // Our content script failed in the tab: said as such, never as "no compose window".
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState(0);
  const find = () =>
    send({ type: 'compose.find' }).then(
      (result: FindResult) => {
        const mine = <T extends { tabId: number }>(list: T[]): T[] =>
          targetTabId === undefined ? list : list.filter((w) => w.tabId === targetTabId);
        const found = mine(result.composes);
        setWindows(found);
        setOffers(mine(result.unconfirmed));
        const broken = mine(result.failed)[0];
        setFailed(broken?.detail);
        setDiagnosable(broken?.tabId ?? mine(result.webmailTabs)[0]?.tabId);
        setChosen(
          Math.max(
            0,
            found.findIndex((w) => w.focused),
          ),
        );
      },
      (error: unknown) => {
        setWindows([]);
        setStatus(errorText(error));
      },
    );
  useEffect(() => void find(), []);

  // Kept on this device only, and listed in Options > Webmail where it can be removed.
  const confirmHost = async (offer: UnconfirmedWebmail) => {
    try {
      const stored = readConfirmedHosts(await localArea.get(CONFIRMED_HOSTS_KEY));
      await localArea.set(CONFIRMED_HOSTS_KEY, storedHosts(withHost(stored, offer.host)));
    } catch (error) {
      setStatus(errorText(error));
      return;
    }
    await find();
  };

  const copyDiagnostic = async (tabId: number) => {
    try {
      const { report } = await send({ type: 'compose.diagnose', tabId });
      await copyText(report);
      setStatus(t('diagnosticCopied'));
    } catch (error) {
      setStatus(errorText(error));
    }
  };

  const searchAllTabs = async () => {
    // Asked from this click only: the hosts are optional, so installing showed no site-access warning.
    const granted = await permissions.request(optionalHosts()).catch((error: unknown) => {
      setStatus(errorText(error));
      return false;
    });
    if (granted) await find();
  };

  const insert = async (target: ComposeWindow) => {
    if (!ready()) return;
    const result: InsertResult = await send({
      type: 'compose.insert',
      target: { tabId: target.tabId, frameId: target.frameId, composeId: target.composeId },
      draft: { to: to.trim() || undefined, subject: draft.subject, html: draft.html, text: draft.text },
    }).catch((error: unknown) => ({ ok: false, reason: 'not-inserted', detail: errorText(error) }) as const);
    if (result.ok) {
      setStatus(t('inserted', SITE_NAMES[target.site]));
      onInserted(target);
      return;
    }
    setDiagnosable(target.tabId);
    const why = insertFailureText(result, t);
    await copyRich(draft.html, draft.text).then(
      () => setStatus(t('insertFailedCopied', why)),
      () => setStatus(why),
    );
  };

  if (windows === undefined) return null;
  const extras = (
    <>
      {offers.map((offer) => (
        <button
          key={`${offer.tabId}-${offer.host}`}
          type="button"
          class="link-button"
          onClick={() => confirmHost(offer)}
        >
          {t('treatHostAs', [offer.host, SITE_NAMES[offer.site]])}
        </button>
      ))}
      {diagnosable !== undefined && (
        <button type="button" class="link-button" onClick={() => copyDiagnostic(diagnosable)}>
          {t('copyDiagnostic')}
        </button>
      )}
    </>
  );
  if (windows.length === 0) {
    return (
      <div class="compose-none">
        <p class="hint" data-testid="compose-none">
          {failed === undefined
            ? t('noComposeFound')
            : insertFailureText({ reason: 'content-error', detail: failed }, t)}
        </p>
        <button type="button" class="link-button" onClick={searchAllTabs}>
          {t('searchAllTabs')}
        </button>
        {extras}
      </div>
    );
  }
  const target = windows[chosen] ?? windows[0];
  return (
    <div class="compose-insert">
      {windows.length > 1 && (
        <select
          aria-label={t('composeWindowLabel')}
          value={chosen}
          onChange={(e) => setChosen(Number(e.currentTarget.value))}
        >
          {windows.map((w, i) => (
            <option key={`${w.tabId}-${w.frameId}-${w.composeId}`} value={i}>
              {describe(w)}
            </option>
          ))}
        </select>
      )}
      {target && (
        <button type="button" class="primary" data-testid="insert" onClick={() => insert(target)}>
          {windows.length > 1 ? t('insertIntoCompose') : t('insertInto', describe(target))}
        </button>
      )}
      {extras}
    </div>
  );
}

/** Site, subject or recipients, and the tab's host: the partner sees where the draft will go. */
function describe(w: ComposeWindow): string {
  const what = w.subject || w.to.join(', ') || t('newMessage');
  return `${SITE_NAMES[w.site]}: ${what} (${w.host})`;
}
