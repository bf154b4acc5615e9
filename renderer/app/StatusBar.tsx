import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lengthProgress, lengthTargets, type StoryType } from '../../shared/story/storyTypes';
import { formatNumber } from '../../shared/text/formatNumber';
import type { StoryStats } from '../editor/storyStats';
import { OutboxStatus } from '../outbox/OutboxStatus';

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
  stats?: StoryStats;
  storyType?: StoryType;
}

/** The bottom bar: is the story safe, how long is it against its target, what is still to send, and is there a connection. */
export function StatusBar({ saveIndicator, stats, storyType }: StatusBarProps) {
  const { t, i18n } = useTranslation();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const target = storyType ? lengthTargets[storyType] : null;
  const progress = stats && storyType ? lengthProgress(stats.words, storyType) : null;
  return (
    <footer className="status-bar">
      <div className="status-save">{saveIndicator}</div>
      {stats && (
        <div className="status-counts" data-testid="story-stats">
          <span data-testid="word-count">{t('statusBar.words', { count: stats.words, formatted: formatNumber(stats.words, i18n.language) })}</span>
          <span>{t('statusBar.characters', { count: stats.characters, formatted: formatNumber(stats.characters, i18n.language) })}</span>
          <span>{t('statusBar.reading', { count: stats.readingMinutes })}</span>
          {stats.figuresWithoutCaption > 0 && (
            <span className="status-warning" data-testid="missing-captions">
              {t('statusBar.missingCaptions', { count: stats.figuresWithoutCaption })}
            </span>
          )}
        </div>
      )}
      {target && progress && storyType && (
        <div className={`status-target is-${progress.state}`}>
          <span>{t('statusBar.target', { type: t(`storyTypes.${storyType}`), min: target.min, max: target.max })}</span>
          <progress max={1} value={progress.ratio} aria-label={t('statusBar.targetProgress')} />
        </div>
      )}
      <OutboxStatus />
      <div className={`status-online ${online ? 'is-online' : 'is-offline'}`}>{online ? t('statusBar.online') : t('statusBar.offline')}</div>
    </footer>
  );
}
