import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { countWords, readingMinutes } from '../../shared/text/countWords';

export interface StoryStats {
  words: number;
  characters: number;
  readingMinutes: number;
  /** Photos still without a caption: a story cannot be filed until each has one. */
  figuresWithoutCaption: number;
}

const sapoIndex = 2;

/**
 * What the desk counts: the sapo and the body text, not the headline and not photo captions. Read straight
 * from the editor's document, so counting never serialises the story.
 */
export function storyStats(doc: ProseMirrorNode): StoryStats {
  const parts: string[] = [];
  let figuresWithoutCaption = 0;
  doc.forEach((child, _offset, index) => {
    if (child.type.name === 'figure') {
      if (!child.textContent.trim()) figuresWithoutCaption++;
    } else if (index >= sapoIndex) parts.push(child.textBetween(0, child.content.size, ' ', ' '));
  });
  const text = parts.join('\n');
  const words = countWords(text);
  return { words, characters: text.replace(/\n/g, '').length, readingMinutes: readingMinutes(words), figuresWithoutCaption };
}
