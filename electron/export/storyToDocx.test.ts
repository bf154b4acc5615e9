import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { maxDocumentDepth } from '../../shared/story/documentLimits';
import { completeStory } from '../../shared/workflow/testStory';
import { nestedBody, nestedListBody } from '../../tests/support/nestedDocument';
import { storyToDocx } from './storyToDocx';

// The Word writer walks the body with a loop, so a body at the depth limit, or one far past it that got by the
// schema, is written whole instead of overflowing the stack.

describe.each([
  ['blockquotes', nestedBody],
  ['lists in lists', nestedListBody],
])('a Word file of a body of %s', (_, makeBody) => {
  for (const depth of [maxDocumentDepth, 20_000]) {
    it(`${depth} deep holds its innermost text`, async () => {
      const bytes = await storyToDocx(completeStory({ body: makeBody(depth, 'Lời kể tận cùng'), featuredImage: null }), new Map());
      const { value: text } = await mammoth.extractRawText({ buffer: bytes });
      expect(text).toContain('Lời kể tận cùng');
      if (makeBody === nestedBody) expect(text).toContain('Chú thích: Lời kể tận cùng');
    });
  }
});
