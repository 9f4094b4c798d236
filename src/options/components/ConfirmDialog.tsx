import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform';

interface Props {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  /** A word the partner must type before confirming (erase everything). */
  typed?: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * A modal confirmation on the native <dialog>: the browser traps focus inside, Escape cancels, and focus returns
 * to the button that opened it on close. Cancel has the initial focus, so Enter on an opened dialog never destroys.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, typed, busy, ...on }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setText('');
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  const ready = !busy && (typed === undefined || text.trim() === typed);

  return (
    <dialog
      ref={ref}
      class="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) on.onClose();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div id="confirm-body" class="confirm-body">
        {children}
      </div>
      {typed !== undefined && (
        <div class="field">
          <label for="confirm-typed">{t('typeToConfirm', typed)}</label>
          <input
            id="confirm-typed"
            autofocus
            autocomplete="off"
            spellcheck={false}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
      )}
      <div class="actions dialog-actions">
        <button type="button" autofocus={typed === undefined} disabled={busy} onClick={on.onClose}>
          {t('cancel')}
        </button>
        <button type="button" class={danger ? 'danger' : 'primary'} disabled={!ready} onClick={on.onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
