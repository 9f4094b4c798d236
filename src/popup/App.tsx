import { useLayoutEffect, useState } from 'preact/hooks';
import { EMPTY_PROFILE } from '../core/profile';
import type { FirstSettings } from '../db/peek';
import { readProfile } from '../db/settings';
import { runtime, t } from '../platform';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import type { FollowUpTarget } from '../ui/invite/FollowUpBar';
import { InviteView } from '../ui/invite/InviteView';
import { lazy } from '../ui/lazy';
import { ProfileForm } from '../ui/ProfileForm';
import { SettingsNotice } from '../ui/SettingsNotice';
import { useLive } from '../ui/useLive';
import { PartnerCenterLine } from './components/PartnerCenterLine';
import { SyncIndicator } from './components/SyncIndicator';
import { type TabId, TabPanel, Tabs } from './components/Tabs';
import { readGlance } from './glance';

// Loaded when its tab first opens. The profile form is not: it is the whole popup of a first run
// (docs/architecture.md, "The popup's first paint").
const PendingPanel = lazy(() => import('./components/PendingPanel').then((m) => m.PendingPanel));

const openOptions = () => void runtime.openOptionsPage();

/**
 * The toolbar popup: the first-run profile, then two tabs: invite a customer, and the pending invitations. `first`:
 * the settings read before Dexie loads (db/peek.ts), so the invite form paints at once; every live read, the counts
 * included, starts after that paint (docs/architecture.md, "The popup's first paint").
 */
export function App({ first }: { first: FirstSettings | undefined }) {
  // undefined: still reading (first run: no database yet). A stored profile that does not read is not a blank
  // popup: SettingsNotice says what is wrong, and the form starts from every field that still reads.
  const stored = useLive(readProfile, [], first?.profile);
  const profile = stored === undefined ? undefined : stored.state === 'ok' ? stored.profile : null;
  const glance = useLive(readGlance);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<TabId>('invite');
  // The pending list is read the first time its tab opens, not on every popup open.
  const [pendingOpened, setPendingOpened] = useState(false);
  const [followUp, setFollowUp] = useState<FollowUpTarget | undefined>(undefined);
  const ready = profile !== undefined;
  // The moment the popup can be used, for `npm run bench` (a User Timing mark costs nothing when unread). A layout
  // effect runs in the task that changed the DOM; effects wait for the next frame.
  useLayoutEffect(() => {
    if (ready) performance.mark('popup-interactive');
  }, [ready]);

  const select = (next: TabId) => {
    setTab(next);
    if (next === 'pending') setPendingOpened(true);
  };
  const startFollowUp = (target: FollowUpTarget) => {
    setFollowUp(target);
    setTab('invite');
  };

  return (
    <main class="popup-main" data-ready={ready}>
      <div class="top">
        <header class="bar">
          <h1>{t('extName')}</h1>
          <SyncIndicator />
          <button
            type="button"
            class="icon"
            title={t('openOptions')}
            aria-label={t('openOptions')}
            onClick={openOptions}
          >
            ⚙
          </button>
        </header>
        {profile && !editing && (
          <Tabs selected={tab} onSelect={select} pending={glance?.pending} overdue={glance?.overdue} />
        )}
      </div>
      <SettingsNotice />
      {profile && !editing && <PartnerCenterLine />}
      {profile === null || editing ? (
        <section aria-labelledby="setup-title">
          <h2 id="setup-title">{t('setupTitle')}</h2>
          <p class="hint">{t('setupIntro')}</p>
          <ErrorBoundary area={t('setupTitle')} onOpenOptions={openOptions}>
            <ProfileForm
              key={stored?.state}
              initial={profile ?? (stored?.state === 'broken' ? stored.salvaged : EMPTY_PROFILE)}
              onSaved={() => setEditing(false)}
            />
          </ErrorBoundary>
        </section>
      ) : (
        profile && (
          <>
            <TabPanel id="invite" selected={tab}>
              <ErrorBoundary area={t('tabInvite')} onOpenOptions={openOptions}>
                <InviteView
                  key={followUp?.invitationId ?? 'new'}
                  profile={profile}
                  onEditProfile={() => setEditing(true)}
                  followUp={followUp}
                  onCancelFollowUp={() => setFollowUp(undefined)}
                  firstOverrides={first?.overrides}
                />
              </ErrorBoundary>
            </TabPanel>
            <TabPanel id="pending" selected={tab}>
              <ErrorBoundary area={t('tabPending')} onOpenOptions={openOptions}>
                {pendingOpened && <PendingPanel glance={glance} onFollowUp={startFollowUp} />}
              </ErrorBoundary>
            </TabPanel>
          </>
        )
      )}
    </main>
  );
}
