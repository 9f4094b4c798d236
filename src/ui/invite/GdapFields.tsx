import { t } from '../../platform';
import { describedBy, Field } from '../Field';
import type { GdapCheck, GdapForm, InviteMode } from './draft';

/** Reseller invitation or GDAP request: two different links, so the choice is explicit (partners confuse them: docs/partner-center.md, "Link formats"). */
export function ModeSwitch({ mode, onChange }: { mode: InviteMode; onChange: (mode: InviteMode) => void }) {
  const option = (value: InviteMode, label: string) => (
    <label>
      <input
        type="radio"
        name="invite-mode"
        value={value}
        checked={mode === value}
        onChange={() => onChange(value)}
      />
      <span>{label}</span>
    </label>
  );
  return (
    <div class="segmented" role="radiogroup" aria-label={t('inviteModeLabel')} data-testid="invite-mode">
      {option('reseller', t('modeReseller'))}
      {option('gdap', t('modeGdap'))}
    </div>
  );
}

interface Props {
  gdap: GdapForm;
  check: GdapCheck;
  /** The form was submitted: an empty link is a problem now, not before. */
  tried: boolean;
  edit: (patch: Partial<GdapForm>) => void;
}

/** The per-customer GDAP link (docs/partner-center.md, "Link formats") with the roles and duration the email lists, as the partner wrote them. */
export function GdapFields({ gdap, check, tried, edit }: Props) {
  const problems = tried || gdap.link.trim() ? check.problems : [];
  return (
    <div class="gdap-fields">
      <Field
        id="gdapLink"
        label={t('gdapLinkLabel')}
        hint={t('gdapLinkHint')}
        problems={problems}
        warnings={check.warnings}
      >
        <input
          id="gdapLink"
          class="mono"
          autocomplete="off"
          spellcheck={false}
          value={gdap.link}
          aria-describedby={describedBy('gdapLink')}
          aria-invalid={problems.length > 0}
          onInput={(e) => edit({ link: e.currentTarget.value })}
        />
      </Field>
      <Field id="gdapRoles" label={t('gdapRolesLabel')} hint={t('gdapRolesHint')}>
        <textarea
          id="gdapRoles"
          rows={2}
          value={gdap.roles}
          aria-describedby={describedBy('gdapRoles')}
          onInput={(e) => edit({ roles: e.currentTarget.value })}
        />
      </Field>
      <div class="row gdap-terms">
        <Field id="gdapDuration" label={t('gdapDurationLabel')}>
          <input
            id="gdapDuration"
            autocomplete="off"
            placeholder={t('gdapDurationPlaceholder')}
            value={gdap.duration}
            onInput={(e) => edit({ duration: e.currentTarget.value })}
          />
        </Field>
        <label class="check">
          <input
            type="checkbox"
            checked={gdap.autoExtend}
            onChange={(e) => edit({ autoExtend: e.currentTarget.checked })}
          />
          {t('gdapAutoExtendLabel')}
        </label>
      </div>
    </div>
  );
}
