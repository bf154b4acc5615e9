import { useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../shared/story/storySchema';
import { storyFileAccept } from './storyFiles';
import { useStoryFileImport } from './useStoryFileImport';
import './storyImport.css';

/**
 * "Nhập Word/HTML" in the top bar, the drop target shown while a Word or HTML file is dragged over the window,
 * and the import's progress or failure, which stays until the reporter dismisses it.
 */
export function StoryImport({ onImported }: { onImported: (story: Story) => void }) {
  const { t } = useTranslation();
  const { state, dragging, importFiles, dismiss } = useStoryFileImport(onImported);
  const input = useRef<HTMLInputElement>(null);
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    void importFiles(files);
  };
  return (
    <>
      <button type="button" className="quiet-button" disabled={state.kind === 'importing'} onClick={() => input.current?.click()}>
        {t('import.open')}
      </button>
      <input ref={input} type="file" accept={storyFileAccept} hidden aria-hidden="true" tabIndex={-1} data-testid="story-file" onChange={pick} />
      {dragging && (
        <div className="import-drop" aria-hidden="true">
          <p>{t('import.dropHere')}</p>
        </div>
      )}
      {state.kind === 'importing' && (
        <p className="import-status" role="status">
          {t('import.working', { fileName: state.fileName })}
        </p>
      )}
      {state.kind === 'failed' && (
        <div className="import-status import-failed" role="alert">
          <span>{t('import.failed', { fileName: state.fileName, reason: state.reason })}</span>
          <button type="button" onClick={dismiss}>
            {t('media.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
