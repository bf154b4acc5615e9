import { DatelineError } from '../../shared/api/DatelineError';

/**
 * The error for a file that cannot become a story. Like a refused photo, it names the file in English for the
 * log and carries the reason in Vietnamese for the reporter (`details.reason`).
 */
export function importRefused(fileName: string, reason: string, vietnameseReason: string): DatelineError {
  return new DatelineError('invalid_input', `${fileName}: ${reason}`, { fileName, reason: vietnameseReason });
}
