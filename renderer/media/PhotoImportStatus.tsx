import { useTranslation } from 'react-i18next';
import type { PhotoImport } from './usePhotoImport';

/** "Importing 3 of 40 photos", then every photo that could not come in, each with its reason, until dismissed. */
export function PhotoImportStatus({ photoImport }: { photoImport: PhotoImport }) {
  const { t, i18n } = useTranslation();
  const { progress, failures, dismissFailures } = photoImport;
  if (!progress && !failures.length) return null;
  return (
    <div className="photo-import-status">
      {progress && (
        <p role="status">
          {t('media.importing', { done: progress.done, total: progress.total })}
          <progress max={progress.total} value={progress.done} aria-hidden="true" />
        </p>
      )}
      {failures.length > 0 && (
        <div role="alert" className="photo-import-failures">
          <p>{t('media.importFailed', { count: failures.length })}</p>
          <ul>
            {failures.map((failure) => (
              <li key={failure.fileName}>
                <strong>{failure.fileName}</strong>:{' '}
                {failure.storage ? t(`media.storage.${failure.storage}`) : i18n.language === 'vi' ? failure.reason : failure.message.replace(`${failure.fileName}: `, '')}
              </li>
            ))}
          </ul>
          <button type="button" className="quiet-button" onClick={dismissFailures}>
            {t('media.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
