import type { MethodInput, MethodOutput } from '../../shared/api/contract';
import { storiesInRange } from '../../shared/schedule/storiesInRange';
import type { WorkflowStatus } from '../../shared/story/storySchema';
import { countStoryWords } from '../../shared/text/countStoryWords';
import { checklistFor, deliveryHolds } from '../../shared/workflow/prePublishChecklist';
import type { SettingsStore } from '../settings/SettingsStore';
import type { StoryStore } from '../store/StoryStore';
import { checklistContext, transitionStory } from './storyWorkflow';

export interface StoryDeskOptions {
  stories: StoryStore;
  settings: SettingsStore;
  /** The publishing targets set up now, by name: the checklist names a missing one. */
  destinations: () => string[];
  now?: () => Date;
}

/** The desk's view of the stories: moves between statuses, the checks a move makes, and the calendar. */
export class StoryDesk {
  private readonly now: () => Date;

  constructor(private readonly options: StoryDeskOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Moves the story to `to` (see transitionStory). */
  transition(id: string, to: WorkflowStatus, options: { acceptWarnings?: boolean; publishAt?: string } = {}) {
    return transitionStory(this.options.stories, this.options.settings.get(), id, to, options);
  }

  /** What the checks for a move to `to` find in the story as saved, without moving it, and its word count. */
  async checklist(id: string, to: WorkflowStatus, publishAt?: string): Promise<MethodOutput<'stories.checklist'>> {
    const { stories, settings } = this.options;
    const story = await stories.get(id);
    const context = { ...checklistContext(stories, settings.get(), id), now: this.now().toISOString(), publishAt, destinations: this.options.destinations() };
    return { items: checklistFor(story, to, context), words: countStoryWords(story) };
  }

  /** What holds back the delivery of the story as saved (its checklist errors, for a story that goes out). */
  async holds(id: string): Promise<MethodOutput<'stories.holds'>> {
    const { stories, settings } = this.options;
    return { items: deliveryHolds(await stories.get(id), checklistContext(stories, settings.get(), id)) };
  }

  /** The live stories with a planned moment in the range, and with `overdue` those late now (see storiesInRange). */
  calendar(range: MethodInput<'stories.calendar'>): MethodOutput<'stories.calendar'> {
    return { items: storiesInRange(this.options.stories.summaries(), range, this.now().getTime()) };
  }
}
