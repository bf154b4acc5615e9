import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { editLinkEvent } from './extensions/LinkShortcut';
import { LinkIcon } from './icons/LinkIcon';

interface ToolbarProps {
  editor: Editor;
  /** Photos chosen in the file dialog, for the media library. */
  onPhotos: (files: File[]) => void;
}

/** Formatting controls for the body. Every button has an accessible name from i18n and shows its pressed state. */
export function Toolbar({ editor, onPhotos }: ToolbarProps) {
  const { t } = useTranslation();
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
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
    { key: 'underline', label: t('toolbar.underline'), glyph: 'U', active: state.underline, run: () => chain().toggleUnderline().run() },
    { key: 'h2', label: t('toolbar.heading2'), glyph: 'H2', active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'h3', label: t('toolbar.heading3'), glyph: 'H3', active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'ul', label: t('toolbar.bulletList'), glyph: '•', active: state.bulletList, run: () => chain().toggleBulletList().run() },
    { key: 'ol', label: t('toolbar.orderedList'), glyph: '1.', active: state.orderedList, run: () => chain().toggleOrderedList().run() },
    { key: 'quote', label: t('toolbar.blockquote'), glyph: '“', active: state.blockquote, run: () => chain().toggleBlockquote().run() },
    { key: 'hr', label: t('toolbar.horizontalRule'), glyph: '—', active: false, run: () => chain().setHorizontalRule().run() },
  ];

  useEffect(() => {
    const openLinkField = () => setLinkDraft((editor.getAttributes('link').href as string | undefined) ?? '');
    const dom = editor.view.dom;
    dom.addEventListener(editLinkEvent, openLinkField);
    return () => dom.removeEventListener(editLinkEvent, openLinkField);
  }, [editor]);

  const pickPhotos = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length) onPhotos(files);
  };

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
      <button
        type="button"
        className="tool tool-image"
        aria-label={t('toolbar.image')}
        title={t('toolbar.image')}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => fileInput.current?.click()}
      >
        {t('toolbar.imageShort')}
      </button>
      <input ref={fileInput} type="file" multiple accept="image/*" hidden aria-hidden="true" tabIndex={-1} data-testid="photo-file" onChange={pickPhotos} />
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
