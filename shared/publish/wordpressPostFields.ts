import type { PaperPage } from '../export/paperPageLayout';
import { renderPaperBody, renderPaperFooter } from '../export/renderPaperArticle';
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
 * The post's HTML, from the paper's page (paperPageLayout): the body as the paper prints it, each photo a
 * `<figure><img><figcaption>` with caption and credit at its WordPress address, then the byline and the source
 * line. The headline, the sapo and the featured image go to the post's title, excerpt and featured media, where
 * the site's theme places them, so a featured image that does not stand in the body is not in the content
 * either; one that does stays in the body, at its place.
 */
export function wordpressContent(page: PaperPage, imageUrl: (mediaId: string) => string | null): string {
  const body = renderPaperBody(page, { imageUrl: (attrs) => (typeof attrs.mediaId === 'string' ? imageUrl(attrs.mediaId) : null) });
  return `${body}${renderPaperFooter(page)}`;
}

/** The post's excerpt: the sapo as the page prints it, opening with the dateline place (`QUẢNG NINH – …`). */
export function wordpressExcerpt(page: Pick<PaperPage, 'place' | 'sapo'>): string {
  return page.place && page.sapo ? `${page.place} – ${page.sapo}` : page.sapo;
}

/** A photo the post uses, with the caption and alt text WordPress keeps with it. */
export interface WordpressPhoto {
  mediaId: string;
  caption: string;
  alt: string;
}

/**
 * Every photo on the page, once each, with the caption and credit printed under it there; the featured image
 * keeps its own caption and alt text, since the site shows the attachment's words wherever its theme shows the
 * featured image (the content's figure carries the body's words inline).
 */
export function wordpressPhotos(page: PaperPage, featured: Story['featuredImage']): WordpressPhoto[] {
  return page.photos.flatMap((photo) => {
    if (!photo.mediaId) return [];
    if (featured && photo.mediaId === featured.mediaId) return [{ mediaId: photo.mediaId, caption: featured.caption.trim(), alt: featured.alt.trim() || featured.caption.trim() }];
    return [{ mediaId: photo.mediaId, caption: mediaCaption(photo.caption, photo.credit), alt: photo.alt }];
  });
}

/** The caption WordPress keeps with a photo: the words under it, then the credit, as the paper prints them. */
export function mediaCaption(caption: string, credit: string): string {
  return [caption.trim(), credit.trim()].filter(Boolean).join(' ');
}
