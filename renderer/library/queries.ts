import type { ListFilters } from './StoryFilters';

/**
 * The stories' query keys, the one place they are spelt. Every list (the library, a search, the calendar) sits
 * under `stories`, so invalidating `storyKeys.lists` after a save refreshes them all; one story's words sit
 * under `story`, apart, so a refreshed list never refetches the story being edited.
 */
export const storyKeys = {
  lists: ['stories'] as const,
  list: (trashed: boolean) => ['stories', { trashed }] as const,
  search: (query: string, trashed: boolean, filters: ListFilters) => ['stories', 'search', { query, trashed, filters }] as const,
  calendar: (range: object) => ['stories', 'calendar', range] as const,
  one: (id: string) => ['story', id] as const,
  holds: (id: string, revision: number) => ['story.holds', id, revision] as const,
  recovery: (id: string) => ['recovery', id] as const,
  libraryStatus: ['library.status'] as const,
};
