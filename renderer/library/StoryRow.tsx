import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { trashDaysLeft } from '../../shared/backup/trashRetention';
import type { OutboxItem } from '../../shared/publish/outboxSchema';
import type { StorySummary } from '../../shared/story/storySchema';
import { formatShortDateTime } from '../../shared/text/formatDateTime';
import { badgeHasReason, StatusBadge } from '../outbox/StatusBadge';
import { HighlightedText } from './HighlightedText';

export type ListedStory = StorySummary & { highlights?: [number, number][] };

interface StoryRowProps {
  story: ListedStory;
  index: number;
  /** The list's one Tab stop; the other rows are reached with the arrow keys. */
  tabbable: boolean;
  /** Where the virtualiser puts the row, in pixels from the top of the list. */
  start: number;
  total: number;
  selected: boolean;
  trashed: boolean;
  timeZone: string;
  /** The story's most telling outbox job: "Đang gửi" or "Lỗi gửi" shows over its status. The same object until it changes. */
  delivery: OutboxItem | undefined;
  /** Whether some target holds the story: a published story none holds says "chưa gửi đi". */
  sent: boolean;
  measure: (element: HTMLLIElement | null) => void;
  onOpen: (story: StorySummary) => void;
  onRestore: (story: StorySummary) => void;
}

/**
 * One story in the list. Memoised: while the list scrolls only the rows coming into view render, not the
 * thirty already on screen, which is what kept a scrolling frame's work above 16 ms.
 */
export const StoryRow = memo(function StoryRow({ story, index, tabbable, start, total, selected, trashed, timeZone, delivery, sent, measure, onOpen, onRestore }: StoryRowProps) {
  const { t } = useTranslation();
  const job = trashed ? undefined : delivery;
  const reasonId = badgeHasReason(story, job, sent) ? `delivery-reason-${story.id}` : undefined;
  return (
    <li
      data-index={index}
      ref={measure}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={`story-row${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
    >
      <button type="button" className="story-row-open" tabIndex={tabbable ? 0 : -1} aria-current={selected ? 'true' : undefined} aria-describedby={reasonId} onClick={() => onOpen(story)}>
        <span className="story-row-headline">{story.headline.trim() ? <HighlightedText text={story.headline} ranges={story.highlights ?? []} /> : t('library.untitled')}</span>
        <span className="story-row-meta">
          <StatusBadge story={story} job={job} sent={sent} timeZone={timeZone} reasonId={reasonId} />
          {story.category && <span className="story-row-category">{story.category}</span>}
          <time dateTime={story.updatedAt}>{formatShortDateTime(trashed && story.trashedAt ? story.trashedAt : story.updatedAt, timeZone)}</time>
          {trashed && story.trashedAt && <span className="story-row-days-left">{t('backup.trashDaysLeft', { count: trashDaysLeft(story.trashedAt, new Date()) })}</span>}
        </span>
      </button>
      {trashed && (
        <button type="button" className="row-action" tabIndex={tabbable ? 0 : -1} onClick={() => onRestore(story)}>
          {t('library.restore')}
        </button>
      )}
    </li>
  );
});
