import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A photo as the reporter edits it: the image, the caption typed under it, and its credit and alt text. */
export function FigureView({ node, updateAttributes, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const src = node.attrs.src as string | null;
  const caption = node.textContent;
  const missing = !src || brokenSrc === src;
  return (
    <NodeViewWrapper as="figure" className={`story-figure${selected ? ' is-selected' : ''}${caption.trim() ? '' : ' lacks-caption'}`}>
      <div className="figure-media" contentEditable={false} data-drag-handle="">
        {missing ? (
          <div className="figure-missing" role="img" aria-label={t('figure.missing')}>
            {t('figure.missing')}
          </div>
        ) : (
          <img src={src} alt={(node.attrs.alt as string) || caption} draggable={false} onError={() => setBrokenSrc(src)} />
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
          <input value={node.attrs.alt as string} placeholder={caption || t('figure.altPlaceholder')} onChange={(event) => updateAttributes({ alt: event.target.value })} />
        </label>
      </div>
    </NodeViewWrapper>
  );
}
