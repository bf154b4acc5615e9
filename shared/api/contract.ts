import { z } from 'zod';
import { keepReasonSchema, versionEntrySchema, versionIdSchema } from '../history/historySchema';
import { recoveryEntrySchema } from '../story/recoverySchema';
import { mediaIdSchema, mediaItemSchema, mediaListItemSchema } from '../media/mediaSchema';
import { exportFormats } from '../export/exportFormats';
import { libraryProblemSchema } from '../library/libraryProblem';
import { connectionTestSchema, jobIdSchema, outboxListSchema, publishingStatusSchema, publishTargetSchema } from '../publish/outboxSchema';
import { instantInputSchema } from '../schedule/zonedInstantSchema';
import { settingsSchema } from '../settings/settingsSchema';
import { storyChangesSchema, storyIdSchema, storySchema, storyStatusSchema, storySummarySchema, workflowStatusSchema } from '../story/storySchema';
import { checklistItemSchema } from '../workflow/prePublishChecklist';

// The one declaration of the API. The preload bridge, the IPC registration, the web host's routes and the
// renderer's client are all built from this table by a loop: adding a method means adding one entry here.

const byId = z.object({ id: storyIdSchema }).strict();

/** A file to import, as sent from a drop or a file dialog; 60 MB covers a Word file full of photos. */
const importedFileSchema = z
  .object({ fileName: z.string().trim().min(1).max(255), dataBase64: z.string().min(1).max(90_000_000) })
  .strict();

/** A file in the backup folder: a bare name, no separators, no `..`, so it can never point anywhere else. */
const backupFileNameSchema = z
  .string()
  .max(200)
  .regex(/^[\w.-]+\.zip$/, 'a backup is named by its file name alone')
  .refine((name) => !name.includes('..'), 'a backup is named by its file name alone');

const backupItemSchema = z.object({
  fileName: backupFileNameSchema,
  createdAt: z.iso.datetime({ offset: true }),
  bytes: z.number().int(),
  /** Automatic backups kept as one of the last 7 days, or as one of the 4 weeks before; or made by hand. */
  kind: z.enum(['daily', 'weekly', 'manual']),
  /** The library a restore replaced, kept as a backup of its own. */
  beforeRestore: z.boolean(),
});

