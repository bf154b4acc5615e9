import { renderStoryHtml, type RenderOptions } from '../story/renderStoryHtml';
import type { Story } from '../story/storySchema';
import { escapeHtml } from '../text/escapeHtml';

export type PaperStory = Pick<Story, 'kicker' | 'headline' | 'sapo' | 'body' | 'bylines' | 'dateline' | 'source' | 'featuredImage'>;

/**
 * The story's article as the paper prints it (renderStoryHtml), with the featured image and its caption
 * between the sapo and the body. The HTML export and the print view both show this, so the file, the page on
 * screen and the printed proof agree.
 */
export function renderPaperArticle(story: PaperStory, options: RenderOptions): string {
  const article = renderStoryHtml(story, options);
  const featured = story.featuredImage;
  const src = featured ? options.imageUrl({ mediaId: featured.mediaId }) : null;
  if (!featured || !src) return article;
  const alt = featured.alt.trim() || featured.caption.trim();
  const caption = featured.caption.trim() ? `<figcaption><span class="caption">${escapeHtml(featured.caption.trim())}</span></figcaption>` : '';
  const figure = `<figure class="featured"><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">${caption}</figure>`;
  return article.replace('<div class="body">', `${figure}<div class="body">`);
}
