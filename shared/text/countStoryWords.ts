import type { Story, TiptapNode } from '../story/storySchema';
import { eachNode } from '../story/walkDocument';
import { countWords } from './countWords';

/** The story's length as the newsroom counts it, with the text it counted. */
export interface StoryLength {
  words: number;
  /** The counted text's characters, spaces inside a line included, line breaks between blocks not. */
  characters: number;
}

/**
 * The text the newsroom counts: the body's paragraphs, subheads, list items and quotes, one block a line, a line
 * break inside a paragraph being a space. Photo captions are not counted, so a figure is left out whole.
 */
export function countedBodyText(body: TiptapNode): string {
  const parts: string[] = [];
  eachNode(
    body,
    (node) => {
      if (node.type === 'figure') return false;
      if (typeof node.text === 'string') parts.push(node.text);
      else if (node.type === 'hardBreak') parts.push(' ');
      else parts.push('\n');
      return true;
    },
    (node) => {
      if (typeof node.text !== 'string' && node.type !== 'hardBreak' && node.type !== 'figure') parts.push('\n');
    },
  );
  return parts.join('');
}

/**
 * The one count of a story's chữ that every place shows (the status bar, History, the checklist, ninjs): each
 * space-separated Vietnamese syllable of the sapo and the body is one word (countWords). The kicker, the headline,
 * photo captions, the byline and the source line are not counted, as the desk does not count them.
 */
export function storyLength(story: Pick<Story, 'sapo' | 'body'>): StoryLength {
  const body = countedBodyText(story.body);
  const sapo = story.sapo.trim();
  return {
    words: countWords(sapo) + countWords(body),
    characters: sapo.replace(/\n/g, '').length + body.replace(/\n+/g, '').length,
  };
}

/** The story's chữ: see storyLength. */
export function countStoryWords(story: Pick<Story, 'sapo' | 'body'>): number {
  return storyLength(story).words;
}
