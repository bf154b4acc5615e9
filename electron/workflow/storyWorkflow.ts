import { DatelineError } from '../../shared/api/DatelineError';
import type { Settings } from '../../shared/settings/settingsSchema';
import type { WorkflowStatus } from '../../shared/story/storySchema';
import type { ChecklistContext } from '../../shared/workflow/prePublishChecklist';
import { applyTransition, checkTransition, describeRefusal, workflowStatusOf } from '../../shared/workflow/storyTransitions';
import type { StoryStore } from '../store/StoryStore';

/** What the checks need beyond the story: the newsroom's limits, and the other live stories' headlines. */
export function checklistContext(stories: StoryStore, settings: Settings, id: string): ChecklistContext {
  return {
    limits: { headlineMaxLength: settings.headlineMaxLength, sapoMaxLength: settings.sapoMaxLength },
    otherHeadlines: stories
      .summaries()
      .filter((summary) => summary.id !== id && summary.trashedAt === null)
      .map((summary) => summary.headline),
  };
}

/**
 * Moves a story through the store, checked against the story as it is on disk at that moment. A refusal writes
 * nothing and fails as `invalid_transition`, its details carrying every checklist item for the UI to show.
 */
export function transitionStory(stories: StoryStore, settings: Settings, id: string, to: WorkflowStatus, options: { acceptWarnings?: boolean; publishAt?: string } = {}) {
  const publishAt = to === 'scheduled' ? options.publishAt : undefined;
  return stories.transition(id, (current, at) => {
    const verdict = checkTransition(current, to, { ...checklistContext(stories, settings, id), acceptWarnings: options.acceptWarnings ?? false, now: at, publishAt });
    if (!verdict.allowed) {
      throw new DatelineError('invalid_transition', describeRefusal(current, to, verdict), {
        from: workflowStatusOf(current),
        to,
        reason: verdict.reason,
        items: verdict.items,
      });
    }
    return applyTransition(current, to, at, { publishAt, timeZone: settings.timeZone });
  });
}

/** The site published a scheduled story by its own clock: the story follows, unless it has moved on since. */
export async function markPublished(stories: StoryStore, id: string): Promise<void> {
  if (stories.summary(id)?.status !== 'scheduled') return;
  await stories.transition(id, (current, at) => {
    if (current.status !== 'scheduled' || !current.publishAt) throw new DatelineError('conflict', `story ${id} is no longer scheduled`);
    // Out at the time it was scheduled for, which the calendar keeps.
    return applyTransition(current, 'published', at, { publishAt: current.publishAt.at, timeZone: current.publishAt.timeZone });
  });
}
