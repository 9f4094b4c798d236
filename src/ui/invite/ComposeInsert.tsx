import { useEffect, useState } from 'preact/hooks';
import type { Draft } from '../../core/types';
import { type ComposeWindow, type InsertResult, type Site, send } from '../../messages';
import { copyRich, optionalHosts, permissions, t } from '../../platform';

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
  const [chosen, setChosen] = useState(0);
  const find = () =>
    send({ type: 'compose.find' }).then(
      (all) => {
        const found = targetTabId === undefined ? all : all.filter((w) => w.tabId === targetTabId);
        setWindows(found);
        setChosen(
          Math.max(
            0,
            found.findIndex((w) => w.focused),
          ),
        );
      },
      () => setWindows([]),
    );
  useEffect(() => void find(), []);

  const searchAllTabs = async () => {
    // Asked from this click only: the hosts are optional, so installing showed no site-access warning.
    if (await permissions.request(optionalHosts())) await find();
  };

  const insert = async (target: ComposeWindow) => {
    if (!ready()) return;
    const result: InsertResult = await send({
      type: 'compose.insert',
      target: { tabId: target.tabId, frameId: target.frameId, composeId: target.composeId },
      draft: { to: to.trim() || undefined, subject: draft.subject, html: draft.html, text: draft.text },
    }).catch((error: unknown) => ({ ok: false, reason: 'not-inserted', message: String(error) }) as const);
    if (result.ok) {
      setStatus(t('inserted', SITE_NAMES[target.site]));
      onInserted(target);
      return;
    }
    await copyRich(draft.html, draft.text).then(
      () => setStatus(t('insertFailedCopied', result.message)),
      () => setStatus(result.message),
    );
  };

  if (windows === undefined) return null;
  if (windows.length === 0) {
    return (
      <div class="compose-none">
        <p class="hint">{t('noComposeFound')}</p>
        <button type="button" class="link-button" onClick={searchAllTabs}>
          {t('searchAllTabs')}
        </button>
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
    </div>
  );
}

function describe(w: ComposeWindow): string {
  const what = w.subject || w.to.join(', ') || t('newMessage');
  return `${SITE_NAMES[w.site]}: ${what}`;
}
