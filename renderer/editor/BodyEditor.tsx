import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TiptapNode } from '../../shared/story/storySchema';
import type { AutosaveController } from './AutosaveController';
import { storyBodyExtensions } from './extensions';
import { Toolbar } from './Toolbar';

interface BodyEditorProps {
  initialBody: TiptapNode;
  controller: AutosaveController;
  /** Called after a pause in typing with the body's plain text, for the word count. */
  onTextSettled: (text: string) => void;
}

const countDelayMs = 400;

/**
 * The Tiptap body, in a component of its own so that typing re-renders nothing else. The document is
 * serialised only when the autosave runs, never per keystroke.
 */
export function BodyEditor({ initialBody, controller, onTextSettled }: BodyEditorProps) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: storyBodyExtensions(),
    content: initialBody,
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    immediatelyRender: true,
    editorProps: {
      attributes: { class: 'story-body', 'aria-label': t('editor.body'), 'aria-multiline': 'true', role: 'textbox' },
    },
    onUpdate: ({ editor: current }) => controller.bodyChanged(() => current.getJSON() as TiptapNode),
    onBlur: () => void controller.flush(),
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => onTextSettled(editor.state.doc.textBetween(0, editor.state.doc.content.size, ' ', ' '));
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(report, countDelayMs);
    };
    report();
    editor.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off('update', onUpdate);
    };
  }, [editor, onTextSettled]);

  return (
    <>
      <Toolbar editor={editor} />
      <EditorContent editor={editor} className="story-body-frame" />
    </>
  );
}
