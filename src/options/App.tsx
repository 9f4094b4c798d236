import { EMPTY_PROFILE } from '../core/profile';
import { db } from '../db/db';
import { getProfile } from '../db/settings';
import { t } from '../platform';
import { InviteView } from '../ui/invite/InviteView';
import { ProfileForm } from '../ui/ProfileForm';
import { useLive } from '../ui/useLive';
import { TemplateEditor } from './components/TemplateEditor';

/** `#invite=<tabId>`: opened from the webmail context menu where the browser cannot open the popup itself. */
const inviteTab = /^#invite=(\d+)$/.exec(location.hash)?.[1];

/** The options page: partner profile and templates. */
export function App() {
  const profile = useLive(async () => (await getProfile(db)) ?? null);
  return (
    <main class="options-main" data-ready={profile !== undefined}>
      <h1>{t('extName')}</h1>
      {inviteTab && profile && (
        <section class="card">
          <InviteView
            profile={profile}
            targetTabId={Number(inviteTab)}
            onEditProfile={() => document.getElementById('partnerName')?.focus()}
          />
        </section>
      )}
      <section aria-labelledby="profile-title" class="card">
        <h2 id="profile-title">{t('profileTitle')}</h2>
        {/* The form starts from the stored profile once it is read, then owns its draft until saved. */}
        {profile !== undefined && <ProfileForm initial={profile ?? EMPTY_PROFILE} />}
      </section>
      <section aria-labelledby="templates-title" class="card">
        <h2 id="templates-title">{t('templatesTitle')}</h2>
        <TemplateEditor profile={profile ?? EMPTY_PROFILE} />
      </section>
    </main>
  );
}
