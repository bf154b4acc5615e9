import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import i18next from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toEditorDoc } from '../../shared/story/storyDocument';
import type { MediaItem } from '../../shared/media/mediaSchema';
import { photoCaptionAndCredit } from '../../shared/media/photoCaptionAndCredit';
import type { Story } from '../../shared/story/storySchema';
import { formatNumber } from '../../shared/text/formatNumber';
import { api } from '../api/datelineApi';
import { showToast } from '../platform/toastStore';
import { photoOffered } from '../media/events';
import { PhotoImportStatus } from '../media/PhotoImportStatus';
import { usePhotoImport } from '../media/usePhotoImport';
import { SpellingMenu } from '../spellcheck/SpellingMenu';
import type { AutosaveController } from './AutosaveController';
import { BigDeleteWatcher } from './BigDeleteWatcher';
import { storyExtensions } from './extensions';
import { photosDroppedEvent } from './extensions/PhotoDrop';
import { focusChildStart } from './extensions/storySectionNode';
import { StoryBubbleMenu } from './StoryBubbleMenu';
import { storyStats, type StoryStats } from './storyStats';
import { Toolbar } from './Toolbar';

interface StoryEditorProps {
  story: Story;
  isNew: boolean;
  controller: AutosaveController;
  /** Called after a pause in typing with fresh counts. */
  onStats: (stats: StoryStats) => void;
  /** Hands the editor to the parts of the workspace that act on the whole story (preview, tone marks). */
  onReady: (editor: Editor) => void;
  /** Puts a kept version back: the undo of a big deletion once the editor can no longer undo it. */
  onRestoreVersion: (versionId: string) => Promise<void>;
}

const statsDelayMs = 400;
const headlineIndex = 1;

/**
 * The whole story in one Tiptap editor, in a component of its own so typing re-renders nothing else. The
 * document is serialised only when the autosave runs and counted only after a pause, never per keystroke.
 */
export function StoryEditor({ story, isNew, controller, onStats, onReady, onRestoreVersion }: StoryEditorProps) {
  const { t } = useTranslation();
  const photoImport = usePhotoImport();
  const { run: runImport } = photoImport;
  const [watcher] = useState(
    () =>
      new BigDeleteWatcher(controller, {
        keepVersion: () => api.history.keep({ id: story.id, reason: 'beforeBigDelete' }),
        announce: (removed, undo) =>
          showToast({
            id: `big-delete-${story.id}`,
            message: i18next.t('editor.bigDelete', { count: removed, formatted: formatNumber(removed, i18next.language) }),
            action: { label: i18next.t('editor.undoBigDelete'), run: undo },
          }),
      }),
  );
  useEffect(() => watcher.restoreWith(onRestoreVersion), [watcher, onRestoreVersion]);
  const editor = useEditor({
    extensions: storyExtensions(),
    content: toEditorDoc(story),
    injectCSS: false,
    // Markdown-style paste rules ("**bold**") mean nothing to a newsroom and scan every pasted character.
    enablePasteRules: false,
    shouldRerenderOnTransaction: false,
    immediatelyRender: true,
    editorProps: {
      attributes: { class: 'story-document', 'aria-label': t('editor.story'), 'aria-multiline': 'true', role: 'textbox', spellcheck: 'false' },
    },
    onCreate: ({ editor: created }) => watcher.opened(created.state.doc),
    // A deletion of much of the story is kept as a version before the autosave gets it (BigDeleteWatcher).
    onUpdate: ({ editor: current, transaction, appendedTransactions }) => watcher.changed(current, transaction, appendedTransactions),
    onBlur: () => void controller.flush(),
  });

  const placePhoto = useCallback(
    (item: MediaItem) => {
      const { caption, credit } = photoCaptionAndCredit(item);
      return editor.chain().focus().insertFigure({ mediaId: item.id, alt: '', credit }, caption).run();
    },
    [editor],
  );
  const importPhotos = useCallback((files: File[]) => void runImport(files, placePhoto), [runImport, placePhoto]);
  useEffect(() => {
    const dom = editor.view.dom;
    const onDropped = (event: Event) => importPhotos((event as CustomEvent<File[]>).detail);
    dom.addEventListener(photosDroppedEvent, onDropped);
    return () => dom.removeEventListener(photosDroppedEvent, onDropped);
  }, [editor, importPhotos]);
  useEffect(() => {
    // A photo reused from the media panel.
    return photoOffered.on(placePhoto);
  }, [placePhoto]);

  useEffect(() => {
    onReady(editor);
    if (isNew) {
      focusChildStart(editor, headlineIndex);
      editor.view.focus();
    }
  }, [editor, isNew, onReady]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => onStats(storyStats(editor.state.doc));
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(report, statsDelayMs);
    };
    report();
    editor.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off('update', onUpdate);
    };
  }, [editor, onStats]);

  return (
    <>
      <Toolbar editor={editor} onPhotos={importPhotos} />
      <PhotoImportStatus photoImport={photoImport} />
      <StoryBubbleMenu editor={editor} />
      <SpellingMenu editor={editor} />
      <EditorContent editor={editor} className="story-document-frame" />
    </>
  );
}
