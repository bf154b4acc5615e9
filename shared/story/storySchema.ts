import { z } from 'zod';
import { mediaIdSchema } from '../media/mediaSchema';
import { zonedInstantSchema } from '../schedule/zonedInstantSchema';
import { documentProblem } from './documentLimits';
import { figuresOf } from './storyDocument';
import { storyTypes } from './storyTypes';

/** A Tiptap (ProseMirror) JSON node. Checked for shape only: the editor's schema decides what nodes mean. */
export interface TiptapNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export const tiptapNodeSchema: z.ZodType<TiptapNode, TiptapNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(tiptapNodeSchema).optional(),
    marks: z.array(z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()).optional() })).optional(),
    text: z.string().optional(),
  }),
);

/**
 * A story's body. Its depth and keys are checked first, without recursion (documentProblem), and the recursive
 * shape check runs only on a body that passed, so a body nested thousands deep is refused, not a stack overflow:
 * through the API as invalid_input, and in a story file as "not a valid story", which the store moves aside.
 */
export const tiptapDocSchema = z
  .custom<TiptapNode>()
  .superRefine((value, ctx) => {
    const problem = documentProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  })
  .pipe(tiptapNodeSchema)
  .refine((node) => node.type === 'doc', {
    message: 'the body must be a Tiptap document (type "doc")',
  });

export const emptyDoc: TiptapNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/**
 * Where a story stands on the desk (see shared/workflow/storyTransitions.ts for the moves between them): nháp,
 * chờ duyệt, đã duyệt, hẹn giờ, đã đăng, đã gỡ. "Spiked" is not stored here: it is the trash (`trashedAt`).
 */
export const storyStatuses = ['draft', 'submitted', 'ready', 'scheduled', 'published', 'killed'] as const;
export const storyStatusSchema = z.enum(storyStatuses);
export type StoryStatus = z.infer<typeof storyStatusSchema>;

/** A status as the desk names it: a stored status, or 'spiked' for a story in the trash. */
export const workflowStatusSchema = z.enum([...storyStatuses, 'spiked']);
export type WorkflowStatus = z.infer<typeof workflowStatusSchema>;

export const storyIdSchema = z.string().regex(/^[a-z0-9-]{8,64}$/, 'a story id is 8–64 lower-case letters, digits or dashes');

const shortText = (max: number) => z.string().max(max);

/** The version of the story file's shape; older files are upgraded by electron/store/migrations when read. */
export const storySchemaVersion = 3;

