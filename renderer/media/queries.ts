/** The media library's query keys: everything under `media`, so one invalidation after an import or a delete refreshes every view of it. */
export const mediaKeys = {
  all: ['media'] as const,
  list: (query: string) => ['media', query] as const,
  storyPhotos: (mediaIds: readonly string[]) => ['media', 'story-photos', ...mediaIds] as const,
};
