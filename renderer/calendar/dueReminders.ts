import type { StorySummary } from '../../shared/story/storySchema';

/** A reminder of one planned moment of one story; `key` changes when the moment does, so a moved deadline reminds again. */
export interface Reminder {
  key: string;
  storyId: string;
  headline: string;
  /** A deadline not yet met, or a scheduled story about to go to readers. */
  kind: 'deadline' | 'publishAt';
  /** UTC ISO. */
  at: string;
}

/**
 * What to remind the reporter of at `now`: deadlines within `windowMs` of a story not yet filed (a draft, or
 * one waiting for the desk), and scheduled stories going out within it. A deadline already met needs no alarm.
 */
export function dueReminders(stories: readonly StorySummary[], now: number, windowMs: number): Reminder[] {
  const within = (at: string) => Date.parse(at) >= now && Date.parse(at) <= now + windowMs;
  const reminders: Reminder[] = [];
  for (const story of stories) {
    if (story.trashedAt) continue;
    if ((story.status === 'draft' || story.status === 'submitted') && story.deadline && within(story.deadline.at)) {
      reminders.push({ key: `${story.id}|deadline|${story.deadline.at}`, storyId: story.id, headline: story.headline, kind: 'deadline', at: story.deadline.at });
    }
    if (story.status === 'scheduled' && story.publishAt && within(story.publishAt.at)) {
      reminders.push({ key: `${story.id}|publishAt|${story.publishAt.at}`, storyId: story.id, headline: story.headline, kind: 'publishAt', at: story.publishAt.at });
    }
  }
  return reminders.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
