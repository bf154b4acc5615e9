/** A story's history query keys: its list of versions, and each version under it, refreshed together after a restore. */
export const historyKeys = {
  list: (storyId: string) => ['history', storyId] as const,
  version: (storyId: string, versionId: string | undefined) => ['history', storyId, versionId] as const,
};
