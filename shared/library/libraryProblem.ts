import { z } from 'zod';

/** Which of the library's files was damaged: the reporter is told, in words, what that costs them. */
export const libraryProblemKinds = [
  'story',
  'storyIndex',
  'searchIndex',
  'mediaIndex',
  'photo',
  'history',
  'recovery',
  'settings',
  'outbox',
  'credentials',
  'log',
  'other',
] as const;
export type LibraryProblemKind = (typeof libraryProblemKinds)[number];

/** A damaged file moved into `quarantine/`, kept until the reporter dismisses the notice (and kept after). */
export const libraryProblemSchema = z.object({
  /** Its name in the quarantine folder, which `library.dismiss` takes back. */
  id: z.string(),
  /** Where it was, inside the library (`media/index.json`). */
  file: z.string(),
  /** Where it is now; null when it could not be moved (a read-only library) and was left unread where it was. */
  movedTo: z.string().nullable(),
  reason: z.string(),
  at: z.string(),
  kind: z.enum(libraryProblemKinds),
});
export type LibraryProblem = z.infer<typeof libraryProblemSchema>;
