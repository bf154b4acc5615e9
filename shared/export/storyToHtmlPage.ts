import { escapeHtml } from '../text/escapeHtml';
import type { PaperPage } from './paperPageLayout';
import { paperPageCss } from './paperPageCss';
import { renderPaperArticle } from './renderPaperArticle';

/**
 * The paper's page as one self-contained HTML file: the styles inline, the photos inline as `data:` URIs (each
 * photo the story uses, by media id), a print stylesheet, and no script. It opens offline in any browser and
 * prints as a proof.
 */
export function storyToHtmlPage(page: PaperPage, photoDataUris: ReadonlyMap<string, string>): string {
  const article = renderPaperArticle(page, {
    imageUrl: (attrs) => (typeof attrs.mediaId === 'string' ? (photoDataUris.get(attrs.mediaId) ?? null) : null),
  });
  const description = page.sapo ? `\n<meta name="description" content="${escapeHtml(page.sapo)}">` : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Dateline">${description}
<title>${escapeHtml(page.headline || 'Dateline')}</title>
<style>${paperPageCss}</style>
</head>
<body class="paper">
${article}
</body>
</html>
`;
}
