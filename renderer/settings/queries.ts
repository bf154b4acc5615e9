/** The settings' query keys: the settings as saved, and the publishing targets' status that the settings dialog shows. */
export const settingsKeys = {
  settings: ['settings'] as const,
  publishingStatus: ['publishing', 'status'] as const,
};