export const storySchema = z.object({
  schemaVersion: z.literal(storySchemaVersion),
  id: storyIdSchema,
  /** The small line above the headline (tít phụ / kicker). */
  kicker: shortText(300),
  headline: shortText(500),
  /** The bold lead paragraph. */
  sapo: shortText(5_000),
  body: tiptapDocSchema,
  status: storyStatusSchema,
  /** The chuyên mục, chosen from the newsroom's list in settings. */
  category: shortText(200),
  tags: z.array(shortText(100)).max(100),
  bylines: z.array(shortText(200)).max(20),
  /** The dateline place, e.g. "Quảng Ninh". */
  dateline: shortText(200),
  /** The source line, e.g. "Theo: nhandan.vn"; empty for an original story. */
  source: shortText(300),
  /**
   * Whether the newsroom's own reporters wrote the story. One taken from elsewhere (a wire, another paper) is
   * not, and may not be published without its source line. Absent (read as original) in stories from before it.
   */
  original: z.boolean().optional(),
  /** A note for the desk, never published. */
  ednote: shortText(10_000),
  storyType: z.enum(storyTypes),
  /** The ảnh đại diện: a photo from the media library with its own caption, shown above or beside the story. */
  featuredImage: z.object({ mediaId: mediaIdSchema, caption: shortText(2_000), alt: shortText(2_000) }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Rises by one on every saved change; a write based on an older revision is refused as a conflict. */
  revision: z.number().int().min(1),
  /** Set while the story is in the trash. */
  trashedAt: z.iso.datetime({ offset: true }).nullable(),
  /**
   * Each change of status with its time, oldest first. Absent (read as none) in stories from before the
   * workflow, so their files load unchanged and need no migration.
   */
  statusHistory: z.array(z.object({ status: workflowStatusSchema, at: z.iso.datetime({ offset: true }) })).max(10_000).optional(),
  /**
   * When the story goes to readers: set by scheduling it (hẹn giờ) or publishing it now, cleared when it is
   * unscheduled. Absent in stories from before scheduling, read as none.
   */
  publishAt: zonedInstantSchema.nullable().optional(),
  /** Not to be published before this moment (cấm đăng trước), e.g. a report under a source's embargo. */
  embargo: zonedInstantSchema.nullable().optional(),
  /** When the desk expects the story filed; the agenda and the reminders count down to it. */
  deadline: zonedInstantSchema.nullable().optional(),
});
export type Story = z.infer<typeof storySchema>;

/** The fields a reporter edits: what `stories.create` and `stories.update` accept. */
export const storyChangesSchema = storySchema
  .pick({
    kicker: true,
    headline: true,
    sapo: true,
    body: true,
    category: true,
    tags: true,
    bylines: true,
    dateline: true,
    source: true,
    original: true,
    ednote: true,
    storyType: true,
    featuredImage: true,
    embargo: true,
    deadline: true,
  })
  .partial()
  .strict();
export type StoryChanges = z.infer<typeof storyChangesSchema>;

/** The plan beside the words (when it is due, when it may go): a history restore leaves it as it is now. */
const scheduleFields: readonly string[] = ['embargo', 'deadline'];

/**
 * What a version of the story holds of the reporter's work: every field `stories.update` takes but the plan.
 * Taken from the schema, so a field added there is restored with the rest without anyone remembering to.
 */
export const storyContentFields = (Object.keys(storyChangesSchema.shape) as (keyof StoryChanges)[]).filter((field) => !scheduleFields.includes(field));

/** The metadata compared and restored one field at a time in the history, as text, in the order the panel shows them. */
export const storyMetadataFields = ['kicker', 'category', 'tags', 'bylines', 'dateline', 'source', 'ednote', 'storyType'] as const satisfies readonly (keyof StoryChanges)[];

export const storySummarySchema = storySchema
  .pick({
    id: true,
    kicker: true,
    headline: true,
    status: true,
    category: true,
    tags: true,
    bylines: true,
    storyType: true,
    createdAt: true,
    updatedAt: true,
    revision: true,
    trashedAt: true,
    publishAt: true,
    embargo: true,
    deadline: true,
  })
  .extend({
    /** Every photo the story uses, in its figures or as its featured image. */
    mediaIds: z.array(z.string()),
  });
export type StorySummary = z.infer<typeof storySummarySchema>;

/**
 * What the library list, its filters and the photo usage need of a story, and no more: 10,000 of these are
 * read each time the library opens. (An excerpt of the sapo was here and no screen showed it; it was half the
 * index's bytes.)
 */
export function summarizeStory(story: Story): StorySummary {
  const { id, kicker, headline, status, category, tags, bylines, storyType, createdAt, updatedAt, revision, trashedAt } = story;
  const summary: StorySummary = { id, kicker, headline, status, category, tags, bylines, storyType, createdAt, updatedAt, revision, trashedAt, mediaIds: mediaIdsOf(story) };
  // Only the times that are set: most stories have none, and the index holds 10,000 summaries.
  if (story.publishAt) summary.publishAt = story.publishAt;
  if (story.embargo) summary.embargo = story.embargo;
  if (story.deadline) summary.deadline = story.deadline;
  return summary;
}

/** The photos a story uses: each figure's and the featured image's, once each. */
export function mediaIdsOf(story: Pick<Story, 'body' | 'featuredImage'>): string[] {
  const ids = new Set<string>();
  for (const figure of figuresOf(story.body)) if (typeof figure.attrs?.mediaId === 'string') ids.add(figure.attrs.mediaId);
  if (story.featuredImage) ids.add(story.featuredImage.mediaId);
  return [...ids];
}
