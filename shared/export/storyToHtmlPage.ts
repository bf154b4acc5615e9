import type { Story } from '../story/storySchema';
import { paperPageCss } from './paperPageCss';
import { renderPaperArticle } from './renderPaperArticle';
import { escapeHtml } from '../text/escapeHtml';

export interface HtmlPageOptions {
  timeZone: string;
  /** Each photo the story uses as a `data:` URI, so the file opens anywhere without the library. */
  photoDataUris: ReadonlyMap<string, string>;
}

/**
 * A story as one self-contained HTML file that looks like the paper's page: the styles inline, the photos
 * inline as data: URIs, a print stylesheet, and no script. It opens offline in any browser and prints as a
 * proof.
 */
export function storyToHtmlPage(story: Story, options: HtmlPageOptions): string {
  const article = renderPaperArticle(story, {
    timeZone: options.timeZone,
    shownAt: story.updatedAt,
    imageUrl: (attrs) => (typeof attrs.mediaId === 'string' ? (options.photoDataUris.get(attrs.mediaId) ?? null) : null),
  });
  const description = story.sapo.trim() ? `\n<meta name="description" content="${escapeHtml(story.sapo.trim())}">` : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Dateline">${description}
<title>${escapeHtml(story.headline.trim() || 'Dateline')}</title>
<style>${paperPageCss}</style>
</head>
<body class="paper">
${article}
</body>
</html>
`;
}
