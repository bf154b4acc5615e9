import { DatelineError } from '../../shared/api/DatelineError';

/**
 * A failed read or write as the API reports it: `storage_failed` with the errno in `details`, so the reporter is
 * told a full disk from a read-only or forbidden one (renderer/app/storageFailure.ts) whichever service failed.
 */
export function storageError(error: unknown, what: string): DatelineError {
  if (error instanceof DatelineError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  return new DatelineError('storage_failed', `${what}: ${(error as Error).message}`, { errno: code });
}
