import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story, StorySummary } from '../../shared/story/storySchema';
import { api } from '../api/datelineApi';
import { BackupSection } from '../backup/BackupSection';
import { RestoreUndoOffer } from '../backup/RestoreUndoOffer';
import { CalendarPanel } from '../calendar/CalendarPanel';
import { refreshReminders, useDeadlineReminders } from '../calendar/useDeadlineReminders';
import { EmptyWorkspace, StoryWorkspace } from '../editor/StoryWorkspace';
import { StoryImport } from '../import/StoryImport';
import { LibraryProblems } from '../library/LibraryProblems';
import { noFilters, StoryFilters, type ListFilters } from '../library/StoryFilters';
import { StoryList, useStoryPages } from '../library/StoryList';
import { MediaPanel } from '../media/MediaPanel';
import { OutboxHost } from '../outbox/OutboxPanel';
import { OutboxButton } from '../outbox/OutboxStatus';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { SettingsDialog } from '../settings/SettingsDialog';
import { closeSettings, openSettings, useSettingsShown } from '../settings/settingsDialogStore';
import { matchesShortcut } from '../shortcuts/shortcutList';
import { ShortcutsSheet } from '../shortcuts/ShortcutsSheet';
import { PaneToggle } from './PaneToggle';
import { Toasts } from '../platform/Toasts';
import { usePaneLayout, type PaneLayout } from './usePaneLayout';
import type { MessageKey } from '../i18n/messageKey';
import { storyReopened } from '../library/events';
import { storyKeys } from '../library/queries';

type LibraryView = 'stories' | 'calendar' | 'trash' | 'media';
const tabLabels: Record<LibraryView, MessageKey> = { stories: 'library.stories', calendar: 'calendar.tab', media: 'media.tab', trash: 'library.trash' };

function appClass(focusMode: boolean, panes: PaneLayout): string {
  const classes = ['app'];
  if (focusMode) classes.push('is-focus');
  if (panes.narrow) classes.push('is-narrow');
  if (!panes.libraryOpen) classes.push('is-library-hidden');
  if (!panes.inspectorOpen) classes.push('is-inspector-hidden');
  return classes.join(' ');
}

