import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { photoCaptionAndCredit } from '../../shared/media/photoCaptionAndCredit';
import { importPhotos } from '../media/importPhotos';
import { featuredImageChosen } from '../media/events';
import { figureImageUrl } from '../media/mediaUrl';

/** A photo as the reporter edits it: the image, the caption typed under it, and its credit and alt text. */
export function FigureView({ node, updateAttributes, selected, editor, getPos }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const [relinkError, setRelinkError] = useState<string | null>(null);
  const relinkInput = useRef<HTMLInputElement>(null);
  const src = figureImageUrl(node.attrs);
  const caption = node.textContent;
  const alt = node.attrs.alt as string;
  const missing = !src || brokenSrc === src;

  const relink = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const failures = await importPhotos([file], (item) => {
      setBrokenSrc(null);
      // The figure as it is now: the reporter may have typed while the photo was read.
      const at = getPos();
      const current = typeof at === 'number' ? editor.state.doc.nodeAt(at) : null;
      const said = { caption: current?.textContent ?? '', credit: String(current?.attrs.credit ?? '') };
      const { caption, credit } = photoCaptionAndCredit(item, said);
      updateAttributes({ mediaId: item.id, src: null, credit });
      if (typeof at === 'number' && !said.caption.trim() && caption) editor.commands.insertContentAt(at + 1, caption);
    });
    setRelinkError(failures[0] ? `${failures[0].fileName}: ${failures[0].reason}` : null);
  };
  const makeFeatured = () => {
    featuredImageChosen.emit({ mediaId: node.attrs.mediaId as string, caption, alt });
  };

  return (
    <NodeViewWrapper as="figure" className={`story-figure${selected ? ' is-selected' : ''}${caption.trim() ? '' : ' lacks-caption'}`}>
      <div className="figure-media" contentEditable={false} data-drag-handle="">
        {missing ? (
          <div className="figure-missing">
            <span role="img" aria-label={t('figure.missing')}>
              {t('figure.missing')}
            </span>
            <button type="button" className="quiet-button" onClick={() => relinkInput.current?.click()}>
              {t('figure.relink')}
            </button>
            <input ref={relinkInput} type="file" accept="image/*" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void relink(e)} />
            {relinkError && <span role="alert">{relinkError}</span>}
          </div>
        ) : (
          <img src={src} alt={alt || caption} draggable={false} onError={() => setBrokenSrc(src)} />
        )}
      </div>
      <NodeViewContent<'figcaption'> as="figcaption" className={`figure-caption${caption ? '' : ' is-empty'}`} data-placeholder={t('figure.captionPlaceholder')} />
      <div className="figure-fields" contentEditable={false}>
        <label>
          <span>{t('figure.credit')}</span>
          <input value={node.attrs.credit as string} placeholder={t('figure.creditPlaceholder')} onChange={(event) => updateAttributes({ credit: event.target.value })} />
        </label>
        <label>
          <span>{t('figure.alt')}</span>
          <input value={alt} placeholder={caption || t('figure.altPlaceholder')} onChange={(event) => updateAttributes({ alt: event.target.value })} />
        </label>
        {typeof node.attrs.mediaId === 'string' && (
          <button type="button" className="quiet-button figure-featured" onClick={makeFeatured}>
            {t('figure.makeFeatured')}
          </button>
        )}
      </div>
    </NodeViewWrapper>
  );
}
