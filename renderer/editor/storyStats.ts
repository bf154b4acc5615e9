import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { TiptapNode } from '../../shared/story/storySchema';
import { readingMinutes } from '../../shared/text/countWords';
import { storyLength } from '../../shared/text/countStoryWords';

export interface StoryStats {
  words: number;
  characters: number;
  readingMinutes: number;
  /** Photos still without a caption: a story cannot be filed until each has one. */
  figuresWithoutCaption: number;
}

const sapoIndex = 2;
const bodyStart = 3;

/**
 * The story in the editor counted by the one rule every place uses (storyLength: the sapo and the body, not the
 * headline and not photo captions), so the status bar agrees with History, the checklist and the exports.
 */
export function storyStats(doc: ProseMirrorNode): StoryStats {
  const blocks: TiptapNode[] = [];
  let figuresWithoutCaption = 0;
  doc.forEach((child, _offset, index) => {
    if (index < bodyStart) return;
    if (child.type.name === 'figure' && !child.textContent.trim()) figuresWithoutCaption++;
    blocks.push(child.toJSON() as TiptapNode);
  });
  const sapo = doc.childCount > sapoIndex ? doc.child(sapoIndex).textContent : '';
  const { words, characters } = storyLength({ sapo, body: { type: 'doc', content: blocks } });
  return { words, characters, readingMinutes: readingMinutes(words), figuresWithoutCaption };
}
