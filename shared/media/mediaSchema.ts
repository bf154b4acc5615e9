import { z } from 'zod';

/** A photo is known by the SHA-256 of its bytes, so the same photo imported twice is stored once. */
export const mediaIdSchema = z.string().regex(/^[a-f0-9]{64}$/, 'a media id is a SHA-256 in lower-case hex');

/** The sizes a photo is served in: as imported, the display size (~1600 px) and the thumbnail (~320 px). */
export const mediaVariants = ['original', 'display', 'thumb'] as const;
export type MediaVariant = (typeof mediaVariants)[number];

export function isMediaVariant(value: string): value is MediaVariant {
  return (mediaVariants as readonly string[]).includes(value);
}

export const mediaItemSchema = z.object({
  id: mediaIdSchema,
  fileName: z.string(),
  mimeType: z.string(),
  /** As the photo is seen, after its EXIF orientation is applied. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  caption: z.string().nullable(),
  byline: z.string().nullable(),
  credit: z.string().nullable(),
  city: z.string().nullable(),
  /** The province and country the photo names (IPTC 2:95, 2:101); absent in photos indexed before they were read. */
  province: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  /** ISO 8601 with the photo's own offset, e.g. 2025-01-12T08:30:00+07:00. */
  capturedAt: z.string().nullable(),
  importedAt: z.iso.datetime({ offset: true }),
});
export type MediaItem = z.infer<typeof mediaItemSchema>;

export const mediaListItemSchema = mediaItemSchema.extend({
  /** The stories whose text or featured image uses the photo. */
  usedIn: z.array(z.string()),
});
export type MediaListItem = z.infer<typeof mediaListItemSchema>;
