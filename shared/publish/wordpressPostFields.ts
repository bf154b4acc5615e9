import { renderNode, storyFooterHtml } from '../story/renderStoryHtml';
import type { Story } from '../story/storySchema';

/** `2026-05-14T23:00:00`: how WordPress writes and reads `date_gmt` (UTC, no zone designator). */
export function wordpressDateGmt(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

/** What WordPress should show for the story: `future` at its publish time, `publish` now, or back to `draft`. */
export function wordpressStatusFor(story: Pick<Story, 'status' | 'publishAt' | 'trashedAt'>): { status: 'future' | 'publish' | 'draft'; dateGmt?: string } {
  if (story.trashedAt === null && story.status === 'scheduled' && story.publishAt) return { status: 'future', dateGmt: wordpressDateGmt(story.publishAt.at) };
  if (story.trashedAt === null && story.status === 'published') return { status: 'publish', ...(story.publishAt ? { dateGmt: wordpressDateGmt(story.publishAt.at) } : {}) };
  return { status: 'draft' };
}

/**
 * The post's HTML: the body as the paper prints it (each photo a `<figure><img><figcaption>` with caption and
 * credit, the images at their WordPress addresses), then the byline and the source line. The headline and the
 * sapo go to the post's title and excerpt, where the site's theme places them.
 */
export function wordpressContent(story: Pick<Story, 'body' | 'bylines' | 'source'>, imageUrl: (mediaId: string) => string | null): string {
  const body = renderNode(story.body, { imageUrl: (attrs) => (typeof attrs.mediaId === 'string' ? imageUrl(attrs.mediaId) : null) });
  return `${body}${storyFooterHtml(story)}`;
}

/** The caption WordPress keeps with a photo: the words under it, then the credit, as the paper prints them. */
export function mediaCaption(caption: string, credit: string): string {
  return [caption.trim(), credit.trim()].filter(Boolean).join(' ');
}
