import type { MediaItem } from '../../shared/media/mediaSchema';

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
