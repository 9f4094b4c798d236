import type { Draft } from '../core/types';
import { t } from '../platform';

/**
 * Shows a rendered draft as the customer will see it. `draft.html` is renderDraft output: every value in it is
 * escaped text and the only markup is <p>, <br> and the link's <a>, so it is safe to set as HTML. The pages' <base
 * target="_blank"> opens the link in a tab, so the partner can try it without the popup navigating away.
 */
export function DraftPreview({ draft }: { draft: Draft }) {
  return (
    <section class="preview" aria-label={t('previewLabel')}>
      <p class="preview-subject">
        <span class="muted">{t('subjectLabel')}: </span>
        <span data-testid="preview-subject">{draft.subject}</span>
      </p>
      {/* Safe: renderDraft escapes every value (see above). */}
      <div class="preview-body" data-testid="preview-body" dangerouslySetInnerHTML={{ __html: draft.html }} />
    </section>
  );
}
