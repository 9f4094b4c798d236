import { useRef } from 'preact/hooks';
import { t } from '../../platform';
import { findingText } from '../findings';
import { pageDb } from '../useLive';
import { type RecordOutcome, type RecordRequest, recordInvitation, undoRecord } from './record';
import { useNotice } from './UndoNotice';

/** Core's refusal in the UI language when there is a `finding_<reason>` message, else its precise English. */
export function refusalText(r: { reason: string; message: string }): string {
  return findingText({ field: '', code: r.reason, message: r.message });
}

function failureText(outcome: Extract<RecordOutcome, { ok: false }>): string {
  return outcome.findings.length > 0 ? outcome.findings.map(findingText).join(' ') : refusalText(outcome);
}

/**
 * Records each draft that went out, once per unchanged form, and offers Undo. The draft has already been copied
 * or inserted when this runs: a failure here is reported, never undoes that.
 */
export function useRecorder() {
  const { notice, show } = useNotice();
  const recorded = useRef<string | undefined>(undefined);

  const record = async (request: RecordRequest, key: string) => {
    if (recorded.current === key) return;
    // The popup's invite form is usable before its database has loaded: the first send waits for it.
    const { db } = await pageDb();
    const outcome = await recordInvitation(db, request).catch(
      (error: unknown): RecordOutcome => ({
        ok: false,
        reason: 'error',
        message: String(error),
        findings: [],
      }),
    );
    if (!outcome.ok) {
      show({ text: t('notRecorded', failureText(outcome)) }, null);
      return;
    }
    recorded.current = key;
    const undo = async () => {
      const refused = await undoRecord(db, outcome.invitationId);
      if (refused) return refusalText(refused);
      recorded.current = undefined;
      return undefined;
    };
    show({ text: t(outcome.action === 'send' ? 'recordedPending' : 'recordedResend'), undo });
  };

  return { notice, show, record };
}
