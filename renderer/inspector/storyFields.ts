import type { Story } from '../../shared/story/storySchema';
import type { StoryType } from '../../shared/story/storyTypes';

/** The inspector's fields as typed: lists stay comma-separated text until they are saved. */
export interface StoryFields {
  category: string;
  tags: string;
  bylines: string;
  dateline: string;
  source: string;
  /** Unticked for a story taken from elsewhere, which then needs its source line before it is published. */
  original: boolean;
  ednote: string;
  storyType: StoryType;
  featuredImage: Story['featuredImage'];
  /** Hạn nộp bài and cấm đăng trước, each a moment with the zone it was picked in, or null. */
  deadline: Story['deadline'];
  embargo: Story['embargo'];
}
