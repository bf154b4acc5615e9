import { renderNode } from '../story/renderStoryHtml';
import { escapeHtml } from '../text/escapeHtml';
import type { PaperPage, PaperPhoto } from './paperPageLayout';

export interface PaperHtmlOptions {
  /** Turns a photo's attrs into an image address, or null when the image cannot be shown (its caption stays). */
  imageUrl: (attrs: Record<string, unknown>) => string | null;
}

/**
 * The paper's page as HTML: kicker, headline, the time line, the bold sapo opening with the dateline place, the
 * featured image where it does not stand in the body, the body with each photo followed by its caption and
 * credit, the byline and the source line. The preview, the print view (and so the PDF) and the HTML export all
 * show this. Every text and attribute is escaped, and only http, https and mailto links survive (renderNode).
 */
export function renderPaperArticle(page: PaperPage, options: PaperHtmlOptions): string {
  const parts: string[] = ['<article class="story">'];
  if (page.kicker) parts.push(`<p class="kicker">${escapeHtml(page.kicker)}</p>`);
  parts.push(`<h1 class="headline">${escapeHtml(page.headline)}</h1>`);
  parts.push(`<p class="time-line" data-kind="${page.timeLine.kind}">${escapeHtml(page.timeLine.text)}</p>`);
  if (page.sapo) parts.push(`<p class="sapo"><strong>${page.place ? `${escapeHtml(page.place)} – ` : ''}${escapeHtml(page.sapo)}</strong></p>`);
  if (page.lead) parts.push(photoHtml(page.lead, options));
  parts.push(`<div class="body">${renderPaperBody(page, options)}</div>`);
  parts.push(renderPaperFooter(page));
  parts.push('</article>');
  return parts.join('');
}

/** The body alone, photos in place (the featured image too, where it stands in the body), without the lead above it. */
export function renderPaperBody(page: PaperPage, options: PaperHtmlOptions): string {
  return page.body.map((block) => (block.kind === 'photo' ? photoHtml(block.photo, options) : renderNode(block.node, options))).join('');
}

/** What closes the story: the byline, then the source line, each where there is one. */
export function renderPaperFooter(page: Pick<PaperPage, 'byline' | 'source'>): string {
  return (page.byline ? `<p class="byline">${escapeHtml(page.byline)}</p>` : '') + (page.source ? `<p class="source">${escapeHtml(page.source)}</p>` : '');
}

function photoHtml(photo: PaperPhoto, options: PaperHtmlOptions): string {
  const src = options.imageUrl(photo.attrs);
  const image = src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(photo.alt)}">` : '';
  const caption = photo.caption ? `<span class="caption">${escapeHtml(photo.caption)}</span>` : '';
  const credit = photo.credit ? `<span class="credit">${escapeHtml(photo.credit)}</span>` : '';
  const figcaption = caption || credit ? `<figcaption>${caption}${credit}</figcaption>` : '';
  return `<figure${photo.lead ? ' class="lead"' : ''}>${image}${figcaption}</figure>`;
}
