import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../shared/story/storySchema';
import { formatVietnameseDateTime } from '../../shared/text/vietnameseDate';
import { api } from '../api/datelineApi';
import { dropFromTab, newerEntry, readFromTab } from './unsavedInTab';
import { storyKeys } from '../library/queries';

interface RecoveryBannerProps {
  /** The story as it was opened: the kept text is offered when it was typed on top of this revision. */
  story: Story;
  timeZone: string;
  /** Saves what is pending in the autosave, so the kept text is written over the story as it is now. */
  beforeRecover: () => Promise<void>;
  /** Called once the kept text is saved, to reload the editor with it. */
  onRecovered: () => Promise<void>;
}

const textOf = (s: Pick<Story, 'kicker' | 'headline' | 'sapo' | 'body'>) => JSON.stringify([s.kicker, s.headline, s.sapo, s.body]);

/**
 * Text typed after the last save, found in the recovery journal when the story opens (the app was closed or
 * crashed before it could save). The reporter takes it back, which saves it, or lets it go.
 */
export function RecoveryBanner({ story, timeZone, beforeRecover, onRecovered }: RecoveryBannerProps) {
  const { t, i18n } = useTranslation();
  // Also what a tab refused by a restarted web host kept in the browser (unsavedInTab.ts), when typed later.
  const recovery = useQuery({
    queryKey: storyKeys.recovery(story.id),
    queryFn: async () => ({ entry: newerEntry((await api.recovery.get({ id: story.id })).entry, readFromTab(window.localStorage, story.id)) }),
    staleTime: Infinity,
    gcTime: 0,
  });
  const [settled, setSettled] = useState(false);
  const entry = recovery.data?.entry;
  if (!entry || settled || entry.baseRevision !== story.revision) return null;
  const kept = { kicker: story.kicker, headline: story.headline, sapo: story.sapo, body: story.body, ...entry.changes };
  if (textOf(kept) === textOf(story)) return null;

  const recover = async () => {
    setSettled(true);
    // Like the history's restores: what is pending is saved first, and the kept text goes on top of it.
    await beforeRecover();
    const current = await api.stories.get({ id: story.id });
    await api.stories.update({ id: story.id, baseRevision: current.revision, changes: entry.changes });
    await api.recovery.discard({ id: story.id });
    dropFromTab(window.localStorage, story.id);
    await onRecovered();
  };
  const discard = () => {
    setSettled(true);
    void api.recovery.discard({ id: story.id });
    dropFromTab(window.localStorage, story.id);
  };
  return (
    <div className="banner banner-warning banner-recovery" role="alert">
      <span>{t('recovery.found', { time: formatVietnameseDateTime(entry.savedAt, timeZone, i18n.language) })}</span>
      <button type="button" onClick={() => void recover()}>
        {t('recovery.restore')}
      </button>
      <button type="button" onClick={discard}>
        {t('recovery.discard')}
      </button>
    </div>
  );
}
