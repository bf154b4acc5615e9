import { figuresOf } from '../story/storyDocument';
import { storyMetadataFields, type Story, type StoryChanges } from '../story/storySchema';

/**
 * The change that brings back one field of an older version, leaving the rest of the story as it is now: a
 * field name as diffStories gives it ("headline", "body", "caption:2", "featuredCaption", "tags", …).
 * Returns null when the field cannot be brought back on its own (a caption whose figure is gone).
 */
export function restoreField(current: Story, version: Story, field: string): StoryChanges | null {
  const caption = /^caption:(\d+)$/.exec(field);
  if (caption) {
    const wanted = figuresOf(version.body)[Number(caption[1]) - 1];
    const body = structuredClone(current.body);
    const target = figuresOf(body)[Number(caption[1]) - 1];
    if (!wanted || !target) return null;
    target.content = structuredClone(wanted.content ?? []);
    return { body };
  }
  if (field === 'featuredCaption') {
    return current.featuredImage && version.featuredImage ? { featuredImage: { ...current.featuredImage, caption: version.featuredImage.caption } } : null;
  }
  if (field === 'body') {
    // The text comes back; figures the reporter added since keep their place only if the old body had them.
    return { body: structuredClone(version.body) };
  }
  const fields = ['headline', 'sapo', ...storyMetadataFields] as const;
  const name = fields.find((f) => f === field);
  return name ? ({ [name]: structuredClone(version[name]) } as StoryChanges) : null;
}

