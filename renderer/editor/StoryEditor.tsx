import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fromEditorDoc, toEditorDoc } from '../../shared/story/storyDocument';
import type { Story, TiptapNode } from '../../shared/story/storySchema';
import type { AutosaveController } from './AutosaveController';
import { storyExtensions } from './extensions';
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
}

const statsDelayMs = 400;
const headlineIndex = 1;

/**
 * The whole story in one Tiptap editor, in a component of its own so typing re-renders nothing else. The
 * document is serialised only when the autosave runs and counted only after a pause, never per keystroke.
 */
export function StoryEditor({ story, isNew, controller, onStats, onReady }: StoryEditorProps) {
  const { t } = useTranslation();
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
    onUpdate: ({ editor: current }) => controller.documentChanged(() => fromEditorDoc(current.getJSON() as TiptapNode)),
    onBlur: () => void controller.flush(),
  });

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
      <Toolbar editor={editor} />
      <StoryBubbleMenu editor={editor} />
      <EditorContent editor={editor} className="story-document-frame" />
    </>
  );
}
