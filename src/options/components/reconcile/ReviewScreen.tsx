import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { languageFor } from '../../../core/language';
import type { ExportProblem, ReconcilePlan } from '../../../core/reconcile';
import type { Language } from '../../../core/types';
import type { CustomerRow } from '../../../db/db';
import { t, uiLanguage } from '../../../platform';
import { countText } from '../../format';
import { reviewGroups, selectedCount, setAddition, setGroup, setMatch } from '../../reconcile-review';
import { ProblemList } from './ProblemList';
import { AdditionList, MatchList } from './ReviewLists';

interface Props {
  fileName: string;
  plan: ReconcilePlan;
  problems: readonly ExportProblem[];
  customers: ReadonlyMap<string, CustomerRow>;
  onPlan: (plan: ReconcilePlan) => void;
  onApply: (language: Language) => void;
  onCancel: () => void;
}

/** Every change the file would make, ticked as the plan proposes; nothing is written until Apply. */
export function ReviewScreen({ fileName, plan, problems, customers, onPlan, onApply, onCancel }: Props) {
  const [language, setLanguage] = useState<Language>(languageFor(uiLanguage()));
  const { changes, unchanged } = reviewGroups(plan);
  const count = selectedCount(plan);
  const rowProblems = problems.filter((p) => p.code !== 'no-header');
  const anyAddition = plan.additions.some((a) => a.apply);

  return (
    <div class="review" data-testid="reconcile-review">
      <h3>{t('reviewTitle', fileName)}</h3>
      <p data-testid="review-summary">
        {[
          countText('sumRows', plan.rows.length),
          countText('sumMatches', changes.length),
          countText('sumAdditions', plan.additions.length),
          countText('sumSkipped', rowProblems.length),
        ].join(' · ')}
      </p>
      {unchanged > 0 && <p class="muted">{countText('sumUnchanged', unchanged)}</p>}

      <Group
        title={countText('groupMatches', changes.length)}
        hint={t('groupMatchesHint')}
        empty={changes.length === 0}
        onAll={(on) => onPlan(setGroup(plan, 'matches', on))}
      >
        <MatchList
          plan={plan}
          changes={changes}
          customers={customers}
          onToggle={(i, on) => onPlan(setMatch(plan, i, on))}
        />
      </Group>
      <Group
        title={countText('groupAdditions', plan.additions.length)}
        hint={t('groupAdditionsHint')}
        empty={plan.additions.length === 0}
        onAll={(on) => onPlan(setGroup(plan, 'additions', on))}
      >
        <AdditionList plan={plan} onToggle={(i, on) => onPlan(setAddition(plan, i, on))} />
        {anyAddition && (
          <div class="field inline">
            <label for="addition-language">{t('additionLanguage')}</label>
            <select
              id="addition-language"
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value as Language)}
            >
              <option value="en">{t('language_en')}</option>
              <option value="fr">{t('language_fr')}</option>
            </select>
          </div>
        )}
      </Group>
      {rowProblems.length > 0 && (
        <section class="review-group" aria-label={countText('groupSkipped', rowProblems.length)}>
          <h4>{countText('groupSkipped', rowProblems.length)}</h4>
          <ProblemList problems={rowProblems} />
        </section>
      )}
      <div class="actions sticky-actions">
        <button type="button" class="primary" disabled={count === 0} onClick={() => onApply(language)}>
          {countText('applyChanges', count)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancelReview')}
        </button>
        <span class="muted">{t('nothingWrittenYet')}</span>
      </div>
    </div>
  );
}

interface GroupProps {
  title: string;
  hint: string;
  empty: boolean;
  onAll: (on: boolean) => void;
  children: ComponentChildren;
}

function Group({ title, hint, empty, onAll, children }: GroupProps) {
  return (
    <section class="review-group" aria-label={title}>
      <div class="row spread">
        <h4>{title}</h4>
        {!empty && (
          <span class="row">
            <button type="button" class="link-button" onClick={() => onAll(true)}>
              {t('tickAll')}
            </button>
            <button type="button" class="link-button" onClick={() => onAll(false)}>
              {t('tickNone')}
            </button>
          </span>
        )}
      </div>
      {empty ? <p class="muted">{t('groupEmpty')}</p> : <p class="hint">{hint}</p>}
      {!empty && children}
    </section>
  );
}
