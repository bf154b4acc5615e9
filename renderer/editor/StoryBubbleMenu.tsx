import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import { useTranslation } from 'react-i18next';
import { sectionTypes } from '../../shared/story/storyDocument';
import { LinkIcon } from './icons/LinkIcon';
import { editLinkEvent } from './extensions/LinkShortcut';

const plainSections = new Set<string>([...sectionTypes, 'figure']);

/** The marks a reporter reaches for on a selection, beside the selection itself. */
export function StoryBubbleMenu({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ bold: e.isActive('bold'), italic: e.isActive('italic'), underline: e.isActive('underline'), link: e.isActive('link') }),
  });
  const items = [
    { key: 'bold', label: t('toolbar.bold'), glyph: 'B', active: state.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: t('toolbar.italic'), glyph: 'I', active: state.italic, run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'underline', label: t('toolbar.underline'), glyph: 'U', active: state.underline, run: () => editor.chain().focus().toggleUnderline().run() },
  ];
  return (
    <BubbleMenu
      editor={editor}
      className="bubble-menu"
      shouldShow={({ state: s }) => !s.selection.empty && !plainSections.has(s.selection.$from.parent.type.name)}
    >
      {items.map((item) => (
        <button key={item.key} type="button" className={`tool tool-${item.key}`} aria-label={item.label} title={item.label} aria-pressed={item.active} onClick={item.run}>
          {item.glyph}
        </button>
      ))}
      <button type="button" className="tool" aria-label={t('toolbar.link')} title={t('toolbar.link')} aria-pressed={state.link} onClick={() => editor.view.dom.dispatchEvent(new CustomEvent(editLinkEvent))}>
        <LinkIcon />
      </button>
    </BubbleMenu>
  );
}
