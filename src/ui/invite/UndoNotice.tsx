import { useEffect, useRef, useState } from 'preact/hooks';
import { UNDO_WINDOW_MS } from '../../core/invitation';
import { t } from '../../platform';

/** A line saying what was just written, with Undo while the model still allows it. */
export interface Notice {
  text: string;
  /** Resolves to undefined once undone, else the reason it could not be (shown instead). */
  undo?: () => Promise<string | undefined>;
}

/** How long the outcome of an Undo stays on screen: long enough to read, short enough not to linger. */
const AFTER_UNDO_MS = 5000;

/** One notice at a time; it disappears when the undo window closes, as the model then refuses undo anyway. */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** `ms` null: the notice stays (a failure to read, not a transient confirmation). */
  const show = (next: Notice | undefined, ms: number | null = UNDO_WINDOW_MS) => {
    clearTimeout(timer.current);
    setNotice(next);
    if (next && ms !== null) timer.current = setTimeout(() => setNotice(undefined), ms);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return { notice, show };
}

interface Props {
  notice: Notice | undefined;
  show: (next: Notice | undefined, ms?: number | null) => void;
  testId: string;
  /** Move focus to Undo when it appears: the control the partner just used went away with its row. */
  focusUndo?: boolean;
}

/** Always in the page, so screen readers announce each notice as it appears in this live region. */
export function UndoNotice({ notice, show, testId, focusUndo = false }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusUndo && notice?.undo) button.current?.focus();
  }, [notice]);
  const undo = async (run: () => Promise<string | undefined>) => {
    show({ text: notice?.text ?? '' }); // the button goes at once: a second click would undo twice
    const problem = await run().catch((error: unknown) => String(error));
    show({ text: problem ?? t('undone') }, AFTER_UNDO_MS);
  };
  return (
    <div class="notice" role="status" data-testid={testId} data-shown={notice !== undefined}>
      {notice && <span>{notice.text}</span>}
      {notice?.undo && (
        <button
          type="button"
          class="link-button"
          ref={button}
          onClick={() => notice.undo && undo(notice.undo)}
        >
          {t('undo')}
        </button>
      )}
    </div>
  );
}
