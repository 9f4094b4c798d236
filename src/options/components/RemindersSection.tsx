import { useEffect, useState } from 'preact/hooks';
import {
  checkFollowUpDays,
  getTrackingSettings,
  MAX_FOLLOW_UP_DAYS,
  saveTrackingSettings,
} from '../../db/tracking-settings';
import { permissions, t } from '../../platform';
import { describedBy, Field } from '../../ui/Field';
import { errorText } from '../../ui/findings';
import { db } from '../../ui/page-db';
import { useLive } from '../../ui/useLive';
import { countText } from '../format';

/**
 * The follow-up threshold (badge, popup, reminder) and the optional daily desktop reminder. The `notifications`
 * permission is asked for only here, from the click that turns the reminder on; refused, the reminder stays off.
 */
export function RemindersSection() {
  const settings = useLive(getTrackingSettings);
  const [days, setDays] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({ text: '' });
  const [revoked, setRevoked] = useState(false);
  useEffect(() => {
    if (settings) setDays(String(settings.followUpDays));
  }, [settings?.followUpDays]);
  // The partner may have removed the permission in the browser's settings since turning reminders on.
  useEffect(() => {
    if (settings?.notify)
      permissions.hasApi('notifications').then(
        (has) => setRevoked(!has),
        () => {},
      );
  }, [settings?.notify]);
  if (!settings) return <section id="reminders" class="section card" aria-busy="true" />;

  const problems = days.trim() === '' ? checkFollowUpDays(Number.NaN) : checkFollowUpDays(Number(days));
  const save = (patch: Parameters<typeof saveTrackingSettings>[1], done: string) =>
    saveTrackingSettings(db, patch).then(
      () => setStatus({ text: done }),
      (error: unknown) => setStatus({ text: errorText(error), error: true }),
    );
  const toggle = (input: HTMLInputElement) => {
    const on = input.checked;
    // The stored value decides what the box shows; it flips when the save lands.
    input.checked = settings.notify;
    if (!on) return void save({ notify: false }, t('notifyOff'));
    // Asked synchronously inside the click: browsers refuse a permission request without a user gesture.
    const asked = permissions.requestApi('notifications');
    setStatus({ text: t('notifyAsking') });
    asked.then(
      (granted) =>
        granted
          ? save({ notify: true }, t('notifyOn'))
          : setStatus({ text: t('notifyRefused'), error: true }),
      (error: unknown) => setStatus({ text: errorText(error), error: true }),
    );
  };

  return (
    <section id="reminders" class="section card narrow" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('remindersTitle')}</h2>
      <Field
        id="follow-up-days"
        label={t('followUpDaysLabel')}
        hint={t('followUpDaysHint')}
        problems={problems}
      >
        <input
          id="follow-up-days"
          class="days-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_FOLLOW_UP_DAYS}
          step={1}
          value={days}
          aria-invalid={problems.length > 0}
          aria-describedby={describedBy('follow-up-days')}
          onInput={(e) => setDays(e.currentTarget.value)}
          onChange={(e) => {
            const value = Number(e.currentTarget.value);
            if (checkFollowUpDays(value).length === 0 && value !== settings.followUpDays) {
              void save({ followUpDays: value }, countText('followUpSaved', value));
            }
          }}
        />
      </Field>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.notify}
          aria-describedby="notify-hint"
          onChange={(e) => toggle(e.currentTarget)}
        />
        {t('notifyLabel')}
      </label>
      <p id="notify-hint" class="hint">
        {t('notifyHint')}
      </p>
      {settings.notify && revoked && <p class="warning">{t('notifyRevoked')}</p>}
      <p role="status" class={status.error ? 'problem' : 'status'} data-testid="reminders-status">
        {status.text}
      </p>
    </section>
  );
}
