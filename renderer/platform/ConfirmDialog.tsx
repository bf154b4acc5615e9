import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './confirmDialog.css';

interface ConfirmDialogProps {
  /** The question, naming what will happen: "Đăng lên WordPress (baoquangninh.vn) ngay bây giờ?" */
  title: string;
  /** What else the reporter should know before answering (what is missing, what can be undone). */
  children?: ReactNode;
  confirmLabel: string;
  /** "Huỷ" by default. */
  cancelLabel?: string;
  /** A move that takes something away: the button is red and Cancel has the focus, so Enter does no harm. */
  danger?: boolean;
  busy?: boolean;
  /** The control that asked: it gets the focus back when the dialog closes, whichever way. */
  opener: HTMLElement | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * One question before a move that is hard to take back (publishing, spiking, deleting, restoring): a modal
 * alertdialog, so the focus stays inside it, Escape cancels, and the focus returns to the control that opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, danger = false, busy = false, opener, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // After showModal, which would focus the first control (a link in the body): the answer a slip of Enter
    // may safely give. React's autoFocus runs before the dialog is shown, so it cannot do this.
    (danger ? cancel : confirm).current?.focus();
    return () => {
      element?.close();
      // The opener may be gone (the move it asked for replaced it); then the focus stays where the move put it.
      if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus();
    };
  }, [opener, danger]);
  return (
    <dialog
      ref={dialog}
      className={`confirm-dialog${danger ? ' is-danger' : ''}`}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children && (
        <div id={bodyId} className="confirm-dialog-body">
          {children}
        </div>
      )}
      <div className="confirm-dialog-actions">
        <button ref={cancel} type="button" className="quiet-button" onClick={onCancel}>
          {cancelLabel ?? t('confirmDialog.cancel')}
        </button>
        <button ref={confirm} type="button" className={danger ? 'danger-button' : 'primary-button'} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
