import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DatelineError } from '../../shared/api/DatelineError';
import { restoreField } from '../../shared/history/restoreField';
import { parseTags } from '../../shared/story/parseTags';
import { fromEditorDoc } from '../../shared/story/storyDocument';
import type { Story, StoryChanges, TiptapNode } from '../../shared/story/storySchema';
import type { StoryType } from '../../shared/story/storyTypes';
import { api } from '../api/datelineApi';
import { StatusBar } from '../app/StatusBar';
import { refreshReminders } from '../calendar/useDeadlineReminders';
import { HistoryPanel } from '../history/HistoryPanel';
import { ExportMenu } from '../export/ExportMenu';
import { Inspector } from '../inspector/Inspector';
import { setFeaturedImageEvent, type FeaturedImageChoice } from '../media/mediaEvents';
import { useSettings } from '../settings/useSettings';
import { SpikeButton } from '../workflow/SpikeButton';
import { matchesShortcut } from '../shortcuts/shortcutList';
import { applyToneStyleToStory } from './applyToneStyleToStory';
import { RecoveryBanner } from './RecoveryBanner';
import { SaveIndicator } from './SaveIndicator';
import { StoryEditor } from './StoryEditor';
import { StoryPreview } from './StoryPreview';
import type { StoryStats } from './storyStats';
import { useAutosave } from './useAutosave';

/** The inspector's fields as typed: lists stay comma-separated text until they are saved. */
export interface StoryFields {
  category: string;
  tags: string;
  bylines: string;
  dateline: string;
  source: string;
  /** Unticked for a story taken from elsewhere, which then needs its source line before it is published. */
  original: boolean;
  ednote: string;
  storyType: StoryType;
  featuredImage: Story['featuredImage'];
  /** Hạn nộp bài and cấm đăng trước, each a moment with the zone it was picked in, or null. */
  deadline: Story['deadline'];
  embargo: Story['embargo'];
}

interface StoryWorkspaceProps {
  id: string;
  isNew: boolean;
  onTrash: (story: Story) => void;
  onRestore: (story: Story) => void;
}

/** The open story: its text in the centre, its details on the right, its save state in the bottom bar. */
export function StoryWorkspace({ id, isNew, onTrash, onRestore }: StoryWorkspaceProps) {
  const { t } = useTranslation();
  // Loaded once per opening: the editor owns the text from then on, so a refetch must never overwrite it.
  const query = useQuery({ queryKey: ['story', id], queryFn: () => api.stories.get({ id }), staleTime: Infinity, gcTime: 0 });
  const queryClient = useQueryClient();
  // A restored version replaces the text wholesale: the editor starts again from the story as saved.
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(async () => {
    queryClient.setQueryData(['story', id], await api.stories.get({ id }));
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['stories'] }), refreshReminders(queryClient)]);
    setGeneration((n) => n + 1);
  }, [id, queryClient]);
  if (query.isPending) return <EmptyWorkspace message={t('editor.loading')} />;
  if (query.isError) return <EmptyWorkspace message={t('editor.loadFailed', { message: query.error.message })} />;
  return <LoadedStory key={generation} story={query.data} isNew={isNew && generation === 0} onTrash={onTrash} onRestore={onRestore} onReload={reload} />;
}

export function EmptyWorkspace({ message }: { message: string }) {
  return (
    <>
      <main className="editor-pane editor-empty">
        <p>{message}</p>
      </main>
      <aside className="inspector-pane" />
      <StatusBar />
    </>
  );
}

function fieldsOf(story: Story): StoryFields {
  return {
    category: story.category,
    tags: story.tags.join(', '),
    bylines: story.bylines.join(', '),
    dateline: story.dateline,
    source: story.source,
    original: story.original ?? true,
    ednote: story.ednote,
    storyType: story.storyType,
    featuredImage: story.featuredImage,
    deadline: story.deadline ?? null,
    embargo: story.embargo ?? null,
  };
}

function toChanges(fields: Partial<StoryFields>): StoryChanges {
  const { tags, bylines, ...rest } = fields;
  return {
    ...rest,
    ...(tags === undefined ? {} : { tags: parseTags(tags) }),
    ...(bylines === undefined ? {} : { bylines: parseTags(bylines) }),
  };
}

interface LoadedStoryProps {
  /** Follows the latest save; only its first value seeds the fields and the editor. */
  story: Story;
  isNew: boolean;
  onTrash: (story: Story) => void;
  onRestore: (story: Story) => void;
  onReload: () => Promise<void>;
}

