import { z } from 'zod';
import { figuresOf, plainText } from '../story/storyDocument';
import type { Story, WorkflowStatus } from '../story/storySchema';

const checklistSeveritySchema = z.enum(['error', 'warning']);
export type ChecklistSeverity = z.infer<typeof checklistSeveritySchema>;

/** A field the reporter fixes an item in: a story field, or `figure:<n>` for the n-th photo in the body (from 1). */
const checklistFieldSchema = z.union([
  z.enum(['headline', 'sapo', 'category', 'source', 'featuredImage', 'publishAt', 'embargo', 'destination']),
  z.templateLiteral(['figure:', z.number()]),
]);
export type ChecklistField = z.infer<typeof checklistFieldSchema>;

/** One problem the checks found, as the API carries it too. */
export const checklistItemSchema = z.object({
  /** Unique within one checklist, e.g. `figure-caption-2`. */
  id: z.string(),
  /** An error blocks the move; a warning blocks it until the reporter accepts it. */
  severity: checklistSeveritySchema,
  /** The i18n key the UI words it with, under `checklist.` (e.g. `checklist.figureCaption`), with `params`. */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  field: checklistFieldSchema,
  /** The same in plain English, for error messages and logs. */
  text: z.string(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export interface ChecklistLimits {
  headlineMaxLength: number;
  sapoMaxLength: number;
}

export interface ChecklistContext {
  limits: ChecklistLimits;
  /** The headlines of the library's other live stories, for the duplicate check. */
  otherHeadlines: readonly string[];
  /** The moment of the check, for the schedule's checks (UTC ISO); without it they are skipped. */
  now?: string;
  /** The publish time a move to 'scheduled' asks for (UTC ISO). */
  publishAt?: string | null;
  /**
   * The delivery targets set up now (WordPress, a folder), for the destination check; without it the check is
   * skipped. The move itself never asks for it: a story may go out with nowhere to send it and be delivered once
   * a target is set up, but the reporter is told before the move, not after.
   */
  destinations?: readonly string[];
}

type Checked = Pick<Story, 'headline' | 'sapo' | 'body' | 'category' | 'source' | 'original' | 'featuredImage' | 'embargo'>;

const item = (severity: ChecklistSeverity, id: string, field: ChecklistField, messageKey: string, text: string, params?: ChecklistItem['params']): ChecklistItem =>
  params ? { id, severity, messageKey: `checklist.${messageKey}`, params, field, text } : { id, severity, messageKey: `checklist.${messageKey}`, field, text };

/** What a story needs before the desk may approve it (đã duyệt): a headline, a sapo and a caption under every photo. */
function readinessChecklist(story: Checked): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  if (!story.headline.trim()) items.push(item('error', 'headline-missing', 'headline', 'headlineMissing', 'the story has no headline'));
  if (!story.sapo.trim()) items.push(item('error', 'sapo-missing', 'sapo', 'sapoMissing', 'the story has no sapo'));
  figuresOf(story.body).forEach((figure, i) => {
    if (!plainText(figure).trim()) items.push(item('error', `figure-caption-${i + 1}`, `figure:${i + 1}`, 'figureCaption', `photo ${i + 1} has no caption`, { n: i + 1 }));
  });
  return items;
}

/** Headlines compared as a reader sees them: the same words, whatever the case, spacing or Unicode form. */
export function sameHeadline(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * The pre-publish checklist: every problem at once, errors first in the story's own order. Errors (something
 * missing) block scheduling and publishing; warnings (a length over the newsroom's limit, a headline the library
 * already has) can be accepted by the reporter.
 */
export function prePublishChecklist(story: Checked, context: ChecklistContext): ChecklistItem[] {
  const { headlineMaxLength, sapoMaxLength } = context.limits;
  const items: ChecklistItem[] = [];
  const headline = story.headline.trim();
  const sapo = story.sapo.trim();
  if (!headline) items.push(item('error', 'headline-missing', 'headline', 'headlineMissing', 'the story has no headline'));
  if (!sapo) items.push(item('error', 'sapo-missing', 'sapo', 'sapoMissing', 'the story has no sapo'));
  if (!story.category.trim()) items.push(item('error', 'category-missing', 'category', 'categoryMissing', 'the story has no category'));
  if (story.original === false && !story.source.trim()) {
    items.push(item('error', 'source-missing', 'source', 'sourceMissing', 'the story is not original and has no source line'));
  }
  figuresOf(story.body).forEach((figure, i) => {
    const n = i + 1;
    if (!plainText(figure).trim()) items.push(item('error', `figure-caption-${n}`, `figure:${n}`, 'figureCaption', `photo ${n} has no caption`, { n }));
    const credit = typeof figure.attrs?.credit === 'string' ? figure.attrs.credit.trim() : '';
    if (!credit) items.push(item('error', `figure-credit-${n}`, `figure:${n}`, 'figureCredit', `photo ${n} has no credit`, { n }));
  });
  if (!story.featuredImage) items.push(item('error', 'featured-missing', 'featuredImage', 'featuredMissing', 'no featured image is set'));

  const headlineLength = [...headline].length;
  if (headlineLength > headlineMaxLength) {
    items.push(item('warning', 'headline-long', 'headline', 'headlineLong', `the headline has ${headlineLength} characters, over the limit of ${headlineMaxLength}`, { length: headlineLength, max: headlineMaxLength }));
  }
  const sapoLength = [...sapo].length;
  if (sapoLength > sapoMaxLength) {
    items.push(item('warning', 'sapo-long', 'sapo', 'sapoLong', `the sapo has ${sapoLength} characters, over the limit of ${sapoMaxLength}`, { length: sapoLength, max: sapoMaxLength }));
  }
  if (context.otherHeadlines.some((other) => sameHeadline(other, headline))) {
    items.push(item('warning', 'headline-duplicate', 'headline', 'headlineDuplicate', 'another story in the library has the same headline'));
  }
  return items.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** The checks a move to `to` runs: the readiness rules for approval, the whole checklist before going out. */
export function checklistFor(story: Checked, to: WorkflowStatus, context: ChecklistContext): ChecklistItem[] {
  if (to === 'ready') return readinessChecklist(story);
  if (to === 'scheduled' || to === 'published') {
    const items = [...prePublishChecklist(story, context), ...scheduleChecklist(story, to, context), ...destinationChecklist(context)];
    return items.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  }
  return [];
}

/** Nowhere to send the story: a warning, so the reporter knows before the move that it will only be marked. */
function destinationChecklist(context: ChecklistContext): ChecklistItem[] {
  if (!context.destinations || context.destinations.length > 0) return [];
  return [item('warning', 'destination-missing', 'destination', 'destinationMissing', 'no publishing target is set up (WordPress or a folder): the story would be marked published without being sent anywhere')];
}

/**
 * The checklist errors that hold back a story already on its way (approved, scheduled or published) after an
 * edit: the same rules a move to 'published' runs, less those about when it goes and where, which the move
 * checked. Empty when the story may be delivered as it is, and for a story not on its way.
 */
export function deliveryHolds(story: Checked & { status: string }, context: Pick<ChecklistContext, 'limits' | 'otherHeadlines'>): ChecklistItem[] {
  if (story.status !== 'ready' && story.status !== 'scheduled' && story.status !== 'published') return [];
  return prePublishChecklist(story, context).filter((found) => found.severity === 'error');
}

/**
 * When the story may go: a scheduled story needs a publish time still to come, and nothing goes out before its
 * embargo. Instants are compared as Dates, so any offset spelling of the same moment compares equal.
 */
function scheduleChecklist(story: Checked, to: 'scheduled' | 'published', context: ChecklistContext): ChecklistItem[] {
  if (!context.now) return [];
  const now = Date.parse(context.now);
  const items: ChecklistItem[] = [];
  const goesAt = to === 'scheduled' ? context.publishAt : context.now;
  if (to === 'scheduled') {
    if (!context.publishAt) items.push(item('error', 'publish-time-missing', 'publishAt', 'publishTimeMissing', 'no publish time is set'));
    else if (Date.parse(context.publishAt) <= now) items.push(item('error', 'publish-time-past', 'publishAt', 'publishTimePast', 'the publish time has already passed'));
  }
  const embargo = story.embargo?.at;
  if (embargo && goesAt && Date.parse(goesAt) < Date.parse(embargo)) {
    items.push(item('error', 'embargo', 'embargo', 'embargo', `the story is under embargo until ${embargo}`, { until: embargo, timeZone: story.embargo!.timeZone }));
  }
  return items;
}
