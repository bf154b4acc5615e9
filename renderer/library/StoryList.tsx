import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorySummary } from '../../shared/story/storySchema';
import { formatShortDateTime } from '../../shared/text/formatDateTime';
import { api } from '../api/datelineApi';
import { useSettings } from '../settings/useSettings';
import { HighlightedText } from './HighlightedText';
import type { ListFilters } from './StoryFilters';

interface StoryListProps {
  trashed: boolean;
  /** Words being searched for; empty shows the whole list. */
  query: string;
  filters: ListFilters;
  selectedId: string | null;
  onOpen: (story: StorySummary) => void;
  onRestore: (story: StorySummary) => void;
}

const pageSize = 100;

export function useStoryPages(trashed: boolean) {
  return useInfiniteQuery({
    queryKey: ['stories', { trashed }],
    queryFn: ({ pageParam }) => api.stories.list({ trashed, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The reporter's stories, newest first, or the trash. Arrow keys move through the list; Enter opens. */
export function StoryList({ trashed, query, filters, selectedId, onOpen, onRestore }: StoryListProps) {
  const { t } = useTranslation();
  const pages = useStoryPages(trashed);
  const { settings } = useSettings();
  const listRef = useRef<HTMLUListElement>(null);
  // The paged list serves the plain view; words, a filter or another order go through the search.
  const searching = query.trim() !== '' || filters.category !== '' || filters.author.trim() !== '' || (filters.sort !== 'relevance' && filters.sort !== 'updated');
  const results = useQuery({
    queryKey: ['stories', 'search', { query, trashed, filters }],
    queryFn: () =>
      api.stories.search({
        query,
        filters: { trashed, ...(filters.category ? { category: filters.category } : {}), ...(filters.author.trim() ? { author: filters.author } : {}) },
        sort: query.trim() ? filters.sort : filters.sort === 'relevance' ? 'updated' : filters.sort,
        limit: 200,
      }),
    enabled: searching,
    placeholderData: (previous) => previous,
  });
  const stories: (StorySummary & { highlights?: [number, number][] })[] = searching ? (results.data?.items ?? []) : (pages.data?.pages.flatMap((page) => page.items) ?? []);

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('.story-row-open') ?? [])];
    const at = rows.indexOf(document.activeElement as HTMLElement);
    const next = rows[Math.max(0, Math.min(rows.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  if (pages.isError) return <p className="list-message" role="alert">{t('library.loadFailed', { message: pages.error.message })}</p>;
  if (searching && results.isSuccess && stories.length === 0) return <p className="list-message">{t('library.noMatch')}</p>;
  if (!searching && pages.isSuccess && stories.length === 0) return <p className="list-message">{t(trashed ? 'library.trashEmpty' : 'library.empty')}</p>;

  return (
    <>
      <ul className="story-list" ref={listRef} onKeyDown={moveFocus} aria-label={t(trashed ? 'library.trash' : 'library.stories')}>
        {stories.map((story) => (
          <li key={story.id} className={`story-row${story.id === selectedId ? ' is-selected' : ''}`}>
            <button type="button" className="story-row-open" aria-current={story.id === selectedId ? 'true' : undefined} onClick={() => onOpen(story)}>
              <span className="story-row-headline">{story.headline.trim() ? <HighlightedText text={story.headline} ranges={story.highlights ?? []} /> : t('library.untitled')}</span>
              <span className="story-row-meta">
                <span className={`badge badge-${trashed ? 'trashed' : story.status}`}>{t(trashed ? 'status.trashed' : `status.${story.status}`)}</span>
                {story.category && <span className="story-row-category">{story.category}</span>}
                <time dateTime={story.updatedAt}>{formatShortDateTime(trashed && story.trashedAt ? story.trashedAt : story.updatedAt, settings.timeZone)}</time>
              </span>
            </button>
            {trashed && (
              <button type="button" className="row-action" onClick={() => onRestore(story)}>
                {t('library.restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!searching && pages.hasNextPage && (
        <button type="button" className="quiet-button load-more" onClick={() => void pages.fetchNextPage()}>
          {t('library.loadMore')}
        </button>
      )}
    </>
  );
}
