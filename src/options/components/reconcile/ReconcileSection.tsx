import { useState } from 'preact/hooks';
import {
  checkExportSize,
  type ExportProblem,
  parseCustomerExport,
  type ReconcilePlan,
} from '../../../core/reconcile';
import type { Language } from '../../../core/types';
import type { CustomerRow } from '../../../db/db';
import { customersByIds } from '../../../db/options-queries';
import { type ApplyResult, applyReconcile, planFromExport } from '../../../db/reconcile';
import { t } from '../../../platform';
import { errorText, findingText } from '../../../ui/findings';
import { db } from '../../../ui/page-db';
import { ApplyProgress, ApplyResultView } from './ApplyResult';
import { ReviewScreen } from './ReviewScreen';

type State =
  | { step: 'idle'; message?: string }
  | { step: 'reading'; fileName: string }
  | {
      step: 'review';
      fileName: string;
      plan: ReconcilePlan;
      problems: ExportProblem[];
      customers: Map<string, CustomerRow>;
    }
  | { step: 'applying'; done: number; total: number }
  | { step: 'done'; fileName: string; plan: ReconcilePlan; result: ApplyResult };

/**
 * Partner Center reconcile (docs/partner-center.md, "Reading Partner Center's customer export"): pick the Customers export, review every change, apply. The file is read and
 * matched without writing; only Apply writes, in chunks with a progress bar; Cancel leaves the database untouched.
 */
export function ReconcileSection() {
  const [state, setState] = useState<State>({ step: 'idle' });

  const read = async (file: File) => {
    setState({ step: 'reading', fileName: file.name });
    try {
      // Refused before reading: a huge file would freeze the page for nothing.
      const tooLarge = checkExportSize(file.size);
      if (tooLarge) return setState({ step: 'idle', message: findingText(tooLarge) });
      const { rows, problems } = parseCustomerExport(await file.text());
      const noHeader = problems.find((p) => p.code === 'no-header' || p.code === 'too-large');
      if (noHeader) return setState({ step: 'idle', message: findingText(noHeader) });
      const plan = await planFromExport(db, rows);
      const customers = await customersByIds(
        db,
        plan.matches.map((m) => m.customerId),
      );
      setState({ step: 'review', fileName: file.name, plan, problems, customers });
    } catch (error) {
      setState({ step: 'idle', message: errorText(error) });
    }
  };
  const apply = async (plan: ReconcilePlan, fileName: string, language: Language) => {
    setState({ step: 'applying', done: 0, total: 1 });
    try {
      const result = await applyReconcile(db, plan, {
        language,
        onProgress: (done, total) => setState({ step: 'applying', done, total }),
      });
      setState({ step: 'done', fileName, plan, result });
    } catch (error) {
      setState({ step: 'idle', message: errorText(error) });
    }
  };

  return (
    <section id="reconcile" class="section card wide" aria-labelledby="reconcile-title">
      <h2 id="reconcile-title">{t('reconcileTitle')}</h2>
      {(state.step === 'idle' || state.step === 'reading') && (
        <FilePicker
          busy={state.step === 'reading'}
          message={state.step === 'idle' ? state.message : undefined}
          onFile={read}
        />
      )}
      {state.step === 'review' && (
        <ReviewScreen
          {...state}
          onPlan={(plan) => setState({ ...state, plan })}
          onApply={(language) => apply(state.plan, state.fileName, language)}
          onCancel={() => setState({ step: 'idle', message: t('reviewCancelled') })}
        />
      )}
      {state.step === 'applying' && <ApplyProgress done={state.done} total={state.total} />}
      {state.step === 'done' && <ApplyResultView {...state} onAgain={() => setState({ step: 'idle' })} />}
    </section>
  );
}

function FilePicker(props: { busy: boolean; message?: string; onFile: (f: File) => void }) {
  return (
    <div class="file-picker">
      <p class="hint">{t('reconcileIntro')}</p>
      <div class="field">
        <label for="reconcile-file">{t('reconcileFileLabel')}</label>
        <input
          id="reconcile-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          disabled={props.busy}
          aria-describedby="reconcile-message"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Cleared so that choosing the same file again (after fixing it) reads it again.
            e.currentTarget.value = '';
            if (file) props.onFile(file);
          }}
        />
      </div>
      <p id="reconcile-message" role="alert" class="problem" data-testid="reconcile-message">
        {props.message}
      </p>
    </div>
  );
}
