import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Story } from '../../shared/story/storySchema';
import { api, isDesktop } from '../api/datelineApi';
import { isTokenRejected } from '../api/httpBridge';
import { refreshReminders } from '../calendar/useDeadlineReminders';
import { AutosaveController, type SaveState } from './AutosaveController';
import { dropFromTab, keepInTab } from './unsavedInTab';
import { storyKeys } from '../library/queries';

/**
 * One autosave controller per open story, flushed when the story is switched away from, when the window is
 * hidden or closed, and when the connection comes back after a failed save.
 */
export function useAutosave(story: Story): { controller: AutosaveController; saveState: SaveState } {
  const queryClient = useQueryClient();
  const [controller] = useState(() => {
    // The deadline as last saved: only a save that moves it asks the reminders again, not every autosave.
    let savedDeadline = story.deadline?.at ?? null;
    return new AutosaveController(
      story.id,
      story,
      (id, baseRevision, changes) => api.stories.update({ id, baseRevision, changes }),
      (saved) => {
        queryClient.setQueryData(storyKeys.one(saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: storyKeys.lists });
        if ((saved.deadline?.at ?? null) !== savedDeadline) {
          savedDeadline = saved.deadline?.at ?? null;
          void refreshReminders(queryClient);
        }
      },
      800,
      {
        keep: (baseRevision, changes) =>
          api.recovery.save({ id: story.id, baseRevision, changes }).catch((error: unknown) => {
            // The web host has a new token and refuses this tab: the text goes to the browser's storage, where a
            // tab opened at the new address finds it (unsavedInTab.ts); the editor keeps it meanwhile.
            if (isTokenRejected(error)) keepInTab(window.localStorage, story.id, baseRevision, changes);
            throw error;
          }),
        drop: () => {
          dropFromTab(window.localStorage, story.id);
          return api.recovery.discard({ id: story.id });
        },
      },
    );
  });
  const saveState = useSyncExternalStore(controller.subscribe, controller.getState);
  const keptCopy = saveState.kind === 'failed' ? (saveState.error.details as { conflictCopyId?: string } | undefined)?.conflictCopyId : undefined;
  useEffect(() => {
    // A version kept from another program is a new story: the list shows it at once.
    if (keptCopy) void queryClient.invalidateQueries({ queryKey: storyKeys.lists });
  }, [keptCopy, queryClient]);

  useEffect(() => {
    const flush = () => void controller.flush();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!controller.hasUnsavedChanges) return;
      // Hold the window open until the last words are on disk; in Electron, close it once they are.
      event.preventDefault();
      void controller.flush().then(() => {
        if (isDesktop && !controller.hasUnsavedChanges) window.close();
      });
    };
    window.addEventListener('online', flush);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('online', flush);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
      // Switching stories: the pending save still runs to the end after this component is gone.
      void controller.flush();
    };
  }, [controller]);

  return { controller, saveState };
}
