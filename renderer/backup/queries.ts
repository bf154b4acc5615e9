/** The backups' query key: the list the settings dialog shows. */
export const backupKeys = {
  list: ['backup', 'list'] as const,
};
