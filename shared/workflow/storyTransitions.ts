import type { Story, StoryStatus, WorkflowStatus } from '../story/storySchema';
import { zonedInstant } from '../schedule/zonedInstantSchema';
import { newsroomTimeZone } from '../text/formatDateTime';
import { checklistFor, type ChecklistContext, type ChecklistItem } from './prePublishChecklist';

/**
 * The desk's moves, declared once: from each status, where a story may go next.
 *
 * "Spiked" is the trash. A story is spiked exactly when its `trashedAt` is set; its stored `status` is left as it
 * was. The trash already has everything a spike needs (the list's trash view, 30 days' keeping, restore, the
 * backup's purge), and a second field saying the same thing could disagree with it: a story "spiked" but not in
 * the trash, or in the trash but "ready". So 'spiked' is a name for that state in this table, never a stored value.
 */
export const storyTransitions: Record<WorkflowStatus, readonly WorkflowStatus[]> = {
  draft: ['submitted', 'spiked'],
  submitted: ['ready', 'draft', 'spiked'],
  ready: ['scheduled', 'published', 'draft', 'spiked'],
  // A scheduled or published story is on its way to readers: it is unscheduled or unpublished before anything else.
  scheduled: ['ready', 'published'],
  published: ['killed'],
  killed: ['draft', 'spiked'],
  // Out of the trash a story starts again as a draft.
  spiked: ['draft'],
};

/** Where the story stands as the desk names it: its status, or 'spiked' while it is in the trash. */
export function workflowStatusOf(story: Pick<Story, 'status' | 'trashedAt'>): WorkflowStatus {
  return story.trashedAt ? 'spiked' : story.status;
}

/** Whether the story is on its way to readers (scheduled or published, not in the trash): what the targets hold. */
export function goesToReaders(story: Pick<Story, 'status' | 'trashedAt'>): boolean {
  return story.trashedAt === null && (story.status === 'scheduled' || story.status === 'published');
}

/** The moves open from this status, in the order the buttons show them. */
export function nextStatuses(from: WorkflowStatus): readonly WorkflowStatus[] {
  return storyTransitions[from];
}

export type TransitionVerdict =
  | { allowed: true; items: ChecklistItem[] }
  | { allowed: false; reason: 'same_status' | 'not_allowed' | 'checklist_errors' | 'checklist_warnings'; items: ChecklistItem[] };

/**
 * Whether the story may move to `to`, and if not, why: the table forbids it, or the checks for that move found
 * errors (never overridable) or only warnings (allowed once `acceptWarnings` is set). `items` is every problem
 * the checks found, so the caller can show them all at once.
 */
export function checkTransition(story: Story, to: WorkflowStatus, context: ChecklistContext & { acceptWarnings?: boolean }): TransitionVerdict {
  const from = workflowStatusOf(story);
  if (from === to) return { allowed: false, reason: 'same_status', items: [] };
  if (!storyTransitions[from].includes(to)) return { allowed: false, reason: 'not_allowed', items: [] };
  const items = checklistFor(story, to, context);
  if (items.some((item) => item.severity === 'error')) return { allowed: false, reason: 'checklist_errors', items };
  if (items.length && !context.acceptWarnings) return { allowed: false, reason: 'checklist_warnings', items };
  return { allowed: true, items };
}

/**
 * The story after the move, its time recorded; the caller has checked the move with `checkTransition`. A move to
 * 'scheduled' takes the publish time asked for (`publishAt`, any offset), kept with the newsroom's `timeZone`;
 * a move to 'published' takes it as the moment the story went out, now by default.
 */
export function applyTransition(story: Story, to: WorkflowStatus, at: string, schedule?: { publishAt?: string; timeZone: string }): Story {
  const statusHistory = [...(story.statusHistory ?? []), { status: to, at }];
  if (to === 'spiked') return { ...story, trashedAt: story.trashedAt ?? at, statusHistory };
  // Leaving the trash (the only way out is to draft) clears it; any other move keeps the story where it is.
  const moved: Story = { ...story, status: to as StoryStatus, trashedAt: null, statusHistory };
  const timeZone = schedule?.timeZone ?? story.publishAt?.timeZone ?? newsroomTimeZone;
  if (to === 'scheduled') moved.publishAt = schedule?.publishAt ? zonedInstant(schedule.publishAt, timeZone) : null;
  // Published now (the desk's move, even on a scheduled story): the calendar files it under the moment it went
  // out, unless the caller says when the site put it out.
  else if (to === 'published') moved.publishAt = zonedInstant(schedule?.publishAt ?? at, timeZone);
  // Unscheduled: the old time would otherwise still sit on the calendar.
  else if (story.status === 'scheduled') moved.publishAt = null;
  return moved;
}

/** A plain-English account of a refusal, for logs and the error's message; the UI shows the items in its own words. */
export function describeRefusal(story: Story, to: WorkflowStatus, verdict: Extract<TransitionVerdict, { allowed: false }>): string {
  const from = workflowStatusOf(story);
  switch (verdict.reason) {
    case 'same_status':
      return `story ${story.id} is already ${to}`;
    case 'not_allowed':
      return `a story cannot move from ${from} to ${to}; from ${from} it may go to ${storyTransitions[from].join(', ') || 'nowhere'}`;
    case 'checklist_errors':
    case 'checklist_warnings': {
      const shown = verdict.reason === 'checklist_errors' ? verdict.items.filter((item) => item.severity === 'error') : verdict.items;
      const what = verdict.reason === 'checklist_errors' ? 'it has problems' : 'it has warnings not yet accepted';
      return `story ${story.id} cannot move to ${to}: ${what}: ${shown.map((item) => item.text).join('; ')}`;
    }
  }
}
