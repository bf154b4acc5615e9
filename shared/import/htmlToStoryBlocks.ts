import type { TiptapNode } from '../story/storySchema';
import { isElement, tagOf, textNode, type DomElement, type DomNode } from './domLike';

type Mark = NonNullable<TiptapNode['marks']>[number];

const markOfTag: Record<string, string> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', s: 'strike', strike: 'strike', del: 'strike' };
const blockTags = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'figure', 'section', 'article', 'main', 'header', 'footer', 'aside', 'pre']);

/**
 * Turns a sanitised body (see sanitizeStoryHtml.ts) into the editor's blocks: paragraphs, level 2 and 3
 * headings, lists, quotes, rules and figures, with bold, italic, underline, strike and link marks. An image
 * inside a paragraph becomes a figure of its own between the paragraph's halves. It is what the editor's
 * schema would parse from the same HTML, written without the editor so the main process can run it.
 * A centred paragraph carries `attrs.align = 'center'`, and one with a credit set apart `attrs.credit`, for the
 * import to read; neither is part of the schema.
 */
export function htmlToStoryBlocks(body: DomElement): TiptapNode[] {
  return blocksOf(body);
}

function blocksOf(parent: DomElement): TiptapNode[] {
  const blocks: TiptapNode[] = [];
  let inline: DomNode[] = [];
  const flush = (attrs?: Record<string, unknown>) => {
    blocks.push(...paragraphsOf(inline, attrs));
    inline = [];
  };
  for (const child of Array.from(parent.childNodes)) {
    if (isElement(child) && blockTags.has(tagOf(child))) {
      flush();
      blocks.push(...blockOf(child));
    } else {
      inline.push(child);
    }
  }
  flush(alignOf(parent));
  return blocks;
}

/** The hints a paragraph gives a caption reader: centred, and a photo credit set apart in it. */
function alignOf(element: DomElement): Record<string, unknown> | undefined {
  const attrs: Record<string, unknown> = {};
  if (element.getAttribute('data-align') === 'center') attrs.align = 'center';
  if (element.getAttribute('data-credit')) attrs.credit = element.getAttribute('data-credit');
  return Object.keys(attrs).length ? attrs : undefined;
}

function blockOf(element: DomElement): TiptapNode[] {
  const tag = tagOf(element);
  switch (tag) {
    case 'p':
      return paragraphsOf(Array.from(element.childNodes), alignOf(element));
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const content = inlineOf(Array.from(element.childNodes));
      return content.length ? [{ type: 'heading', attrs: { level: tag === 'h1' || tag === 'h2' ? 2 : 3 }, content }] : [];
    }
    case 'ul':
    case 'ol': {
      const items = Array.from(element.childNodes)
        .filter(isElement)
        .map((item) => {
          const content = blocksOf(item).filter((block) => block.type !== 'figure');
          return { type: 'listItem', content: content.length ? content : [{ type: 'paragraph' }] };
        });
      return items.length ? [{ type: tag === 'ul' ? 'bulletList' : 'orderedList', content: items }] : [];
    }
    case 'blockquote': {
      const content = blocksOf(element);
      return content.length ? [{ type: 'blockquote', content }] : [];
    }
    case 'hr':
      return [{ type: 'horizontalRule' }];
    case 'figure': {
      const image = element.querySelector('img');
      const caption = element.querySelector('figcaption');
      const credit = (element.getAttribute('data-credit') ?? '').trim();
      return image ? [figureOf(image, caption ? inlineOf(Array.from(caption.childNodes), false) : [], credit)] : [];
    }
    default:
      // div, section and the like: a wrapper of blocks, or of a paragraph's worth of text.
      return blocksOf(element);
  }
}

function figureOf(image: DomElement, caption: TiptapNode[], credit = ''): TiptapNode {
  const node: TiptapNode = {
    type: 'figure',
    attrs: {
      mediaId: image.getAttribute('data-media-id'),
      src: image.getAttribute('data-media-id') ? null : image.getAttribute('src'),
      alt: (image.getAttribute('alt') ?? '').trim(),
      credit,
    },
  };
  if (caption.length) node.content = caption;
  return node;
}

/** A run of inline nodes as paragraphs, split around the images in it, which become figures. */
function paragraphsOf(nodes: DomNode[], attrs?: Record<string, unknown>): TiptapNode[] {
  const blocks: TiptapNode[] = [];
  let run: DomNode[] = [];
  const flush = () => {
    const content = inlineOf(run);
    run = [];
    if (content.length) blocks.push(attrs ? { type: 'paragraph', attrs, content } : { type: 'paragraph', content });
  };
  const visit = (node: DomNode) => {
    if (isElement(node) && tagOf(node) === 'img') {
      flush();
      blocks.push(figureOf(node, []));
    } else if (isElement(node) && node.querySelector('img')) {
      // An image wrapped in a link or a mark: the figure goes between the text around it.
      Array.from(node.childNodes).forEach(visit);
    } else {
      run.push(node);
    }
  };
  nodes.forEach(visit);
  flush();
  return blocks;
}

/** The text and hard breaks of inline nodes, with their marks, whitespace collapsed as a browser would. */
function inlineOf(nodes: DomNode[], allowMarks = true): TiptapNode[] {
  const out: TiptapNode[] = [];
  const walk = (node: DomNode, marks: Mark[]) => {
    if (node.nodeType === textNode) {
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
      if (text) out.push(marks.length && allowMarks ? { type: 'text', text, marks } : { type: 'text', text });
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (tag === 'br') {
      out.push({ type: 'hardBreak' });
      return;
    }
    let next = marks;
    const markType = markOfTag[tag];
    if (markType && !marks.some((mark) => mark.type === markType)) next = [...marks, { type: markType }];
    if (tag === 'a' && node.getAttribute('href')) next = [...marks.filter((mark) => mark.type !== 'link'), { type: 'link', attrs: { href: node.getAttribute('href') } }];
    Array.from(node.childNodes).forEach((child) => walk(child, next));
  };
  nodes.forEach((node) => walk(node, []));
  return tidy(out);
}

/** Trims the ends, drops empty texts and joins neighbours that carry the same marks. */
function tidy(nodes: TiptapNode[]): TiptapNode[] {
  const first = nodes.findIndex((node) => node.type !== 'text' || node.text!.trim());
  if (first < 0) return [];
  const trimmed = nodes.slice(first);
  const start = trimmed[0]!;
  if (start.type === 'text') start.text = start.text!.trimStart();
  const end = trimmed.at(-1)!;
  if (end.type === 'text') end.text = end.text!.trimEnd();
  const merged: TiptapNode[] = [];
  for (const node of trimmed) {
    // A space right after a hard break is the source's line-wrapping, not the writer's.
    const previous = merged.at(-1);
    if (node.type === 'text' && previous?.type === 'hardBreak') node.text = node.text!.trimStart();
    if (node.type === 'text' && !node.text) continue;
    if (node.type === 'text' && previous?.type === 'text' && JSON.stringify(previous.marks ?? []) === JSON.stringify(node.marks ?? [])) {
      previous.text += node.text!;
    } else {
      merged.push(node);
    }
  }
  while (merged.at(-1)?.type === 'hardBreak') merged.pop();
  return merged;
}
