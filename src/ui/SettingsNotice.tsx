import { useEffect, useState } from 'preact/hooks';
import { resetSetting, type SettingProblem, settingProblems } from '../db/settings';
import { t } from '../platform';
import { errorText, findingText } from './findings';
import { pageDb, watchLive } from './useLive';

/**
 * Every stored setting that does not read (from an older or newer version, a hand-edited backup, another browser
 * through sync), each with what is wrong, what the page does meanwhile, and a reset to the default. Reads on its
 * own (not through useLive, which throws) so it still works inside an ErrorBoundary whose children failed.
 */
export function SettingsNotice() {
  const [broken, setBroken] = useState<SettingProblem[]>([]);
  const [failed, setFailed] = useState('');
  useEffect(
    () =>
      watchLive(settingProblems, setBroken, (error: unknown) =>
        console.error('Settings check failed', error),
      ),
    [],
  );
  if (broken.length === 0) return null;
  return (
    <div class="card settings-notice" role="status" data-testid="settings-notice">
      {broken.map(({ key, problems }) => (
        <div key={key} data-setting={key}>
          <p class="warning">{t(`settingBroken_${key}`)}</p>
          <ul>
            {problems.slice(0, 5).map((p) => (
              <li key={`${p.field}-${p.code}`}>{findingText(p)}</li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() =>
              pageDb()
                .then(({ db }) => resetSetting(db, key))
                .then(
                  () => setFailed(''),
                  (error: unknown) => setFailed(t('settingResetFailed', errorText(error))),
                )
            }
          >
            {t('settingReset')}
          </button>
        </div>
      ))}
      {failed && <p class="problem">{failed}</p>}
    </div>
  );
}
