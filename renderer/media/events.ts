import type { MediaItem } from '../../shared/media/mediaSchema';
import { typedEvent } from '../platform/typedEvent';

export interface FeaturedImageChoice {
  mediaId: string;
  caption: string;
  alt: string;
}

/** The media panel offers a photo to the open story, which places it at the caret. */
export const photoOffered = typedEvent<MediaItem>();
/** A figure in the story offers itself as the story's featured image. */
export const featuredImageChosen = typedEvent<FeaturedImageChoice>();
