import type { Story, TiptapNode } from './storySchema';

/** A body's words with a line between blocks, so the last word of one paragraph never runs into the next. */
export function bodyText(node: TiptapNode): string {
  if (typeof node.text === 'string') return node.text;
  const parts = (node.content ?? []).map(bodyText);
  return node.type === 'paragraph' || node.type === 'heading' ? parts.join('') : parts.join('\n');
}

/** Everything a search reaches besides the headline: sapo, body, captions, tags, bylines and the other fields. */
export function storySearchText(story: Pick<Story, 'sapo' | 'body' | 'tags' | 'bylines' | 'category' | 'dateline' | 'source' | 'featuredImage'>): string {
  return [story.sapo, bodyText(story.body), story.featuredImage?.caption ?? '', story.tags.join('\n'), story.bylines.join('\n'), story.category, story.dateline, story.source].join('\n');
}
