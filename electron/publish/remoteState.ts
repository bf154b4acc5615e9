import { z } from 'zod';

/**
 * What a target holds of one story, kept in the outbox file so every later delivery updates the same post and
 * media. Each step is written down as soon as it is done, and the slug before the post is created, so a
 * delivery cut short (a dropped line, a killed app) resumes where it stopped and finds what it already made.
 */
export const remoteStateSchema = z.object({
  /** The post's slug, chosen before it is first created: the key a retry looks the post up by. */
  slug: z.string().optional(),
  postId: z.number().int().optional(),
  url: z.string().optional(),
  /** As read back after the last delivery. */
  status: z.string().optional(),
  dateGmt: z.string().optional(),
  /** Each photo's remote id and address, by Dateline media id, and the caption and alt text last sent for it. */
  media: z.record(z.string(), z.object({ id: z.number().int(), url: z.string(), caption: z.string().optional(), alt: z.string().optional() })),
});
export type RemoteState = z.infer<typeof remoteStateSchema>;

export const emptyRemoteState = (): RemoteState => ({ media: {} });
