import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissToast, toastStore, type Toast } from './toastStore';
import './toasts.css';

/** How long a toast stays unless the reporter is pointing at it or has focus in it. */
const toastMs = 10_000;

/** The toasts on screen, above the bottom bar so the save state stays in view. */
export function Toasts() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.getSnapshot);
  if (!toasts.length) return null;
  return (
    <div className="toasts">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(() => dismissToast(toast.id), toastMs);
    return () => window.clearTimeout(timer);
  }, [held, toast.id]);
  return (
    <div
      className="toast"
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <p className="toast-message">{toast.message}</p>
      <div className="toast-actions">
        {toast.action && (
          <button
            type="button"
            className="toast-action"
            onClick={() => {
              toast.action?.run();
              dismissToast(toast.id);
            }}
          >
            {toast.action.label}
          </button>
        )}
        <button type="button" className="quiet-button" aria-label={t('toasts.closeLabel')} onClick={() => dismissToast(toast.id)}>
          {t('toasts.close')}
        </button>
      </div>
    </div>
  );
}
