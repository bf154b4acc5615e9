import { z } from 'zod';
import { storyChangesSchema } from './storySchema';

/** Text typed since the last save, kept aside every second so a crash costs at most the last second of typing. */
export const recoveryEntrySchema = z.object({
  baseRevision: z.number().int().min(1),
  savedAt: z.iso.datetime(),
  changes: storyChangesSchema.pick({ kicker: true, headline: true, sapo: true, body: true }),
});
export type RecoveryEntry = z.infer<typeof recoveryEntrySchema>;
