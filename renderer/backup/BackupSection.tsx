import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/api/contract';
import { DatelineError } from '../../shared/api/DatelineError';
import { formatShortDateTime } from '../../shared/text/formatDateTime';
import { formatVietnameseDateTime } from '../../shared/text/vietnameseDate';
import { api } from '../api/datelineApi';
import { ConfirmDialog } from '../platform/ConfirmDialog';
import { useSettings } from '../settings/useSettings';
import { offerRestoreUndo } from './RestoreUndoOffer';
import './backup.css';
import type { Translate } from '../i18n/messageKey';
import { backupKeys } from './queries';

type BackupItem = MethodOutput<'backup.create'>;


/** "Sao lưu" in the settings: where backups go, when the last one was made, a backup now, and restore. */
export function BackupSection() {
  const { t, i18n } = useTranslation();
  const { settings, update } = useSettings();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: backupKeys.list, queryFn: () => api.backup.list({}) });
  const [folder, setFolder] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ item: BackupItem; opener: HTMLElement } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: backupKeys.list });
  const saveFolder = useMutation({
    mutationFn: (backupFolder: string) => update({ backupFolder }),
    onSuccess: () => {
      setFolder(null);
      void refresh();
    },
  });
  const create = useMutation({ mutationFn: () => api.backup.create({}), onSuccess: () => void refresh() });
  const restore = useMutation({
    mutationFn: (item: BackupItem) => api.backup.restore({ fileName: item.fileName }),
    onSuccess: (result, item) => {
      setConfirming(null);
      offerRestoreUndo({ keptAs: result.keptAs, restoredTo: item.createdAt });
      // Every story, photo and setting may have changed: the window starts again on the restored library.
      setTimeout(() => window.location.reload(), 1200);
    },
  });

  const items = list.data?.items ?? [];
  const last = items[0];
  const zone = settings.timeZone;
  const problem = saveFolder.error ?? create.error ?? restore.error ?? list.error;
  const typed = folder ?? settings.backupFolder;

  return (
    <section className="backup-section" aria-labelledby="backup-title">
      <h3 id="backup-title">{t('backup.title')}</h3>
      <form
        className="backup-folder"
        onSubmit={(event) => {
          event.preventDefault();
          saveFolder.mutate(typed.trim());
        }}
      >
        <label className="field">
          <span>{t('backup.folder')}</span>
          <span className="field-row">
            <input value={typed} placeholder={list.data?.folder ?? ''} spellCheck={false} onChange={(event) => setFolder(event.target.value)} />
            <button type="submit" className="quiet-button backup-folder-save" disabled={folder === null || saveFolder.isPending}>
              {t('backup.saveFolder')}
            </button>
          </span>
        </label>
        <p className="backup-hint">{settings.backupFolder ? t('backup.folderHint') : t('backup.defaultFolder', { folder: list.data?.folder ?? '…' })}</p>
      </form>

      <div className="backup-now">
        <p className="backup-last" aria-live="polite">
          {last ? t('backup.last', { when: formatVietnameseDateTime(last.createdAt, zone, i18n.language) }) : list.isPending ? t('backup.loading') : t('backup.none')}
        </p>
        <button type="button" className="primary-button" disabled={create.isPending || restore.isPending} onClick={() => create.mutate()}>
          {create.isPending ? t('backup.working') : t('backup.now')}
        </button>
      </div>

      {problem && (
        <p className="backup-problem" role="alert">
          {describe(problem, t)}
        </p>
      )}
      {restore.isSuccess && (
        <p className="backup-done" role="status">
          {t('backup.restored', { count: restore.data.stories })}
        </p>
      )}

      {confirming && !restore.isSuccess && (
        <ConfirmDialog
          title={t('backup.confirmTitleAt', { when: formatVietnameseDateTime(confirming.item.createdAt, zone, i18n.language) })}
          confirmLabel={restore.isPending ? t('backup.restoring') : t('backup.confirmRestore')}
          danger
          busy={restore.isPending}
          opener={confirming.opener}
          onConfirm={() => restore.mutate(confirming.item)}
          onCancel={() => !restore.isPending && setConfirming(null)}
        >
          <p>{t('backup.confirm', { when: formatVietnameseDateTime(confirming.item.createdAt, zone, i18n.language) })}</p>
          <p>{t('backup.confirmUndo')}</p>
        </ConfirmDialog>
      )}

      {items.length > 0 && (
        <ul className="backup-list" aria-label={t('backup.list')}>
          {items.map((item) => (
            <li key={item.fileName} className="backup-row">
              <span className="backup-row-when">
                <time dateTime={item.createdAt}>{formatShortDateTime(item.createdAt, zone)}</time>
                <span className={`backup-kind backup-kind-${item.beforeRestore ? 'before-restore' : item.kind}`}>{t(item.beforeRestore ? 'backup.kind.beforeRestore' : `backup.kind.${item.kind}`)}</span>
              </span>
              <span className="backup-row-size">{formatSize(item.bytes, i18n.language)}</span>
              <button
                type="button"
                className="quiet-button backup-restore"
                aria-label={t('backup.restoreFrom', { when: formatShortDateTime(item.createdAt, zone) })}
                disabled={restore.isPending || create.isPending}
                onClick={(event) => {
                  restore.reset();
                  setConfirming({ item, opener: event.currentTarget });
                }}
              >
                {t('backup.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** 1,2 MB in Vietnamese (1.2 MB in English), as the file manager would say it. */
function formatSize(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** What the backup service says, in `details.reason`, of a folder or a zip it refused. */
type BackupErrorReason = 'inside_library' | 'damaged';

/** What went wrong, what was kept, and what to do, in the reporter's words. */
function describe(error: Error, t: Translate): string {
  const code = error instanceof DatelineError ? error.code : 'internal';
  const reason = error instanceof DatelineError ? (error.details as { reason?: BackupErrorReason } | undefined)?.reason : undefined;
  if (code === 'invalid_input' && reason === 'inside_library') return t('backup.error.inside');
  if (code === 'invalid_input' && reason === 'damaged') return t('backup.error.damaged');
  if (code === 'invalid_input') return t('backup.error.folder');
  if (code === 'storage_failed') return t('backup.error.storage');
  if (code === 'unavailable') return t('backup.error.busy');
  return t('backup.error.other', { message: error.message });
}