export const contract = {
  'stories.list': {
    input: z
      .object({
        cursor: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        /** List the trash instead of the live stories. */
        trashed: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      items: z.array(storySummarySchema),
      nextCursor: z.string().optional(),
      /** How many stories the whole list holds, for the list's length before every page is loaded. */
      total: z.number().int(),
    }),
  },
  'stories.get': { input: byId, output: storySchema },
  'stories.search': {
    input: z
      .object({
        /** Words with or without marks; the last one may be unfinished. Empty lists every story. */
        query: z.string().max(500),
        filters: z
          .object({
            status: z.array(storyStatusSchema).optional(),
            category: z.string().max(200).optional(),
            tags: z.array(z.string().max(100)).max(20).optional(),
            author: z.string().max(200).optional(),
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
            trashed: z.boolean().optional(),
          })
          .strict()
          .optional(),
        sort: z.enum(['relevance', 'updated', 'headline']).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    output: z.object({
      items: z.array(
        storySummarySchema.extend({
          score: z.number(),
          /** Where the query's words stand in the headline, as [start, end) character offsets. */
          highlights: z.array(z.tuple([z.number(), z.number()])),
        }),
      ),
      total: z.number().int(),
      /** 'folded' when the query has marked words that no story spells as typed: the items then match without marks. */
      fallback: z.literal('folded').optional(),
    }),
  },
  'stories.create': { input: storyChangesSchema, output: storySchema },
  'stories.update': {
    input: z.object({ id: storyIdSchema, baseRevision: z.number().int().min(1), changes: storyChangesSchema }).strict(),
    output: storySchema,
  },
  'stories.trash': { input: byId, output: storySchema },
  'stories.restore': { input: byId, output: storySchema },
  // Word in and out (issue #9): a story as a file, and a Word or HTML file as a new story.
  'stories.export': {
    input: z.object({ id: storyIdSchema, format: z.enum(exportFormats) }).strict(),
    output: z.object({
      /** The story's slug and the format's extension, e.g. `duong-ven-bien-thong-xe.docx`. */
      fileName: z.string(),
      mimeType: z.string(),
      dataBase64: z.string(),
    }),
  },
  'stories.importDocx': { input: importedFileSchema, output: storySchema },
  'stories.importHtml': { input: importedFileSchema, output: storySchema },
  // The desk workflow (issue #6): moves between statuses, as shared/workflow/storyTransitions.ts declares them.
  /**
   * Moves the story to `to` ('spiked' puts it in the trash). A move the table forbids, or whose checks find an
   * error, or warnings not accepted with `acceptWarnings`, fails as `invalid_transition` with every item in
   * `details.items`.
   */
  'stories.transition': {
    input: z
      .object({
        id: storyIdSchema,
        to: workflowStatusSchema,
        /** For 'scheduled': when the story goes out, an ISO 8601 instant with an offset; kept with the newsroom's zone. */
        publishAt: instantInputSchema.optional(),
        acceptWarnings: z.boolean().optional(),
      })
      .strict(),
    output: storySchema,
  },
  /** What the checks for a move to `to` find in the story as saved, without moving it. */
  'stories.checklist': {
    input: z.object({ id: storyIdSchema, to: workflowStatusSchema, publishAt: instantInputSchema.optional() }).strict(),
    /** `words`: the story's chữ as checked, by the count every place uses (countStoryWords). */
    output: z.object({ items: z.array(checklistItemSchema), words: z.number().int().nonnegative() }),
  },
  /**
   * What holds back the delivery of an approved, scheduled or published story as saved: its checklist errors
   * (the outbox sends nothing while there are any). Empty for any other story.
   */
  'stories.holds': {
    input: z.object({ id: storyIdSchema }).strict(),
    output: z.object({ items: z.array(checklistItemSchema) }),
  },
  /**
   * The live stories with a publish time, an embargo or a deadline in [from, to), for the calendar's days and
   * the agenda; `overdue` adds, whatever their day, stories past their deadline and not yet ready, and
   * scheduled stories past their publish time.
   */
  'stories.calendar': {
    input: z.object({ from: instantInputSchema, to: instantInputSchema, overdue: z.boolean().optional() }).strict(),
    output: z.object({ items: z.array(storySummarySchema) }),
  },
  'media.import': {
    input: z
      .object({
        fileName: z.string().trim().min(1).max(255),
        /** The photo's bytes; a 60 MB file is about 80 million base64 characters. */
        dataBase64: z.string().max(90_000_000),
      })
      .strict(),
    output: mediaItemSchema,
  },
  'media.list': {
    input: z
      .object({
        query: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        /** Only these photos (a story's), in this order; an id not in the library is left out. */
        ids: z.array(mediaIdSchema).max(1000).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(mediaListItemSchema) }),
  },
  'media.remove': {
    input: z.object({ id: mediaIdSchema }).strict(),
    output: z.object({ removed: z.literal(true) }),
  },
  /** Puts a removed photo back as it was (the undo of `media.remove`). */
  'media.restore': {
    input: z.object({ id: mediaIdSchema }).strict(),
    output: mediaItemSchema,
  },
  'library.status': {
    input: z.object({}).strict(),
    output: z.object({
      dataDir: z.string(),
      /** The library is on a read-only disk: it reads, searches and exports, and every save is refused. */
      readOnly: z.boolean(),
      /** Damaged files moved into quarantine/, told about (after restarts too) until dismissed. */
      quarantined: z.array(libraryProblemSchema),
    }),
  },
  /** The reporter has read the notice about these quarantined files (all when no ids): they stay on disk, unlisted. */
  'library.dismiss': {
    input: z.object({ ids: z.array(z.string().max(300)).max(1000).optional() }).strict(),
    output: z.object({ quarantined: z.array(libraryProblemSchema) }),
  },
  'history.list': { input: byId, output: z.object({ items: z.array(versionEntrySchema) }) },
  'history.get': { input: z.object({ id: storyIdSchema, versionId: versionIdSchema }).strict(), output: storySchema },
  /** Brings a version back as a new revision; the story as it was just before is kept as a version first. */
  'history.restore': { input: z.object({ id: storyIdSchema, versionId: versionIdSchema }).strict(), output: storySchema },
  /** Keeps the story as it is now as a version, at the reporter's request or just before a save that deletes much of it. */
  'history.keep': { input: z.object({ id: storyIdSchema, reason: keepReasonSchema.optional() }).strict(), output: versionEntrySchema },
  /** Keeps text typed since the last save aside (about once a second while typing); see RecoveryJournal. */
  'recovery.save': {
    input: z.object({ id: storyIdSchema, baseRevision: z.number().int().min(1), changes: recoveryEntrySchema.shape.changes }).strict(),
    output: z.object({ savedAt: z.iso.datetime() }),
  },
  'recovery.get': { input: byId, output: z.object({ entry: recoveryEntrySchema.nullable() }) },
  'recovery.discard': { input: byId, output: z.object({ discarded: z.literal(true) }) },
  'settings.get': { input: z.object({}).strict(), output: settingsSchema },
  'settings.update': { input: settingsSchema.partial().strict(), output: settingsSchema },
  // Backups of the whole library, as zips in the backup folder. A backup is named by its file name, never a path.
  'backup.list': {
    input: z.object({}).strict(),
    output: z.object({
      /** The folder the backups are read from and written to, as the main process resolved it. */
      folder: z.string(),
      items: z.array(backupItemSchema),
    }),
  },
  'backup.create': { input: z.object({}).strict(), output: backupItemSchema },
  'backup.restore': {
    input: z.object({ fileName: backupFileNameSchema }).strict(),
    output: z.object({ restored: z.literal(true), stories: z.number().int(), keptAs: backupFileNameSchema }),
  },
  // Delivery to the newsroom's CMS and folders (issue #6): jobs persisted in the data folder, retried with backoff.
  'outbox.list': { input: z.object({}).strict(), output: outboxListSchema },
  /** Tries every job not yet delivered now, waiting for them, and returns the outbox as `outbox.list` does. */
  'outbox.flush': { input: z.object({}).strict(), output: outboxListSchema },
  /** Queues the story's delivery again as it is now ("Gửi lại"); only for a scheduled or published story. */
  'outbox.push': { input: z.object({ storyId: storyIdSchema }).strict(), output: outboxListSchema },
  'outbox.retry': { input: z.object({ jobId: jobIdSchema }).strict(), output: outboxListSchema },
  'outbox.cancel': { input: z.object({ jobId: jobIdSchema }).strict(), output: outboxListSchema },
  /** For a missed schedule: asks WordPress to publish the post at once. */
  'outbox.publishNow': { input: z.object({ jobId: jobIdSchema }).strict(), output: outboxListSchema },
  'publishing.status': { input: z.object({}).strict(), output: publishingStatusSchema },
  /** Keeps the WordPress Application Password, encrypted where the OS can; an empty one forgets it. */
  'publishing.setPassword': { input: z.object({ target: z.literal('wordpress'), password: z.string().max(200) }).strict(), output: publishingStatusSchema },
  /** "Kiểm tra kết nối": signs in to WordPress (or writes to the folder) with the saved settings. */
  'publishing.test': { input: z.object({ target: publishTargetSchema }).strict(), output: connectionTestSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
