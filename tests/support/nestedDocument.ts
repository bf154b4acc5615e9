import type { TiptapNode } from '../../shared/story/storySchema';

// Documents nested far deeper than any reporter writes, for the tests of the depth limit. Built in loops, and
// the deepest ones as JSON text, since JSON.stringify itself overflows the stack a few thousand levels down.

const href = 'https://baotinh.vn/duong-ven-bien';

/** What the innermost blockquote holds: a linked paragraph, a figure with its caption, and a two-level list. */
function innermost(text: string): TiptapNode[] {
  return [
    { type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { href } }, { type: 'bold' }] }] },
    { type: 'figure', attrs: { mediaId: 'b'.repeat(64), credit: 'Ảnh: Minh Đức', alt: '' }, content: [{ type: 'text', text: `Chú thích: ${text}` }] },
  ];
}

/**
 * A body `depth` nodes deep, counting the doc and the text: blockquotes inside one another around a paragraph
 * whose text carries a link (the deepest JSON a node holds: its mark's attrs) and a figure with its caption.
 */
export function nestedBody(depth: number, text = 'Đoạn sâu nhất.'): TiptapNode {
  let content = innermost(text);
  // doc, then depth - 3 blockquotes, then the paragraph and its text.
  for (let level = 3; level < depth; level++) content = [{ type: 'blockquote', content }];
  return { type: 'doc', content };
}

/** A body `depth` nodes deep as lists inside list items, the way the editor nests a list; each item's own line is empty. */
export function nestedListBody(depth: number, text = 'Mục sâu nhất.'): TiptapNode {
  let node: TiptapNode = { type: 'paragraph', content: [{ type: 'text', text }] };
  // doc, then (depth - 3) list and item nodes, then the paragraph and its text.
  for (let level = 3; level < depth; level++) {
    node = level % 2 === 1 ? { type: 'listItem', content: [{ type: 'paragraph' }, node] } : { type: level % 4 === 0 ? 'orderedList' : 'bulletList', content: [node] };
  }
  return { type: 'doc', content: [node] };
}

/** `nestedBody(depth)` as JSON text, written without JSON.stringify so that any depth can be sent or stored. */
export function nestedBodyJson(depth: number, text = 'Đoạn sâu nhất.'): string {
  const inner = JSON.stringify(innermost(text));
  const quotes = Math.max(0, depth - 3);
  return `{"type":"doc","content":${'[{"type":"blockquote","content":'.repeat(quotes)}${inner}${'}]'.repeat(quotes)}}`;
}

/** A JSON value `levels` objects deep, `{"a":{"a":…}}`, as text. */
export function nestedObjectJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** A JSON array `levels` deep, `[[[…]]]`, as text. */
export function nestedArrayJson(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}
