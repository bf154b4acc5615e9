import { plainText } from './storyDocument';
import type { Story, TiptapNode } from './storySchema';
import { eachNode } from './walkDocument';

/**
 * A body's words with a line between blocks, so the last word of one paragraph never runs into the next: each
 * paragraph, heading, caption text or empty block is one line.
 */
export function bodyText(node: TiptapNode): string {
  const lines: string[] = [];
  eachNode(node, (each) => {
    if (typeof each.text === 'string') lines.push(each.text);
    else if (each.type === 'paragraph' || each.type === 'heading') lines.push(plainText(each));
    else if (!each.content?.length) lines.push('');
    else return true;
    return false;
  });
  return lines.join('\n');
}

/** Everything a search reaches besides the headline: sapo, body, captions, tags, bylines and the other fields. */
export function storySearchText(story: Pick<Story, 'sapo' | 'body' | 'tags' | 'bylines' | 'category' | 'dateline' | 'source' | 'featuredImage'>): string {
  return [story.sapo, bodyText(story.body), story.featuredImage?.caption ?? '', story.tags.join('\n'), story.bylines.join('\n'), story.category, story.dateline, story.source].join('\n');
}
