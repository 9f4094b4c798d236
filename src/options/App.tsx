import { EMPTY_PROFILE } from '../core/profile';
import { db } from '../db/db';
import { getProfile } from '../db/settings';
import { t } from '../platform';
import { ProfileForm } from '../ui/ProfileForm';
import { useLive } from '../ui/useLive';
import { TemplateEditor } from './components/TemplateEditor';

/** The options page: partner profile and templates. */
export function App() {
  const profile = useLive(async () => (await getProfile(db)) ?? null);
  return (
    <main class="options-main" data-ready={profile !== undefined}>
      <h1>{t('extName')}</h1>
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
