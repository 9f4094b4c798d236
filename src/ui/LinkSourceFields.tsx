import type { Problem } from '../core/problem';
import { linkHost, type PartnerProfile } from '../core/profile';
import { t } from '../platform';
import { describedBy, Field } from './Field';
import { forField } from './findings';

interface Props {
  profile: PartnerProfile;
  problems: Problem[];
  warnings: Problem[];
  update: (patch: Partial<PartnerProfile>) => void;
}

/** Where the invitation link comes from: generated from the tenant ID, or pasted from Partner Center. */
export function LinkSourceFields({ profile, problems, warnings, update }: Props) {
  return (
    <fieldset class="link-source">
      <legend>{t('linkSourceLegend')}</legend>
      <div class="choices">
        <label>
          <input
            type="radio"
            name="source"
            checked={profile.source === 'generated'}
            onChange={() => update({ source: 'generated' })}
          />
          {t('sourceGenerated')}
        </label>
        <label>
          <input
            type="radio"
            name="source"
            checked={profile.source === 'pasted'}
            onChange={() => update({ source: 'pasted' })}
          />
          {t('sourcePasted')}
        </label>
      </div>
      {profile.source === 'generated' ? (
        <GeneratedFields profile={profile} problems={problems} warnings={warnings} update={update} />
      ) : (
        <PastedFields profile={profile} problems={problems} warnings={warnings} update={update} />
      )}
    </fieldset>
  );
}

function GeneratedFields({ profile, problems, warnings, update }: Props) {
  const guidInput = (id: 'tenantId' | 'providerTenantId', label: string, hint: string) => (
    <Field
      id={id}
      label={label}
      hint={hint}
      problems={forField(problems, id)}
      warnings={forField(warnings, id)}
    >
      <input
        id={id}
        class="mono"
        spellcheck={false}
        autocomplete="off"
        placeholder="00000000-0000-0000-0000-000000000000"
        value={profile[id]}
        aria-describedby={describedBy(id)}
        aria-invalid={forField(problems, id).length > 0}
        onInput={(e) => update({ [id]: e.currentTarget.value })}
      />
    </Field>
  );
  return (
    <>
      {guidInput('tenantId', t('tenantIdLabel'), t('tenantIdHint'))}
      <div class="choices" role="radiogroup" aria-label={t('kindLabel')}>
        <label>
          <input
            type="radio"
            name="kind"
            checked={profile.kind === 'direct'}
            onChange={() => update({ kind: 'direct' })}
          />
          {t('kindDirect')}
        </label>
        <label>
          <input
            type="radio"
            name="kind"
            checked={profile.kind === 'indirect'}
            onChange={() => update({ kind: 'indirect' })}
          />
          {t('kindIndirect')}
        </label>
      </div>
      {profile.kind === 'indirect' && (
        <>
          <Field
            id="resellerPartnerId"
            label={t('resellerPartnerIdLabel')}
            hint={t('resellerPartnerIdHint')}
            problems={forField(problems, 'resellerPartnerId')}
            warnings={forField(warnings, 'resellerPartnerId')}
          >
            <input
              id="resellerPartnerId"
              class="mono"
              inputMode="numeric"
              value={profile.resellerPartnerId}
              aria-describedby={describedBy('resellerPartnerId')}
              aria-invalid={forField(problems, 'resellerPartnerId').length > 0}
              onInput={(e) => update({ resellerPartnerId: e.currentTarget.value })}
            />
          </Field>
          {guidInput('providerTenantId', t('providerTenantIdLabel'), t('providerTenantIdHint'))}
        </>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={profile.includeDap}
          onChange={(e) => update({ includeDap: e.currentTarget.checked })}
        />
        {t('includeDapLabel')}
      </label>
      <p class="hint">{t('dapNote')}</p>
    </>
  );
}

function PastedFields({ profile, problems, warnings, update }: Props) {
  // The confirmation is for the host of the link now in the box: pasting a link on another host unticks it.
  const host = linkHost(profile.pastedLink);
  const confirmed = host !== '' && profile.confirmedHost === host;
  const unknownHost = problems.some((f) => f.code === 'unknown-host') || confirmed;
  return (
    <>
      <Field
        id="pastedLink"
        label={t('pastedLinkLabel')}
        hint={t('pastedLinkHint')}
        problems={problems.filter(isLinkFinding)}
        warnings={warnings}
      >
        <textarea
          id="pastedLink"
          class="mono"
          rows={3}
          spellcheck={false}
          value={profile.pastedLink}
          aria-describedby={describedBy('pastedLink')}
          aria-invalid={problems.some(isLinkFinding)}
          onInput={(e) => update({ pastedLink: e.currentTarget.value })}
        />
      </Field>
      {unknownHost && (
        <label class="check">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => update({ confirmedHost: e.currentTarget.checked ? host : '' })}
          />
          {t('keepUnknownHostLabel', host)}
        </label>
      )}
    </>
  );
}

const PROFILE_FIELDS = new Set(['partnerName', 'senderName']);

function isLinkFinding(f: Problem): boolean {
  return f.field === undefined || !PROFILE_FIELDS.has(f.field);
}
