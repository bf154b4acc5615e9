import { DatelineError } from '../../shared/api/DatelineError';
import type { MediaItem } from '../../shared/media/mediaSchema';
import { api } from '../api/datelineApi';
import { storageFailureOf, type StorageFailure } from '../platform/storageFailure';

export interface ImportFailure {
  fileName: string;
  /** In Vietnamese where the main process gave one, else its English message. */
  reason: string;
  message: string;
  /** Set when the disk refused the write, which the status explains in the reporter's language. */
  storage?: StorageFailure;
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Two at a time keep both cores of a reporter's laptop busy: one photo decodes while the next is read and sent. */
export const importConcurrency = 2;

/**
 * Sends photos to the media library, a few at a time, and hands each one on in the order chosen as soon as it
 * and every photo before it are in, so thumbnails appear at once and in order. A photo that fails is reported
 * with its reason and the rest of the batch goes on.
 */
export async function importPhotos(
  files: File[],
  onImported: (item: MediaItem, done: number, total: number) => void,
): Promise<ImportFailure[]> {
  const failures: ImportFailure[] = [];
  const importOne = async (file: File): Promise<MediaItem | ImportFailure> => {
    try {
      return await api.media.import({ fileName: file.name, dataBase64: await readAsBase64(file) });
    } catch (error) {
      const details = error instanceof DatelineError ? (error.details as { reason?: string } | undefined) : undefined;
      const message = (error as Error).message;
      const storage = error instanceof DatelineError && error.code === 'storage_failed' ? storageFailureOf(error) : undefined;
      return { fileName: file.name, reason: details?.reason ?? message, message, ...(storage ? { storage } : {}) };
    }
  };
  const pending = new Map<number, Promise<MediaItem | ImportFailure>>();
  let next = 0;
  const startNext = () => {
    if (next >= files.length) return;
    pending.set(next, importOne(files[next]!));
    next++;
  };
  for (let i = 0; i < importConcurrency; i++) startNext();
  for (let index = 0; index < files.length; index++) {
    const outcome = await pending.get(index)!;
    pending.delete(index);
    startNext();
    if ('id' in outcome) onImported(outcome, index + 1, files.length);
    else failures.push(outcome);
  }
  return failures;
}
