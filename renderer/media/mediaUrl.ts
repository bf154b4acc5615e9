import type { MediaVariant } from '../../shared/media/mediaSchema';
import { isDesktop } from '../api/datelineApi';
import { currentWebToken } from '../api/httpBridge';

/** Where the renderer loads a photo from: the desktop app's own protocol, or the web host's tokenised route. */
export function mediaUrl(id: string, variant: MediaVariant): string {
  if (isDesktop) return `dateline-media://media/${id}/${variant}`;
  return `/media/${id}/${variant}?token=${encodeURIComponent(currentWebToken() ?? '')}`;
}

/** The image of a figure: its photo in the library, or the stand-in address it carries. */
export function figureImageUrl(attrs: Record<string, unknown>, variant: MediaVariant = 'display'): string | null {
  if (typeof attrs.mediaId === 'string' && attrs.mediaId) return mediaUrl(attrs.mediaId, variant);
  return typeof attrs.src === 'string' ? attrs.src : null;
}
