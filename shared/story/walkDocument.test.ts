import { describe, expect, it } from 'vitest';
import { nestedBody, nestedListBody } from '../../tests/support/nestedDocument';
import { paperPageLayout } from '../export/paperPageLayout';
import { renderPaperArticle } from '../export/renderPaperArticle';
import { storyToHtmlPage } from '../export/storyToHtmlPage';
import { storyToNinjs } from '../export/storyToNinjs';
import { diffStories } from '../history/diffStories';
import { countWords } from '../text/countWords';
import { completeStory } from '../workflow/testStory';
import { maxDocumentDepth } from './documentLimits';
import { renderNode } from './renderStoryHtml';
import { figuresOf, plainText } from './storyDocument';
import { mediaIdsOf, storyChangesSchema, type TiptapNode } from './storySchema';
import { bodyText, storySearchText } from './storySearchText';
import { eachNode } from './walkDocument';

const renderOptions = { imageUrl: () => 'https://baotinh.vn/anh.jpg' };
const layoutOptions = { timeZone: 'Asia/Ho_Chi_Minh', now: '2024-05-14T01:34:23.000Z' };

describe('the document walkers', () => {
  const doc: TiptapNode = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'c' }] }] },
    ],
  };

  it('visits nodes in reading order, and leaves out the children of a node the visitor refuses', () => {
    const seen: string[] = [];
    eachNode(doc, (node) => void seen.push(node.text ?? node.type));
    expect(seen).toEqual(['doc', 'paragraph', 'a', 'hardBreak', 'b', 'blockquote', 'paragraph', 'c']);
    const shallow: string[] = [];
    eachNode(doc, (node) => (shallow.push(node.type), node.type === 'doc'));
    expect(shallow).toEqual(['doc', 'paragraph', 'blockquote']);
  });

  it('leaves each node after its children, and a node whose children were left out straight after entering it', () => {
    const shape: string[] = [];
    eachNode(
      doc,
      (node) => {
        shape.push(node.text ?? `${node.type}(`);
        return node.type !== 'blockquote';
      },
      (node) => void (node.text === undefined && shape.push(')')),
    );
    expect(shape.join('')).toBe('doc(paragraph(ahardBreak()b)blockquote())');
  });
});

// Every reader of a body, given one at the depth limit (what the schema lets through) and one far past it (a file
// that got past it, or a body still being built by an import): each reads it whole and none overflows the stack.
describe.each([
  ['blockquotes', nestedBody],
  ['lists in lists', nestedListBody],
])('a body of %s', (_, makeBody) => {
  for (const depth of [maxDocumentDepth, 20_000]) {
    const body = makeBody(depth, 'Lời kể tận cùng');
    const story = completeStory({ body });

    it(`${depth} deep: the schema ${depth > maxDocumentDepth ? 'refuses' : 'takes'} it`, () => {
      expect(storyChangesSchema.safeParse({ body }).success).toBe(depth <= maxDocumentDepth);
    });

    it(`${depth} deep: plain text, word count, figures, search text and the diff read it whole`, () => {
      expect(plainText(body)).toContain('Lời kể tận cùng');
      expect(countWords(plainText(body))).toBeGreaterThanOrEqual(4);
      expect(bodyText(body)).toContain('Lời kể tận cùng');
      expect(storySearchText(story)).toContain('Lời kể tận cùng');
      expect(figuresOf(body).length).toBe(makeBody === nestedBody ? 1 : 0);
      expect(mediaIdsOf(story).length).toBeGreaterThanOrEqual(1);
      const diff = diffStories(story, completeStory({ body: makeBody(depth, 'Lời kể mới') }));
      expect(diff.find((field) => field.field === 'body')).toMatchObject({ changed: true, older: expect.stringContaining('Lời kể tận cùng'), newer: expect.stringContaining('Lời kể mới') });
    });

    it(`${depth} deep: the paper's HTML, the exported page and ninjs render it whole`, () => {
      const page = paperPageLayout(story, layoutOptions);
      const html = renderPaperArticle(page, renderOptions);
      expect(html).toContain('Lời kể tận cùng');
      expect(renderNode(body, renderOptions)).toContain(makeBody === nestedBody ? 'Lời kể tận cùng</a></strong>' : '<li><p></p><ul><li><p></p>');
      if (makeBody === nestedBody) expect(html.split('<blockquote>').length - 1).toBe(depth - 3);
      expect(page.words).toBeGreaterThanOrEqual(4);
      expect(storyToHtmlPage(page, new Map())).toContain('Lời kể tận cùng');
      const ninjs = storyToNinjs(story, page, new Map()) as { bodies: { value: string; wordcount?: number }[] };
      expect(ninjs.bodies[0]!.value).toContain('Lời kể tận cùng');
      expect(ninjs.bodies[1]!.value).toContain('Lời kể tận cùng');
      expect(ninjs.bodies[0]!.wordcount).toBeGreaterThanOrEqual(4);
    });
  }
});
