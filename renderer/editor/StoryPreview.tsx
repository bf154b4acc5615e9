import { useTranslation } from 'react-i18next';
import { paperPageLayout, type PaperStory } from '../../shared/export/paperPageLayout';
import { renderPaperArticle } from '../../shared/export/renderPaperArticle';
import { figureImageUrl } from '../media/mediaUrl';

interface StoryPreviewProps {
  story: PaperStory;
  timeZone: string;
}

/**
 * The story as the paper prints it: the same page (paperPageLayout) and the same HTML that print, export and
 * publishing write, so the preview shows each photo once and the time line a reader will see. The renderer
 * escapes every text and keeps only safe links, and the page's CSP would refuse any script anyway.
 */
export function StoryPreview({ story, timeZone }: StoryPreviewProps) {
  const { t } = useTranslation();
  const html = renderPaperArticle(paperPageLayout(story, { timeZone, now: new Date().toISOString() }), { imageUrl: (attrs) => figureImageUrl(attrs) });
  return <div className="story-preview" role="document" aria-label={t('preview.label')} dangerouslySetInnerHTML={{ __html: html }} />;
}
