import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorySummary } from '../../shared/story/storySchema';
import { formatNumber } from '../../shared/text/formatNumber';
import { api } from '../api/datelineApi';
import { useJobsByStory, useSentStories } from '../outbox/useOutbox';
import { useSettings } from '../settings/useSettings';
import type { ListFilters } from './StoryFilters';
import { StoryRow, type ListedStory } from './StoryRow';
import { storyKeys } from './queries';

interface StoryListProps {
  trashed: boolean;
  /** Words being searched for; empty shows the whole list. */
  query: string;
  filters: ListFilters;
  selectedId: string | null;
  onOpen: (story: StorySummary) => void;
  onRestore: (story: StorySummary) => void;
}

const pageSize = 200;
const rowHeightEstimate = 64;
const prefetchRows = 40;

export function useStoryPages(trashed: boolean) {
  return useInfiniteQuery({
    queryKey: storyKeys.list(trashed),
    queryFn: ({ pageParam }) => api.stories.list({ trashed, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The reporter's stories, newest first, or the trash. Arrow keys move through the list; Enter opens. */
export function StoryList({ trashed, query, filters, selectedId, onOpen, onRestore }: StoryListProps) {
  const { t, i18n } = useTranslation();
  const pages = useStoryPages(trashed);
  const { settings } = useSettings();
  const deliveries = useJobsByStory();
  const sent = useSentStories();
  const scrollRef = useRef<HTMLDivElement>(null);
  const active = useRef(-1);
  // The paged list serves the plain view; words, a filter or another order go through the search.
  const searching = query.trim() !== '' || filters.category !== '' || filters.author.trim() !== '' || (filters.sort !== 'relevance' && filters.sort !== 'updated');
  const results = useQuery({
    queryKey: storyKeys.search(query, trashed, filters),
    // The answer keeps the words it was for: while the next one loads, what it says still belongs to the rows shown.
    queryFn: async () => ({
      query: query.trim(),
      ...(await api.stories.search({
        query,
        filters: { trashed, ...(filters.category ? { category: filters.category } : {}), ...(filters.author.trim() ? { author: filters.author } : {}) },
        sort: query.trim() ? filters.sort : filters.sort === 'relevance' ? 'updated' : filters.sort,
        limit: 200,
      })),
    }),
    enabled: searching,
    placeholderData: (previous) => previous,
  });
  const stories: ListedStory[] = searching ? (results.data?.items ?? []) : (pages.data?.pages.flatMap((page) => page.items) ?? []);

  const total = searching ? (results.data?.total ?? 0) : (pages.data?.pages[0]?.total ?? 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the React Compiler is not used here, so nothing memoizes the virtualizer's functions
  const virtualizer = useVirtualizer({
    count: stories.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeightEstimate,
    overscan: 10,
    // Rendering inside every scroll event (flushSync, the default) put a whole React render into each wheel
    // event; batched, the rows coming into view render once per frame. The overscan covers the moment between.
    useFlushSync: false,
    getItemKey: (index) => stories[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRendered = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    // Only the rows on screen exist; the next page is fetched as the reporter nears the end of what is loaded.
    if (!searching && pages.hasNextPage && !pages.isFetchingNextPage && lastRendered >= stories.length - prefetchRows) void pages.fetchNextPage();
  }, [searching, pages, lastRendered, stories.length]);

  // Stable callbacks for the memoised rows, whatever the parent passes on each render.
  const handlers = useRef({ onOpen, onRestore });
  useLayoutEffect(() => {
    handlers.current = { onOpen, onRestore };
  });
  const open = useCallback((story: StorySummary) => handlers.current.onOpen(story), []);
  const restore = useCallback((story: StorySummary) => handlers.current.onRestore(story), []);

  const focusTarget = useRef(-1);
  const focusRow = (index: number) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row is drawn a few frames after the scroll (the virtualiser renders once per frame, and a long jump
    // settles as rows are measured): wait for it, up to two seconds.
    // A later key press replaces this target: an earlier jump still waiting must not take the focus back.
    focusTarget.current = index;
    const focusWhenDrawn = (framesLeft: number) =>
      requestAnimationFrame(() => {
        if (focusTarget.current !== index) return;
        const button = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] .story-row-open`);
        if (button) button.focus();
        else if (framesLeft > 0) focusWhenDrawn(framesLeft - 1);
      });
    focusWhenDrawn(120);
  };
  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    const keys: Record<string, (at: number) => number> = {
      ArrowDown: (at) => at + 1,
      ArrowUp: (at) => at - 1,
      Home: () => 0,
      End: () => stories.length - 1,
      PageDown: (at) => at + 10,
      PageUp: (at) => at - 10,
    };
    const step = keys[event.key];
    if (!step) return;
    event.preventDefault();
    // The row to move from is remembered, not read from the focus: focus lands a frame later, after the
    // row is drawn, and a held-down arrow must not lose steps meanwhile.
    active.current = Math.max(0, Math.min(stories.length - 1, step(active.current)));
    focusRow(active.current);
  };
  // The list is one Tab stop (the arrows move within it): the row last focused, else the open story, else the
  // first; when that row is scrolled out and not drawn, the first row drawn.
  const [focusedIndex, setFocusedIndex] = useState(-1);
  const rememberFocus = (event: FocusEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (row) {
      active.current = Number(row.dataset.index);
      setFocusedIndex(active.current);
    }
  };
  const wanted = focusedIndex >= 0 && focusedIndex < stories.length ? focusedIndex : Math.max(0, stories.findIndex((story) => story.id === selectedId));
  const tabStop = rows.some((row) => row.index === wanted) ? wanted : (rows[0]?.index ?? 0);

  if (pages.isError) return <p className="list-message" role="alert">{t('library.loadFailed', { message: pages.error.message })}</p>;
  if (searching && results.isSuccess && stories.length === 0) return <p className="list-message">{t('library.noMatch')}</p>;
  if (!searching && pages.isSuccess && stories.length === 0) return <p className="list-message">{t(trashed ? 'library.trashEmpty' : 'library.empty')}</p>;

  return (
    <div className="story-list-scroll" ref={scrollRef}>
      <p className="list-count">{t('library.count', { count: total, formatted: formatNumber(total, i18n.language) })}</p>
      {/* No story spells the marked words as typed: the rows are matches without marks, and the reporter is told so. */}
      {searching && results.data?.fallback === 'folded' && (
        <p className="list-count list-fallback" role="status">
          {t('library.foldedFallback', { query: results.data.query })}
        </p>
      )}
      <ul className="story-list" onKeyDown={moveFocus} onFocus={rememberFocus} aria-label={t(trashed ? 'library.trash' : 'library.stories')} style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const story = stories[row.index]!;
          return (
            <StoryRow
              key={row.key}
              story={story}
              index={row.index}
              tabbable={row.index === tabStop}
              start={row.start}
              total={total}
              selected={story.id === selectedId}
              trashed={trashed}
              timeZone={settings.timeZone}
              delivery={deliveries.get(story.id)}
              sent={sent.has(story.id)}
              measure={virtualizer.measureElement}
              onOpen={open}
              onRestore={restore}
            />
          );
        })}
      </ul>
    </div>
  );
}
