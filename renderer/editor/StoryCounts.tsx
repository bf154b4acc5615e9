import { useTranslation } from 'react-i18next';
import { lengthProgress, lengthTargets, type StoryType } from '../../shared/story/storyTypes';
import { formatNumber } from '../../shared/text/formatNumber';
import type { StoryStats } from './storyStats';

/** The status bar's story part: words, characters, reading time and captions missing, and how the length stands against its type's target. */
export function StoryCounts({ stats, storyType }: { stats?: StoryStats; storyType?: StoryType }) {
  const { t, i18n } = useTranslation();
  const target = storyType ? lengthTargets[storyType] : null;
  const progress = stats && storyType ? lengthProgress(stats.words, storyType) : null;
  return (
    <>
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
    </>
  );
}
