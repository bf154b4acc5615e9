import { useTranslation } from 'react-i18next';
import type { Story } from '../../shared/story/storySchema';
import { mediaUrl } from '../media/mediaUrl';

interface FeaturedImageFieldProps {
  value: Story['featuredImage'];
  onChange: (value: Story['featuredImage']) => void;
  onBlur: () => void;
}

/** The story's ảnh đại diện, with a caption and alt text of its own (a cover photo is often captioned apart). */
export function FeaturedImageField({ value, onChange, onBlur }: FeaturedImageFieldProps) {
  const { t } = useTranslation();
  return (
    <div className="field featured-image" role="group" aria-label={t('inspector.featuredImage')}>
      <span>{t('inspector.featuredImage')}</span>
      {value ? (
        <>
          <img src={mediaUrl(value.mediaId, 'thumb')} alt={value.alt || value.caption} />
          <input aria-label={t('inspector.featuredCaption')} placeholder={t('inspector.featuredCaption')} value={value.caption} onChange={(e) => onChange({ ...value, caption: e.target.value })} onBlur={onBlur} />
          <input aria-label={t('inspector.featuredAlt')} placeholder={t('inspector.featuredAlt')} value={value.alt} onChange={(e) => onChange({ ...value, alt: e.target.value })} onBlur={onBlur} />
          <button type="button" className="quiet-button" onClick={() => onChange(null)}>
            {t('inspector.removeFeatured')}
          </button>
        </>
      ) : (
        <p className="hint">{t('inspector.noFeatured')}</p>
      )}
    </div>
  );
}
