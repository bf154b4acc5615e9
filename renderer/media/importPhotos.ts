import { DatelineError } from '../../shared/api/DatelineError';
import type { MediaItem } from '../../shared/media/mediaSchema';
import { api } from '../api/datelineApi';

export interface ImportFailure {
  fileName: string;
  /** In Vietnamese where the main process gave one, else its English message. */
  reason: string;
  message: string;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/**
 * Sends photos to the media library one after another, so each one's thumbnail can appear as soon as it is in.
 * A photo that fails is reported with its reason and the rest of the batch goes on.
 */
export async function importPhotos(
  files: File[],
  onImported: (item: MediaItem, done: number, total: number) => void,
): Promise<ImportFailure[]> {
  const failures: ImportFailure[] = [];
  for (const [index, file] of files.entries()) {
    try {
      const item = await api.media.import({ fileName: file.name, dataBase64: await readAsBase64(file) });
      onImported(item, index + 1, files.length);
    } catch (error) {
      const details = error instanceof DatelineError ? (error.details as { reason?: string } | undefined) : undefined;
      const message = (error as Error).message;
      failures.push({ fileName: file.name, reason: details?.reason ?? message, message });
    }
  }
  return failures;
}
