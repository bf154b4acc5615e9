/**
 * Window events between parts that do not own each other: the media panel offers a photo to the open story,
 * and a figure offers itself as the story's featured image.
 */
export const insertMediaEvent = 'dateline:insert-media';
export const setFeaturedImageEvent = 'dateline:set-featured-image';

export interface FeaturedImageChoice {
  mediaId: string;
  caption: string;
  alt: string;
}
