import { useEffect, useState } from 'preact/hooks';
import { defaultTemplate } from '../../core/default-templates';
import { languageFor } from '../../core/language';
import { checkPartnerProfile, type PartnerProfile } from '../../core/profile';
import { checkTemplate, PLACEHOLDERS, renderDraft } from '../../core/template';
import type { Language, Template } from '../../core/types';
import { effectiveTemplate, getTemplateOverrides, resetTemplate, saveTemplate } from '../../db/settings';
import { t, uiLanguage } from '../../platform';
import { DraftPreview } from '../../ui/DraftPreview';
import { describedBy } from '../../ui/Field';
import { errorText } from '../../ui/findings';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { db } from '../../ui/page-db';
import { useLive } from '../../ui/useLive';

/** Edit the invitation template of each language with a live preview; a template with problems cannot be saved. */
export function TemplateEditor({ profile }: { profile: PartnerProfile }) {
  const [lang, setLang] = useState<Language>(languageFor(uiLanguage()));
  const overrides = useLive(getTemplateOverrides);
  const saved = overrides && effectiveTemplate(overrides, lang);
  const [draft, setDraft] = useState<Template | undefined>(undefined);
  const [status, setStatus] = useState('');
  // Load the stored template when the language changes or the stored one changes (another tab, reset).
  useEffect(() => setDraft(saved), [lang, JSON.stringify(saved)]);
  if (!draft || !overrides) return null;

  const problems = checkTemplate(draft);
  const edit = (patch: Partial<Template>) => {
    setDraft({ ...draft, ...patch });
    setStatus('');
  };
  const run = (action: () => Promise<void>, done: string) =>
    action().then(
      () => setStatus(done),
      (error: unknown) => setStatus(errorText(error)),
    );

  return (
    <div class="template-editor">
      <LanguagePicker value={lang} onChange={setLang} />
      <label for="tpl-subject">{t('subjectLabel')}</label>
      <input
        id="tpl-subject"
        value={draft.subject}
        aria-describedby={describedBy('tpl')}
        onInput={(e) => edit({ subject: e.currentTarget.value })}
      />
      <label for="tpl-body">{t('bodyLabel')}</label>
      <textarea
        id="tpl-body"
        rows={14}
        value={draft.body}
        aria-describedby={describedBy('tpl')}
        onInput={(e) => edit({ body: e.currentTarget.value })}
      />
      <div id={describedBy('tpl')} aria-live="polite">
        <p class="hint">{t('placeholdersHint', PLACEHOLDERS.map((p) => `{{${p}}}`).join(' '))}</p>
        {problems.map((p) => (
          <p class="problem" key={`${p.field}-${p.code}-${p.message}`} data-code={p.code}>
            {p.message}
          </p>
        ))}
      </div>
      {problems.length === 0 && <DraftPreview draft={renderDraft(draft, sampleValues(profile))} />}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={problems.length > 0}
          onClick={() => run(() => saveTemplate(db, lang, draft), t('templateSaved'))}
        >
          {t('saveTemplate')}
        </button>
        <button
          type="button"
          onClick={() =>
            run(() => resetTemplate(db, lang).then(() => setDraft(defaultTemplate(lang))), t('templateReset'))
          }
        >
          {t('resetTemplate')}
        </button>
        <span role="status" class="status" data-testid="template-status">
          {status}
        </span>
      </div>
    </div>
  );
}

/** Realistic values for the preview: the partner's own link when the profile is set, a sample otherwise. */
function sampleValues(profile: PartnerProfile) {
  const link = checkPartnerProfile(profile).link?.url ?? 'https://admin.microsoft.com/…';
  return {
    customerName: 'Contoso Ltd',
    contactName: 'Alex Martin',
    partnerName: profile.partnerName || 'Fabrikam Cloud',
    senderName: profile.senderName,
    link,
  };
}
