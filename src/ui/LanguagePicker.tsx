import { LANGUAGES } from '../core/language';
import type { Language } from '../core/types';
import { t } from '../platform';

/** The language of one invitation (not of the UI): a partner in France may write to a customer in English. */
export function LanguagePicker({ value, onChange }: { value: Language; onChange: (lang: Language) => void }) {
  return (
    <div class="choices" role="radiogroup" aria-label={t('languageLabel')}>
      <span class="muted">{t('languageLabel')}</span>
      {LANGUAGES.map((lang) => (
        <label key={lang}>
          <input type="radio" name="lang" checked={value === lang} onChange={() => onChange(lang)} />
          {t(`language_${lang}`)}
        </label>
      ))}
    </div>
  );
}
