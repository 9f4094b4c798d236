import { useRef } from 'preact/hooks';
import { t } from '../../platform';
import { problemsText } from '../findings';
import { pageDb } from '../useLive';
import { type RecordOutcome, type RecordRequest, recordInvitation, undoRecordedSend } from './record';
import { useNotice } from './UndoNotice';

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
        problems: [{ code: 'error', message: String(error) }],
      }),
    );
    if (!outcome.ok) {
      show({ text: t('notRecorded', problemsText(outcome.problems)) }, null);
      return;
    }
    recorded.current = key;
    const undo = async () => {
      const refused = await undoRecordedSend(db, outcome.invitationId);
      if (refused) return problemsText(refused.problems);
      recorded.current = undefined;
      return undefined;
    };
    show({ text: t(outcome.action === 'send' ? 'recordedPending' : 'recordedResend'), undo });
  };

  return { notice, show, record };
}
