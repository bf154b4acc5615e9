import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const subscribeOnline = (listener: () => void) => {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

interface StatusBarProps {
  /** Whether the story is safe: the editor's save indicator. */
  saveIndicator?: ReactNode;
  /** What the story is: its counts against its target. */
  children?: ReactNode;
  /** What is still to send: the outbox's summary. */
  outbox?: ReactNode;
}

/** The bottom bar: is the story safe, how long is it, what is still to send, and is there a connection. Features fill its parts. */
export function StatusBar({ saveIndicator, children, outbox }: StatusBarProps) {
  const { t } = useTranslation();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  return (
    <footer className="status-bar">
      <div className="status-save">{saveIndicator}</div>
      {children}
      {outbox}
      <div className={`status-online ${online ? 'is-online' : 'is-offline'}`}>{online ? t('statusBar.online') : t('statusBar.offline')}</div>
    </footer>
  );
}
