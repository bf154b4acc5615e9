import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionEntry } from '../../shared/history/historySchema';
import { diffStories, type FieldDiff } from '../../shared/history/diffStories';
import type { Story } from '../../shared/story/storySchema';
import { formatNumber } from '../../shared/text/formatNumber';
import { formatVietnameseDateTime } from '../../shared/text/vietnameseDate';
import { api } from '../api/datelineApi';
import { DiffText } from './DiffText';
import './history.css';
import { vi } from '../i18n/vi';
import { historyKeys } from './queries';

interface HistoryPanelProps {
  storyId: string;
  timeZone: string;
  onClose: () => void;
  /** Brings a whole version back (a new revision), then reloads the story. */
  onRestoreVersion: (versionId: string) => Promise<void>;
  /** Brings one field of a version back into today's story, then reloads it. */
  onRestoreField: (version: Story, field: string) => Promise<void>;
}

/**
 * The story's versions, newest first, and two of them side by side, field by field, with the words that changed
 * marked. Any version, or any one field of it, can be brought back; that is a new version, never an overwrite.
 */
export function HistoryPanel({ storyId, timeZone, onClose, onRestoreVersion, onRestoreField }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const versions = useQuery({ queryKey: historyKeys.list(storyId), queryFn: () => api.history.list({ id: storyId }) });
  // Null until the reporter picks: the two newest are compared.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const items = useMemo(() => versions.data?.items ?? [], [versions.data]);
  const picked = chosen ?? items.slice(0, 2).map((v) => v.versionId);
  const pair = items.filter((v) => picked.includes(v.versionId)).sort((a, b) => a.revision - b.revision || a.savedAt.localeCompare(b.savedAt));
  const [older, newer] = pair.length === 2 ? pair : [];
  const olderStory = useVersion(storyId, older?.versionId);
  const newerStory = useVersion(storyId, newer?.versionId);
  const fields = useMemo(() => (olderStory.data && newerStory.data ? diffStories(olderStory.data, newerStory.data).filter((f) => f.changed) : null), [olderStory.data, newerStory.data]);
  const when = (v: VersionEntry) => formatVietnameseDateTime(v.savedAt, timeZone, i18n.language);

  const toggle = (versionId: string) =>
    setChosen(() => {
      if (picked.includes(versionId)) return picked.filter((id) => id !== versionId);
      // A third choice replaces the earlier of the two.
      return [...picked.slice(-1), versionId];
    });
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const keep = () =>
    run(async () => {
      await api.history.keep({ id: storyId });
      await queryClient.invalidateQueries({ queryKey: historyKeys.list(storyId) });
    });

  return (
    <section className="history" aria-label={t('history.title')}>
      <header className="history-header">
        <h2>{t('history.title')}</h2>
        <button type="button" className="quiet-button" disabled={busy} onClick={() => void keep()}>
          {t('history.keep')}
        </button>
        <button type="button" className="quiet-button" onClick={onClose}>
          {t('history.close')}
        </button>
      </header>
      {versions.isPending && <p className="history-note">{t('history.loading')}</p>}
      {versions.isError && <p className="history-note" role="alert">{t('history.loadFailed', { message: versions.error.message })}</p>}
      <div className="history-body">
        <ol className="history-versions" aria-label={t('history.versions')}>
          {items.map((v) => (
            <li key={v.versionId} className={picked.includes(v.versionId) ? 'history-version chosen' : 'history-version'}>
              <label>
                <input type="checkbox" checked={picked.includes(v.versionId)} onChange={() => toggle(v.versionId)} aria-label={t('history.choose', { when: when(v) })} />
                <span className="history-when">{when(v)}</span>
                <span className="history-meta">
                  {t(`history.reason.${v.reason}`)} · {t('history.words', { count: v.words, formatted: formatNumber(v.words, i18n.language) })}
                </span>
              </label>
              <button type="button" className="quiet-button" disabled={busy} onClick={() => void run(() => onRestoreVersion(v.versionId))} aria-label={t('history.restoreVersion', { when: when(v) })}>
                {t('history.restore')}
              </button>
            </li>
          ))}
        </ol>
        <div className="history-compare" aria-label={t('history.compare')}>
          {older && newer ? (
            <>
              <div className="diff-heads">
                <span>{t('history.older', { when: when(older) })}</span>
                <span>{t('history.newer', { when: when(newer) })}</span>
              </div>
              {fields?.length === 0 && <p className="history-note">{t('history.same')}</p>}
              {fields?.map((field) => (
                <FieldComparison
                  key={field.field}
                  field={field}
                  disabled={busy}
                  onRestore={() => void run(() => onRestoreField(olderStory.data!, field.field))}
                  restoreLabel={t('history.restoreField', { when: when(older) })}
                />
              ))}
            </>
          ) : (
            <p className="history-note">{items.length < 2 ? t('history.onlyOne') : t('history.pickTwo')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function useVersion(storyId: string, versionId: string | undefined) {
  return useQuery({
    queryKey: historyKeys.version(storyId, versionId),
    queryFn: () => api.history.get({ id: storyId, versionId: versionId! }),
    enabled: versionId !== undefined,
    staleTime: Infinity,
  });
}

function FieldComparison({ field, disabled, onRestore, restoreLabel }: { field: FieldDiff; disabled: boolean; onRestore: () => void; restoreLabel: string }) {
  const { t } = useTranslation();
  const [name = '', number] = field.field.split(':');
  const label = isHistoryField(name) ? t(`history.field.${name}`, { number }) : name;
  return (
    <section className="diff-field" aria-label={label}>
      <h3>{label}</h3>
      <div className="diff-columns">
        <DiffText parts={field.parts} side="older" />
        <DiffText parts={field.parts} side="newer" />
      </div>
      <button type="button" className="quiet-button" disabled={disabled} onClick={onRestore}>
        {restoreLabel}
      </button>
    </section>
  );
}

/** A field the history can name: the message tables have a label for each field diffStories compares. */
const isHistoryField = (name: string): name is keyof typeof vi.history.field => Object.hasOwn(vi.history.field, name);
