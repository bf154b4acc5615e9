import type { Story } from '../../shared/story/storySchema';
import { typedEvent } from '../platform/typedEvent';

/**
 * A story came back and should be shown again (an undone spike, from a toast that outlives the workspace it was
 * made in); it carries the story as saved.
 */
export const storyReopened = typedEvent<Story>();
