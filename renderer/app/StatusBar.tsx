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
  saveIndicator?: ReactNode;
  words?: number;
}

/** The bottom bar: is the story safe, how long is it, and is there a connection. */
export function StatusBar({ saveIndicator, words }: StatusBarProps) {
  const { t } = useTranslation();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  return (
    <footer className="status-bar">
      <div className="status-save">{saveIndicator}</div>
      {words !== undefined && (
        <div className="status-words" data-testid="word-count">
          {t('statusBar.words', { count: words, formatParams: { count: { locale: 'vi' } } })}
        </div>
      )}
      <div className={`status-online ${online ? 'is-online' : 'is-offline'}`}>{online ? t('statusBar.online') : t('statusBar.offline')}</div>
    </footer>
  );
}
