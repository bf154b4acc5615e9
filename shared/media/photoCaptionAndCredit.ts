import type { MediaItem } from './mediaSchema';

/** What a figure prints under its photo: the caption line and the credit. */
export interface CaptionAndCredit {
  caption: string;
  credit: string;
}

type PhotoWords = Pick<MediaItem, 'caption' | 'byline' | 'credit'>;

/**
 * The credit line a Vietnamese paper prints under a photo, from what the camera or the photo desk recorded:
 * "Ảnh: Minh Đức – Báo Quảng Ninh". It is story text in the paper's language, not interface text.
 */
export function photoCredit(item: Pick<MediaItem, 'byline' | 'credit'>): string {
  const byline = item.byline?.trim();
  const credit = item.credit?.trim();
  if (byline && credit && credit !== byline) return `Ảnh: ${byline} – ${credit}`;
  if (byline) return `Ảnh: ${byline}`;
  return credit ?? '';
}

/**
 * The one rule for every way a photo enters a story (the Ảnh button, a drop, a paste, a Word or HTML import, a
 * relinked photo): what the document or the reporter already says wins, and the photo's own metadata fills
 * only what they leave blank. A caption line under a photo in a Word file is the caption, even when the
 * camera's is longer; a credit the file does not give comes from the photo's by-line and credit together.
 */
export function photoCaptionAndCredit(item: PhotoWords, said: Partial<CaptionAndCredit> = {}): CaptionAndCredit {
  const caption = said.caption?.trim() ? said.caption : (item.caption ?? '');
  const credit = said.credit?.trim() ? said.credit.trim() : photoCredit(item);
  return { caption, credit };
}
