import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { datelinePlaces } from '../../shared/media/datelinePlaces';
import { api } from '../api/datelineApi';
import { mediaKeys } from '../media/queries';

interface DatelineFieldProps {
  value: string;
  /** The story's photos as last saved, in reading order: where they were taken is offered as the dateline. */
  mediaIds: string[];
  onChange: (dateline: string) => void;
  onBlur: () => void;
}

/**
 * The dateline place (nơi đưa tin). While it is empty, the places the story's photos name (their IPTC or XMP city,
 * province, country) are offered under it, one click each; nothing is filled in without the reporter choosing.
 */
export function DatelineField({ value, mediaIds, onChange, onBlur }: DatelineFieldProps) {
  const { t } = useTranslation();
  const empty = value.trim() === '';
  const photos = useQuery({
    queryKey: mediaKeys.storyPhotos(mediaIds),
    queryFn: () => api.media.list({ ids: mediaIds }),
    enabled: empty && mediaIds.length > 0,
    placeholderData: (previous) => previous,
  });
  const places = empty && mediaIds.length > 0 ? datelinePlaces(photos.data?.items ?? []) : [];
  const choose = (place: string) => {
    onChange(place);
    onBlur();
  };
  return (
    <>
      <label className="field">
        <span>{t('inspector.dateline')}</span>
        <input value={value} placeholder={t('inspector.datelinePlaceholder')} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />
      </label>
      {places.length > 0 && (
        <div className="place-suggestions" role="group" aria-label={t('inspector.photoPlaces')}>
          <span>{t('inspector.photoPlaces')}</span>
          {places.map((place) => (
            <button key={place} type="button" className="place-chip" aria-label={t('inspector.usePlace', { place })} onClick={() => choose(place)}>
              {place}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