export function App() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [view, setView] = useState<LibraryView>('stories');
  // Undefined until the reporter picks a story: until then the most recent one is open, so they land on their work.
  const [chosenId, setSelectedId] = useState<string | null | undefined>(undefined);
  // Bumped when a story is trashed or restored, so its workspace reopens at the revision now on disk.
  const [epoch, setEpoch] = useState(0);
  // A new story opens with the cursor in its headline; an existing one opens where the reporter clicks.
  const [newStoryId, setNewStoryId] = useState<string | null>(null);
  const live = useStoryPages(false);
  // Damage is found when a file is read (a story's history when it is opened), so the notice is asked for again.
  const status = useQuery({ queryKey: storyKeys.libraryStatus, queryFn: () => api.library.status({}), refetchInterval: 20_000 });
  const [focusMode, setFocusMode] = useState(false);
  const panes = usePaneLayout();
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<ListFilters>(noFilters);
  const settingsShown = useSettingsShown();

  const selectedId = chosenId === undefined ? (live.data?.pages[0]?.items[0]?.id ?? null) : chosenId;
  useDeadlineReminders(setSelectedId);

  const refreshLists = () => queryClient.invalidateQueries({ queryKey: storyKeys.lists });
  const open = (story: StorySummary) => setSelectedId(story.id);
  const createStory = async () => {
    const story = await api.stories.create({});
    queryClient.setQueryData(storyKeys.one(story.id), story);
    setView('stories');
    setSelectedId(story.id);
    setNewStoryId(story.id);
    await refreshLists();
  };
  const openImported = async (story: Story) => {
    queryClient.setQueryData(storyKeys.one(story.id), story);
    setView('stories');
    setSelectedId(story.id);
    await refreshLists();
  };
  const afterTrash = async (story: Story) => {
    queryClient.removeQueries({ queryKey: storyKeys.one(story.id) });
    void refreshReminders(queryClient);
    await refreshLists();
    const next = queryClient
      .getQueryData<{ pages: { items: StorySummary[] }[] }>(storyKeys.list(false))
      ?.pages[0]?.items.find((s) => s.id !== story.id);
    setSelectedId(next?.id ?? null);
    setEpoch((e) => e + 1);
  };
  const afterRestore = async (story: Story | StorySummary) => {
    queryClient.removeQueries({ queryKey: storyKeys.one(story.id) });
    void refreshReminders(queryClient);
    await refreshLists();
    setView('stories');
    setSelectedId(story.id);
    setEpoch((e) => e + 1);
  };
  const restoreFromList = async (story: StorySummary) => afterRestore(await api.stories.restore({ id: story.id }));
  // An undone spike, from a toast that outlived the story's workspace: the story opens again where it was.
  const onReopen = useEffectEvent((story: Story) => void afterRestore(story));
  useEffect(() => storyReopened.on(onReopen), []);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const run = (action: () => void) => {
      event.preventDefault();
      action();
    };
    if (matchesShortcut(event, 'Mod+/')) run(() => setShowShortcuts((shown) => !shown));
    else if (matchesShortcut(event, 'Mod+Shift+F')) run(() => setFocusMode((on) => !on));
    else if (matchesShortcut(event, 'Mod+Alt+N')) run(() => void createStory());
    else if (event.key === 'Escape' && focusMode && !showShortcuts) setFocusMode(false);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className={appClass(focusMode, panes)}>
      <header className="top-bar">
        <PaneToggle side="library" open={panes.libraryOpen} onToggle={panes.toggleLibrary} />
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <button type="button" className="primary-button" onClick={() => void createStory()}>
          + {t('library.newStory')}
        </button>
        <StoryImport onImported={(story) => void openImported(story)} />
        <span className="top-bar-gap" />
        <OutboxButton />
        <button type="button" className="quiet-button" aria-pressed={focusMode} onClick={() => setFocusMode(!focusMode)}>
          {t(focusMode ? 'focus.leave' : 'focus.enter')}
        </button>
        <button type="button" className="quiet-button" onClick={() => setShowShortcuts(true)}>
          {t('shortcuts.open')}
        </button>
        <button type="button" className="quiet-button" onClick={() => openSettings()}>
          {t('settings.open')}
        </button>
        <LanguageSwitch />
        <PaneToggle side="inspector" open={panes.inspectorOpen} onToggle={panes.toggleInspector} />
      </header>
      <nav className="library-pane" aria-label={t('library.title')}>
        <div className="tabs" role="tablist">
          {(['stories', 'calendar', 'media', 'trash'] as const).map((tab) => (
            <button key={tab} type="button" role="tab" aria-selected={view === tab} className="tab" onClick={() => setView(tab)}>
              {t(tabLabels[tab])}
            </button>
          ))}
        </div>
        <LibraryProblems status={status.data} />
        {view === 'calendar' ? (
          <CalendarPanel selectedId={selectedId} onOpen={(id) => setSelectedId(id)} />
        ) : view === 'media' ? (
          <MediaPanel stories={live.data?.pages.flatMap((page) => page.items) ?? []} onOpenStory={(id) => setSelectedId(id)} />
        ) : (
          <>
            <input type="search" className="story-search" aria-label={t('library.search')} placeholder={t('library.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
            <StoryFilters value={filters} onChange={setFilters} />
            <StoryList trashed={view === 'trash'} query={query} filters={filters} selectedId={selectedId} onOpen={open} onRestore={(s) => void restoreFromList(s)} />
          </>
        )}
      </nav>
      {selectedId ? (
        <StoryWorkspace key={`${selectedId}:${epoch}`} id={selectedId} isNew={selectedId === newStoryId} onTrash={(s) => void afterTrash(s)} onRestore={(s) => void afterRestore(s)} />
      ) : (
        <EmptyWorkspace message={t('editor.noStory')} />
      )}
      {showShortcuts && <ShortcutsSheet onClose={() => setShowShortcuts(false)} />}
      {settingsShown && <SettingsDialog section={settingsShown.section} onClose={closeSettings} backups={<BackupSection />} />}
      <OutboxHost />
      <RestoreUndoOffer />
      <Toasts />
    </div>
  );
}
