import type { Story } from '../../shared/story/storySchema';
import { slugify } from '../../shared/text/slugify';

/**
 * The name a story goes under on a target (a WordPress slug, a folder): its headline as first delivered, and
 * its id's start so two stories with one headline never share it. Chosen once and kept, so later deliveries
 * find the same post or folder whatever the headline becomes.
 */
export function deliverySlug(story: Pick<Story, 'headline' | 'id'>): string {
  return `${slugify(story.headline).slice(0, 80) || 'bai'}-${story.id.slice(0, 8)}`;
}
