import { useEffect, useState } from 'preact/hooks';
import { EMPTY_PROFILE } from '../core/profile';
import { db } from '../db/db';
import { getProfile } from '../db/settings';
import { runtime, t } from '../platform';
import { InviteView } from '../ui/invite/InviteView';
import { ProfileForm } from '../ui/ProfileForm';
import { useLive } from '../ui/useLive';

/** The toolbar popup: the first-run profile, then the invite view. */
export function App() {
  // null: read, no profile yet; undefined: still reading (the frame paints before data).
  const profile = useLive(async () => (await getProfile(db)) ?? null);
  const [editing, setEditing] = useState(false);
  const ready = profile !== undefined;
  // The moment the popup can be used, for `npm run bench` (a User Timing mark costs nothing when unread).
  useEffect(() => {
    if (ready) performance.mark('popup-interactive');
  }, [ready]);

  return (
    <main class="popup-main" data-ready={ready}>
      <header class="bar">
        <h1>{t('extName')}</h1>
        <button
          type="button"
          class="icon"
          title={t('openOptions')}
          aria-label={t('openOptions')}
          onClick={() => runtime.openOptionsPage()}
        >
          ⚙
        </button>
      </header>
      {profile === null || editing ? (
        <section aria-labelledby="setup-title">
          <h2 id="setup-title">{t('setupTitle')}</h2>
          <p class="hint">{t('setupIntro')}</p>
          <ProfileForm initial={profile ?? EMPTY_PROFILE} onSaved={() => setEditing(false)} />
        </section>
      ) : (
        profile && <InviteView profile={profile} onEditProfile={() => setEditing(true)} />
      )}
    </main>
  );
}
