import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { maxDocumentDepth } from '../../shared/story/documentLimits';
import { paperPageLayout } from '../../shared/export/paperPageLayout';
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
      const page = paperPageLayout(completeStory({ body: makeBody(depth, 'Lời kể tận cùng'), featuredImage: null }), { timeZone: 'Asia/Ho_Chi_Minh', now: '2024-05-14T01:34:23.000Z' });
      const bytes = await storyToDocx(page, new Map());
      const { value: text } = await mammoth.extractRawText({ buffer: bytes });
      expect(text).toContain('Lời kể tận cùng');
      if (makeBody === nestedBody) expect(text).toContain('Chú thích: Lời kể tận cùng');
    });
  }
});
