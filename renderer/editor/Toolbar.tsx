import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkIcon } from './icons/LinkIcon';

interface ToolbarProps {
  editor: Editor;
}

/** Formatting controls for the body. Every button has an accessible name from i18n and shows its pressed state. */
export function Toolbar({ editor }: ToolbarProps) {
  const { t } = useTranslation();
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      linkHref: (e.getAttributes('link').href as string | undefined) ?? '',
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const chain = () => editor.chain().focus();
  const buttons = [
    { key: 'bold', label: t('toolbar.bold'), glyph: 'B', active: state.bold, run: () => chain().toggleBold().run() },
    { key: 'italic', label: t('toolbar.italic'), glyph: 'I', active: state.italic, run: () => chain().toggleItalic().run() },
    { key: 'h2', label: t('toolbar.heading2'), glyph: 'H2', active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'h3', label: t('toolbar.heading3'), glyph: 'H3', active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'ul', label: t('toolbar.bulletList'), glyph: '•', active: state.bulletList, run: () => chain().toggleBulletList().run() },
    { key: 'ol', label: t('toolbar.orderedList'), glyph: '1.', active: state.orderedList, run: () => chain().toggleOrderedList().run() },
    { key: 'quote', label: t('toolbar.blockquote'), glyph: '“', active: state.blockquote, run: () => chain().toggleBlockquote().run() },
  ];

  const applyLink = (event: FormEvent) => {
    event.preventDefault();
    const href = (linkDraft ?? '').trim();
    if (href) chain().extendMarkRange('link').setLink({ href }).run();
    else chain().extendMarkRange('link').unsetLink().run();
    setLinkDraft(null);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {buttons.map((button) => (
        <button
          key={button.key}
          type="button"
          className={`tool tool-${button.key}`}
          aria-label={button.label}
          title={button.label}
          aria-pressed={button.active}
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
        >
          {button.glyph}
        </button>
      ))}
      <button
        type="button"
        className="tool tool-link"
        aria-label={t('toolbar.link')}
        title={t('toolbar.link')}
        aria-pressed={state.link}
        aria-expanded={linkDraft !== null}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setLinkDraft(linkDraft === null ? state.linkHref : null)}
      >
        <LinkIcon />
      </button>
      <span className="toolbar-gap" />
      <button type="button" className="tool" aria-label={t('toolbar.undo')} title={t('toolbar.undo')} disabled={!state.canUndo} onMouseDown={(e) => e.preventDefault()} onClick={() => chain().undo().run()}>
        ↶
      </button>
      <button type="button" className="tool" aria-label={t('toolbar.redo')} title={t('toolbar.redo')} disabled={!state.canRedo} onMouseDown={(e) => e.preventDefault()} onClick={() => chain().redo().run()}>
        ↷
      </button>
      {linkDraft !== null && (
        <form className="link-form" onSubmit={applyLink}>
          <input
            type="url"
            autoFocus
            aria-label={t('toolbar.linkUrl')}
            placeholder="https://"
            value={linkDraft}
            onChange={(event) => setLinkDraft(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setLinkDraft(null)}
          />
          <button type="submit">{t('toolbar.linkApply')}</button>
          {state.link && (
            <button type="button" onClick={() => { chain().extendMarkRange('link').unsetLink().run(); setLinkDraft(null); }}>
              {t('toolbar.linkRemove')}
            </button>
          )}
          <button type="button" onClick={() => setLinkDraft(null)}>{t('toolbar.linkCancel')}</button>
        </form>
      )}
    </div>
  );
}
