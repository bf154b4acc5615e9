import type { DatelineError } from '../../shared/api/DatelineError';

export type StorageFailure = 'diskFull' | 'readOnly' | 'noPermission' | 'other';

/**
 * Which of the disk's refusals stopped a write, from the errno the main process passes along: each needs its
 * own words, because each has its own remedy (free space, unplug the write-protected drive, fix permissions).
 */
export function storageFailureOf(error: DatelineError): StorageFailure {
  const errno = (error.details as { errno?: string } | undefined)?.errno;
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return 'diskFull';
  if (errno === 'EROFS') return 'readOnly';
  if (errno === 'EACCES' || errno === 'EPERM') return 'noPermission';
  return 'other';
}
