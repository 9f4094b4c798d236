import { useState } from 'preact/hooks';
import { InvalidInputError } from '../core/problem';
import { checkPartnerProfile, linkTypeKey, type PartnerProfile } from '../core/profile';
import { saveProfile } from '../db/settings';
import { t } from '../platform';
import { describedBy, Field } from './Field';
import { errorText, forField } from './findings';
import { LinkSourceFields } from './LinkSourceFields';
import { pageDb } from './useLive';

interface Props {
  initial: PartnerProfile;
  onSaved?: () => void;
}

/**
 * The partner profile, validated as the user types. A field's problems show once it has been edited (or after a
 * save attempt), so a fresh form is not a wall of red; Save never writes a profile with problems.
 */
export function ProfileForm({ initial, onSaved }: Props) {
  const [profile, setProfile] = useState(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState('');
  const check = checkPartnerProfile(profile);
  const shown = check.problems.filter((f) => touched.has('*') || touched.has(f.field ?? ''));

  const update = (patch: Partial<PartnerProfile>) => {
    setProfile((p) => ({ ...p, ...patch }));
    setTouched((s) => new Set([...s, ...Object.keys(patch), ...linkFieldsOf(patch)]));
    setStatus('');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setTouched(new Set(['*']));
    try {
      // Loaded here, not with the form: the popup's first-run form paints before Dexie has loaded.
      const { db } = await pageDb();
      await saveProfile(db, profile);
      setStatus(t('profileSaved'));
      onSaved?.();
    } catch (error) {
      setStatus(error instanceof InvalidInputError ? t('profileHasProblems') : errorText(error));
    }
  };

  return (
    <form class="profile-form" onSubmit={save} noValidate>
      <Field id="partnerName" label={t('partnerNameLabel')} problems={forField(shown, 'partnerName')}>
        <input
          id="partnerName"
          autocomplete="organization"
          value={profile.partnerName}
          aria-describedby={describedBy('partnerName')}
          aria-invalid={forField(shown, 'partnerName').length > 0}
          onInput={(e) => update({ partnerName: e.currentTarget.value })}
        />
      </Field>
      <Field id="senderName" label={t('senderNameLabel')} hint={t('senderNameHint')}>
        <input
          id="senderName"
          autocomplete="name"
          value={profile.senderName}
          aria-describedby={describedBy('senderName')}
          onInput={(e) => update({ senderName: e.currentTarget.value })}
        />
      </Field>
      <LinkSourceFields profile={profile} problems={shown} warnings={check.warnings} update={update} />
      {check.link && (
        <div class="link-result" data-testid="profile-link">
          <span class="tag">{t(linkTypeKey(check.link.type))}</span>
          <code>{check.link.url}</code>
        </div>
      )}
      <p class="hint">{t('regionHint')}</p>
      <div class="actions">
        <button type="submit" class="primary">
          {t('saveProfile')}
        </button>
        <span role="status" class="status" data-testid="profile-status">
          {status}
        </span>
      </div>
    </form>
  );
}

/** Editing the pasted link reveals the `url`-level findings too (their field names the link's parameters). */
function linkFieldsOf(patch: Partial<PartnerProfile>): string[] {
  return 'pastedLink' in patch || 'confirmedHost' in patch
    ? ['url', 'invType', 'partnerId', 'msppId', 'DAP', 'indirectCSPId', 'relationshipId']
    : [];
}
