import type { ComponentChildren } from 'preact';
import { t } from '../../platform';

export type TabId = 'invite' | 'pending';
const TABS: readonly TabId[] = ['invite', 'pending'];

interface Props {
  selected: TabId;
  onSelect: (tab: TabId) => void;
  pending: number | undefined;
  overdue: number | undefined;
}

/**
 * Two tabs in the ARIA pattern: one Tab stop, arrow keys (and Home/End) move between them. The Pending tab carries
 * the counts, so the status shows at a glance from the Invite tab too.
 */
export function Tabs({ selected, onSelect, pending, overdue }: Props) {
  const move = (e: KeyboardEvent) => {
    const i = TABS.indexOf(selected);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = TABS[(next + TABS.length) % TABS.length] as TabId;
    onSelect(tab);
    document.getElementById(`tab-${tab}`)?.focus();
  };
  const labels: Record<TabId, ComponentChildren> = {
    invite: t('tabInvite'),
    pending: (
      <>
        {pending === undefined ? t('tabPending') : t('tabPendingCount', String(pending))}
        {overdue !== undefined && overdue > 0 && (
          <span class="pill" data-testid="tab-overdue">
            {t('tabOverdue', String(overdue))}
          </span>
        )}
      </>
    ),
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={move}>
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`tab-${tab}`}
          aria-selected={tab === selected}
          aria-controls={`panel-${tab}`}
          tabIndex={tab === selected ? 0 : -1}
          onClick={() => onSelect(tab)}
        >
          {labels[tab]}
        </button>
      ))}
    </div>
  );
}

/** A tab's panel; hidden panels stay mounted so a half-typed invitation survives a look at the pending list. */
export function TabPanel(props: { id: TabId; selected: TabId; children: ComponentChildren }) {
  return (
    <div
      role="tabpanel"
      id={`panel-${props.id}`}
      aria-labelledby={`tab-${props.id}`}
      hidden={props.id !== props.selected}
    >
      {props.children}
    </div>
  );
}
