import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DatelineError } from '../../shared/api/DatelineError';
import type { Story } from '../../shared/story/storySchema';
import { api } from '../api/datelineApi';
import { readAsBase64 } from '../media/importPhotos';
import { dragHasStoryFile, storyFileKind } from './storyFiles';

export type StoryImportState =
  | { kind: 'idle' }
  | { kind: 'importing'; fileName: string }
  | { kind: 'failed'; fileName: string; reason: string };

/**
 * Word (.docx) and HTML files dropped anywhere on the window, or chosen in the file dialog, become new stories,
 * one at a time, each opened as it arrives. Photos are left to the editor's own drop. The window-wide listeners
 * run first (capture), so a Word file dropped on the editor is imported rather than pasted as its name.
 */
export function useStoryFileImport(onImported: (story: Story) => void) {
  const { i18n } = useTranslation();
  const [state, setState] = useState<StoryImportState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  const importFiles = async (files: File[]) => {
    for (const file of files) {
      const kind = storyFileKind(file);
      if (!kind) continue;
      setState({ kind: 'importing', fileName: file.name });
      try {
        const input = { fileName: file.name, dataBase64: await readAsBase64(file) };
        const story = kind === 'docx' ? await api.stories.importDocx(input) : await api.stories.importHtml(input);
        setState({ kind: 'idle' });
        onImported(story);
      } catch (error) {
        const details = error instanceof DatelineError ? (error.details as { reason?: string } | undefined) : undefined;
        // The main process gives the reason in Vietnamese beside its English message, which names the file first.
        const english = (error as Error).message.replace(`${file.name}: `, '');
        setState({ kind: 'failed', fileName: file.name, reason: i18n.language === 'vi' ? (details?.reason ?? english) : english });
        return;
      }
    }
  };

  const onDragOver = useEffectEvent((event: DragEvent) => {
    if (!dragHasStoryFile(event.dataTransfer)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  });
  const onDrop = useEffectEvent((event: DragEvent) => {
    setDragging(false);
    const files = [...(event.dataTransfer?.files ?? [])].filter((file) => storyFileKind(file));
    if (!files.length) return;
    event.preventDefault();
    event.stopPropagation();
    void importFiles(files);
  });
  useEffect(() => {
    const over = (event: DragEvent) => onDragOver(event);
    const drop = (event: DragEvent) => onDrop(event);
    const leave = (event: DragEvent) => {
      if (!event.relatedTarget) setDragging(false);
    };
    window.addEventListener('dragover', over, true);
    window.addEventListener('drop', drop, true);
    window.addEventListener('dragleave', leave, true);
    return () => {
      window.removeEventListener('dragover', over, true);
      window.removeEventListener('drop', drop, true);
      window.removeEventListener('dragleave', leave, true);
    };
  }, []);

  return { state, dragging, importFiles, dismiss: () => setState({ kind: 'idle' }) };
}
