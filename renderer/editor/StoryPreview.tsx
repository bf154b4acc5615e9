import { useTranslation } from 'react-i18next';
import { renderStoryHtml } from '../../shared/story/renderStoryHtml';
import type { Story } from '../../shared/story/storySchema';
import { figureImageUrl } from '../media/mediaUrl';

interface StoryPreviewProps {
  story: Pick<Story, 'kicker' | 'headline' | 'sapo' | 'body' | 'bylines' | 'dateline' | 'source' | 'updatedAt'>;
  timeZone: string;
}

/**
 * The story as the paper prints it. The HTML comes from the same pure renderer that publishing and export
 * use; it escapes every text and keeps only safe links, and the page's CSP would refuse any script anyway.
 */
export function StoryPreview({ story, timeZone }: StoryPreviewProps) {
  const { t } = useTranslation();
  const html = renderStoryHtml(story, {
    timeZone,
    shownAt: story.updatedAt,
    imageUrl: (attrs) => figureImageUrl(attrs),
  });
  return <div className="story-preview" role="document" aria-label={t('preview.label')} dangerouslySetInnerHTML={{ __html: html }} />;
}
