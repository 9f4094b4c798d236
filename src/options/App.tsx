import { EMPTY_PROFILE } from '../core/profile';
import { readProfile } from '../db/settings';
import { t } from '../platform';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { InviteView } from '../ui/invite/InviteView';
import { ProfileForm } from '../ui/ProfileForm';
import { SettingsNotice } from '../ui/SettingsNotice';
import { useLive } from '../ui/useLive';
import { BackupSection } from './components/backup/BackupSection';
import { ConnectSection } from './components/connect/ConnectSection';
import { CustomersSection } from './components/customers/CustomersSection';
import { Nav, type NavItem } from './components/Nav';
import { RemindersSection } from './components/RemindersSection';
import { ReconcileSection } from './components/reconcile/ReconcileSection';
import { SyncSection } from './components/sync/SyncSection';
import { TemplateEditor } from './components/TemplateEditor';
import { WebmailSection } from './components/WebmailSection';

/** `#invite=<tabId>`: opened from the webmail context menu where the browser cannot open the popup itself. */
const inviteTab = /^#invite=(\d+)$/.exec(location.hash)?.[1];

/** Section ids are link targets: the worker's reminder opens `#customers` (background/alarms.ts). */
const SECTIONS: readonly NavItem[] = [
  { id: 'customers', label: 'navCustomers' },
  { id: 'reconcile', label: 'navReconcile' },
  { id: 'templates', label: 'navTemplates' },
  { id: 'profile', label: 'navProfile' },
  { id: 'reminders', label: 'navReminders' },
  { id: 'sync', label: 'navSync' },
  { id: 'webmail', label: 'navWebmail' },
  { id: 'connect', label: 'navConnect' },
  { id: 'backup', label: 'navBackup' },
];

/** The options page: customers and charts, Partner Center reconcile, templates, profile, reminders, sync, backup. */
export function App() {
  const stored = useLive(readProfile);
  // null: no usable profile (none yet, or one that does not read: SettingsNotice says why and offers a reset).
  const profile = stored === undefined ? undefined : stored.state === 'ok' ? stored.profile : null;
  return (
    <div class="options-layout">
      <Nav items={SECTIONS} />
      <main class="options-main" data-ready={profile !== undefined}>
        <h1>{t('extName')}</h1>
        <SettingsNotice />
        {inviteTab && profile && (
          <section class="card narrow">
            <InviteView
              profile={profile}
              targetTabId={Number(inviteTab)}
              onEditProfile={() => document.getElementById('partnerName')?.focus()}
            />
          </section>
        )}
        {stored?.state === 'none' && (
          <p class="card note" data-testid="no-profile">
            {t('noProfileYet')}{' '}
            <a href="#profile" target="_self">
              {t('setUpProfile')}
            </a>
          </p>
        )}
        <ErrorBoundary area={t('navCustomers')}>
          <CustomersSection />
        </ErrorBoundary>
        <ErrorBoundary area={t('navReconcile')}>
          <ReconcileSection />
        </ErrorBoundary>
        <section id="templates" aria-labelledby="templates-title" class="section card narrow">
          <h2 id="templates-title">{t('templatesTitle')}</h2>
          <ErrorBoundary area={t('navTemplates')}>
            <TemplateEditor profile={profile ?? EMPTY_PROFILE} />
          </ErrorBoundary>
        </section>
        <section id="profile" aria-labelledby="profile-title" class="section card narrow">
          <h2 id="profile-title">{t('profileTitle')}</h2>
          {/* The form starts from the stored profile once it is read, then owns its draft until saved. */}
          {stored !== undefined && (
            <ErrorBoundary area={t('navProfile')}>
              <ProfileForm
                initial={
                  stored.state === 'ok'
                    ? stored.profile
                    : stored.state === 'broken'
                      ? stored.salvaged
                      : EMPTY_PROFILE
                }
              />
            </ErrorBoundary>
          )}
        </section>
        <ErrorBoundary area={t('navReminders')}>
          <RemindersSection />
        </ErrorBoundary>
        <ErrorBoundary area={t('navSync')}>
          <SyncSection />
        </ErrorBoundary>
        <WebmailSection />
        <ErrorBoundary area={t('navConnect')}>
          <ConnectSection />
        </ErrorBoundary>
        <ErrorBoundary area={t('navBackup')}>
          <BackupSection />
        </ErrorBoundary>
      </main>
    </div>
  );
}
