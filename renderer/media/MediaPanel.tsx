import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DatelineError } from '../../shared/api/DatelineError';
import type { MediaListItem } from '../../shared/media/mediaSchema';
import type { StorySummary } from '../../shared/story/storySchema';
import { formatShortDateTime } from '../../shared/text/formatDateTime';
import { api } from '../api/datelineApi';
import { ConfirmDialog } from '../platform/ConfirmDialog';
import { showToast } from '../platform/toastStore';
import { useSettings } from '../settings/useSettings';
import { photoOffered } from './events';
import { mediaUrl } from './mediaUrl';
import { PhotoImportStatus } from './PhotoImportStatus';
import { usePhotoImport } from './usePhotoImport';
import { mediaKeys } from './queries';

interface MediaPanelProps {
  /** Headlines of the stories in view, to name where a photo is used. */
  stories: StorySummary[];
  onOpenStory: (id: string) => void;
}

/** Every photo in the library: search by caption or photographer, see where each is used, reuse or delete it. */
export function MediaPanel({ stories, onOpenStory }: MediaPanelProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const media = useQuery({ queryKey: mediaKeys.list(query), queryFn: () => api.media.list({ query: query || undefined, limit: 500 }), placeholderData: (previous) => previous });
  const headlineOf = (id: string) => stories.find((s) => s.id === id)?.headline || t('media.otherStory');

  // Asked first, naming the photo; once gone it can be put back from the toast ("Hoàn tác").
  const [removing, setRemoving] = useState<{ item: MediaListItem; opener: HTMLElement } | null>(null);
  const nameOf = (item: MediaListItem) => item.caption ?? item.fileName;
  const askToRemove = (item: MediaListItem, opener: HTMLElement) => {
    if (item.usedIn.length) return setProblem(t('media.inUse', { count: item.usedIn.length }));
    setRemoving({ item, opener });
  };
  const remove = async (item: MediaListItem) => {
    setRemoving(null);
    try {
      await api.media.remove({ id: item.id });
      setProblem(null);
      await queryClient.invalidateQueries({ queryKey: mediaKeys.all });
      showToast({
        message: t('media.removed', { name: nameOf(item) }),
        action: {
          label: t('toasts.undo'),
          run: () =>
            void api.media
              .restore({ id: item.id })
              .then(() => queryClient.invalidateQueries({ queryKey: mediaKeys.all }))
              .catch((error: unknown) => showToast({ message: t('media.undoFailed', { message: (error as Error).message }) })),
        },
      });
    } catch (error) {
      const inUse = error instanceof DatelineError && error.code === 'in_use';
      setProblem(inUse ? t('media.inUse', { count: item.usedIn.length }) : (error as Error).message);
    }
  };

  const photoImport = usePhotoImport();
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const files = [...event.dataTransfer.files].filter((file) => file.type.startsWith('image/'));
    if (!files.length) return;
    event.preventDefault();
    void photoImport.run(files, () => undefined);
  };

  const items = media.data?.items ?? [];
  return (
    <div className="media-panel" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <PhotoImportStatus photoImport={photoImport} />
      <input type="search" className="media-search" aria-label={t('media.search')} placeholder={t('media.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {problem && (
        <p className="banner banner-warning" role="alert">
          {problem}
        </p>
      )}
      {media.isSuccess && items.length === 0 && <p className="list-message">{t(query ? 'media.noMatch' : 'media.empty')}</p>}
      <ul className="media-grid" aria-label={t('media.tab')}>
        {items.map((item) => (
          <li key={item.id} className="media-tile">
            <img src={mediaUrl(item.id, 'thumb')} alt={item.caption ?? item.fileName} loading="lazy" />
            <p className={`media-caption${item.caption ? '' : ' is-missing'}`}>{item.caption ?? t('media.noCaption')}</p>
            <p className="media-meta">
              {[item.byline, item.capturedAt ? t('media.takenAt', { date: formatShortDateTime(item.capturedAt, settings.timeZone) }) : null].filter(Boolean).join(' · ')}
            </p>
            <div className="media-used">
              {item.usedIn.length ? (
                <>
                  <span>{t('media.usedIn')}</span>
                  {item.usedIn.map((id) => (
                    <button key={id} type="button" className="link-button" onClick={() => onOpenStory(id)}>
                      {headlineOf(id)}
                    </button>
                  ))}
                </>
              ) : (
                <span>{t('media.unused')}</span>
              )}
            </div>
            <div className="media-actions">
              <button type="button" className="quiet-button" onClick={() => photoOffered.emit(item)}>
                {t('media.insert')}
              </button>
              <button type="button" className="quiet-button" aria-label={t('media.removeNamed', { name: nameOf(item) })} onClick={(event) => askToRemove(item, event.currentTarget)}>
                {t('media.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {removing && (
        <ConfirmDialog
          title={t('media.confirmRemove', { name: nameOf(removing.item) })}
          confirmLabel={t('media.remove')}
          danger
          opener={removing.opener}
          onConfirm={() => void remove(removing.item)}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('media.confirmRemoveBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