function LoadedStory({ story, isNew, onTrash, onRestore, onReload }: LoadedStoryProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { controller, saveState } = useAutosave(story);
  const [opened] = useState(story);
  const [fields, setFields] = useState<StoryFields>(() => fieldsOf(story));
  const [stats, setStats] = useState<StoryStats | null>(null);
  // A snapshot taken when the preview opens: the editor is hidden, so the text cannot change meanwhile.
  const [preview, setPreview] = useState<Story | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const editorRef = useRef<Editor | null>(null);
  // Once the reporter types, the recovery journal holds the new text (and the next clean save deletes it): the
  // text kept from before is no longer on offer, or taking it back would write it over what they wrote since.
  const [typed, setTyped] = useState(false);

  const change = (changes: Partial<StoryFields>) => {
    setFields((current) => ({ ...current, ...changes }));
    controller.change(toChanges(changes));
  };
  const flush = () => void controller.flush();
  const onReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
    editor.once('update', () => setTyped(true));
  }, []);
  const keepMine = () => {
    const error = saveState.kind === 'failed' ? saveState.error : null;
    const current = error instanceof DatelineError ? (error.details as { currentRevision?: number } | undefined)?.currentRevision : undefined;
    if (current !== undefined) void controller.keepMine(current);
  };
  const restore = async () => onRestore(await api.stories.restore({ id: opened.id }));
  const queryClient = useQueryClient();
  // A status move is a save made outside the autosave: the next save is based on the revision it wrote. It
  // changes what is due too: a filed story's deadline is met, a scheduled one's publish time is coming.
  const moved = (saved: Story) => {
    queryClient.setQueryData(['story', saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ['stories'] });
    void refreshReminders(queryClient);
    void controller.keepMine(saved.revision);
    if (saved.trashedAt && !story.trashedAt) onTrash(saved);
    else if (!saved.trashedAt && story.trashedAt) onRestore(saved);
  };
  const toggleHistory = () => {
    // Opening the history saves the text first, so the newest version on the list is what is on screen.
    if (!showHistory) void controller.flush();
    setShowHistory((shown) => !shown);
  };
  // Both restores save what is in the editor first, so the text on screen becomes a version, not a loss.
  const restoreVersion = async (versionId: string) => {
    await controller.flush();
    await api.history.restore({ id: opened.id, versionId });
    await onReload();
  };
  const restoreOneField = async (version: Story, field: string) => {
    await controller.flush();
    const current = await api.stories.get({ id: opened.id });
    const changes = restoreField(current, version, field);
    if (!changes) return;
    await api.stories.update({ id: opened.id, baseRevision: current.revision, changes });
    await onReload();
  };
  const applyToneStyle = () => {
    if (editorRef.current) applyToneStyleToStory(editorRef.current, settings.toneStyle);
  };
  const togglePreview = () => {
    if (preview) return setPreview(null);
    const doc = editorRef.current ? fromEditorDoc(editorRef.current.getJSON() as TiptapNode) : story;
    setPreview({ ...story, ...toChanges(fields), ...doc });
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (matchesShortcut(event, 'Mod+S')) {
      event.preventDefault();
      flush();
    } else if (matchesShortcut(event, 'Mod+Shift+P')) {
      event.preventDefault();
      togglePreview();
    }
  });
  const onFeatured = useEffectEvent((event: Event) => change({ featuredImage: (event as CustomEvent<FeaturedImageChoice>).detail }));
  useEffect(() => {
    const listener = (event: Event) => onFeatured(event);
    window.addEventListener(setFeaturedImageEvent, listener);
    return () => window.removeEventListener(setFeaturedImageEvent, listener);
  }, []);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <>
      <main className="editor-pane">
        <div className="page">
          {story.trashedAt ? (
            <div className="banner banner-trash" role="status">
              <span>{t('editor.inTrash')}</span>
              <button type="button" onClick={() => void restore()}>
                {t('library.restore')}
              </button>
            </div>
          ) : (
            <div className="page-actions">
              <button type="button" className="quiet-button" aria-pressed={preview !== null} onClick={togglePreview}>
                {t(preview ? 'preview.backToEditor' : 'preview.open')}
              </button>
              <button type="button" className="quiet-button" aria-pressed={showHistory} onClick={toggleHistory}>
                {t('history.open')}
              </button>
              <ExportMenu storyId={opened.id} beforeExport={() => controller.flush()} />
              <SpikeButton story={story} className="quiet-button" label={t('library.moveToTrash')} spike={() => controller.flush().then(() => api.stories.trash({ id: opened.id }))} onSpiked={onTrash} />
            </div>
          )}
          {!story.trashedAt && !typed && <RecoveryBanner story={opened} timeZone={settings.timeZone} beforeRecover={() => controller.flush()} onRecovered={onReload} />}
          {preview && <StoryPreview story={preview} timeZone={settings.timeZone} />}
          {showHistory && !preview && (
            <HistoryPanel storyId={opened.id} timeZone={settings.timeZone} onClose={() => setShowHistory(false)} onRestoreVersion={restoreVersion} onRestoreField={restoreOneField} />
          )}
          <div hidden={preview !== null || showHistory}>
            <StoryEditor story={opened} isNew={isNew} controller={controller} onStats={setStats} onReady={onReady} onRestoreVersion={restoreVersion} />
          </div>
        </div>
      </main>
      <Inspector story={story} fields={fields} onChange={change} onBlur={flush} onApplyToneStyle={applyToneStyle} onBeforeMove={() => controller.flush()} onMoved={moved} />
      <StatusBar
        saveIndicator={<SaveIndicator state={saveState} onRetry={flush} onKeepMine={keepMine} />}
        stats={stats ?? undefined}
        storyType={fields.storyType}
      />
    </>
  );
}
