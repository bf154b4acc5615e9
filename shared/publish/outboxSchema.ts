import { z } from 'zod';
import { storyIdSchema } from '../story/storySchema';
import { checklistItemSchema } from '../workflow/prePublishChecklist';

/** Where a story can be delivered: the paper's WordPress site, or a folder (a synced or USB drive). */
export const publishTargets = ['wordpress', 'folder'] as const;
export const publishTargetSchema = z.enum(publishTargets);
export type PublishTarget = z.infer<typeof publishTargetSchema>;

/**
 * queued: waiting for its turn, or for the next try after a failure (its `error` says why);
 * sending: being delivered now; delivered: the target has it as the story was; failed: the target refused it
 * in a way another try will not mend (a wrong password, a rejected post), until the reporter retries;
 * held: not sent, because the story as saved fails the pre-publish checklist (its `holds` say what), until a save
 * mends it.
 */
const outboxStates = ['queued', 'sending', 'delivered', 'failed', 'held'] as const;
export const outboxStateSchema = z.enum(outboxStates);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/** publish: put the story out as it is now (scheduled, or at once); withdraw: take it back (unscheduled, killed). */
export const outboxActionSchema = z.enum(['publish', 'withdraw']);
export type OutboxAction = z.infer<typeof outboxActionSchema>;

export const deliveryErrorSchema = z.object({
  /** offline, timeout, server, auth, rejected, storage, missing_media, not_configured */
  code: z.string(),
  /** What happened, in plain English, for the log and for a message the UI has no words for. */
  message: z.string(),
  /** Whether the outbox tries again by itself. */
  willRetry: z.boolean(),
});
export type DeliveryError = z.infer<typeof deliveryErrorSchema>;

const remoteRecordSchema = z.object({
  /** The WordPress post's id; a folder has none. */
  postId: z.number().int().optional(),
  url: z.string(),
  /** What the target reported when read back after delivery: WordPress's post status and date_gmt. */
  status: z.string().optional(),
  dateGmt: z.string().optional(),
});
export type RemoteRecord = z.infer<typeof remoteRecordSchema>;

export const outboxItemSchema = z.object({
  jobId: z.string(),
  storyId: storyIdSchema,
  target: publishTargetSchema,
  action: outboxActionSchema,
  state: outboxStateSchema,
  attempts: z.number().int(),
  remote: remoteRecordSchema.nullable(),
  error: deliveryErrorSchema.nullable(),
  /** The story's headline when the job was queued, for the outbox list. */
  headline: z.string(),
  /** The revision the job delivers; a later save queues the job again. */
  storyRevision: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** When the next try is due (queued jobs). */
  nextAttemptAt: z.iso.datetime().nullable(),
  /** A post WordPress should have published by now and still holds as scheduled (its cron has not run): lỡ giờ đăng. */
  missedSchedule: z.boolean(),
  /** Why a held job is held: the checklist errors of the story as last saved. */
  holds: z.array(checklistItemSchema),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxListSchema = z.object({
  items: z.array(outboxItemSchema),
  /** The stories some target holds now (a post, a folder page): a published story not among them was sent nowhere. */
  sent: z.array(storyIdSchema),
});
export type OutboxList = z.infer<typeof outboxListSchema>;

export const jobIdSchema = z.string().regex(/^[a-z0-9-]{8,80}$/);

/** Where each target's settings and password stand, for the settings screen. */
export const publishingStatusSchema = z.object({
  targets: z.array(
    z.object({
      target: publishTargetSchema,
      /** Enabled, with what it needs (an address, a user and a password; a folder). */
      ready: z.boolean(),
      /** Where the WordPress details come from: the settings screen, or the web host's environment variables. */
      source: z.enum(['settings', 'environment']),
      hasPassword: z.boolean(),
      /** How a saved password is kept: encrypted by the OS (safeStorage), or not at all (held for this session). */
      passwordStorage: z.enum(['encrypted', 'environment', 'session']),
      /** Where a delivery goes, for the publish confirmation: the site's address or the folder's path; '' if unknown. */
      where: z.string(),
    }),
  ),
});
export type PublishingStatus = z.infer<typeof publishingStatusSchema>;

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  /** The code of the failure, as in deliveryErrorSchema; absent when ok. */
  code: z.string().optional(),
  /** The account WordPress answered as, or the folder written to, or what went wrong. */
  message: z.string(),
});
