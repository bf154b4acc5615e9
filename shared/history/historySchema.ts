import { z } from 'zod';

/**
 * Why a version was kept: the first save and then at most one per five minutes of editing (autosave), a change
 * of status, just before publishing, a restore, the reporter asking for one (manual), or the editor keeping the
 * text just before a save that takes out much of it (beforeBigDelete).
 */
export const versionReasonSchema = z.enum(['autosave', 'status', 'publish', 'restore', 'manual', 'beforeBigDelete']);
export type VersionReason = z.infer<typeof versionReasonSchema>;

/** The reasons the renderer may ask `history.keep` for: the reporter's own, and the editor's before a big deletion. */
export const keepReasonSchema = z.enum(['manual', 'beforeBigDelete']);

/** r<revision>-<UTC time>: sorts by time, and is safe as a file name (it is checked before it reaches one). */
export const versionIdSchema = z.string().regex(/^r\d{1,9}-\d{8}T\d{9}Z$/, 'not a version id');

export const versionEntrySchema = z.object({
  versionId: versionIdSchema,
  revision: z.number().int().min(1),
  savedAt: z.iso.datetime(),
  reason: versionReasonSchema,
  words: z.number().int().min(0),
});
export type VersionEntry = z.infer<typeof versionEntrySchema>;

export function versionIdOf(revision: number, savedAt: string): string {
  return `r${revision}-${savedAt.replace(/[-:.]/g, '')}`;
}
