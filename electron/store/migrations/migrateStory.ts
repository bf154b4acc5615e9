import { storySchemaVersion } from '../../../shared/story/storySchema';
import { upgradeTo2 } from './002-story-anatomy';
import { upgradeTo3 } from './003-featured-image';

/** Each step upgrades a story file from the version before its key. */
const steps: Record<number, (story: Record<string, unknown>) => Record<string, unknown>> = {
  2: upgradeTo2,
  3: upgradeTo3,
};

/**
 * Brings a stored story up to the current shape, one version at a time. A file from a newer Dateline is left
 * as it is, so the schema check refuses it rather than this code guessing at it.
 */
export function migrateStory(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  let story = raw as Record<string, unknown>;
  const from = typeof story.schemaVersion === 'number' ? story.schemaVersion : 1;
  for (let version = from + 1; version <= storySchemaVersion; version++) {
    const step = steps[version];
    if (!step) break;
    story = step(story);
  }
  return story;
}
