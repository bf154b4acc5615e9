import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { MediaItem } from '../../shared/media/mediaSchema';
import { importPhotos, type ImportFailure } from './importPhotos';
import { mediaKeys } from './queries';

export interface PhotoImport {
  /** Imports the photos and hands each one to `place` as soon as it is in the library. */
  run: (files: File[], place: (item: MediaItem) => void) => Promise<void>;
  progress: { done: number; total: number } | null;
  failures: ImportFailure[];
  dismissFailures: () => void;
}

/** A batch of photos on its way into the library, with its progress and every failure to show the reporter. */
export function usePhotoImport(): PhotoImport {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failures, setFailures] = useState<ImportFailure[]>([]);
  const run = useCallback(
    async (files: File[], place: (item: MediaItem) => void) => {
      setFailures([]);
      setProgress({ done: 0, total: files.length });
      const failed = await importPhotos(files, (item, done, total) => {
        place(item);
        setProgress({ done, total });
      });
      setProgress(null);
      setFailures(failed);
      await queryClient.invalidateQueries({ queryKey: mediaKeys.all });
    },
    [queryClient],
  );
  return { run, progress, failures, dismissFailures: () => setFailures([]) };
}
