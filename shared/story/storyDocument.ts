import type { Story, TiptapNode } from './storySchema';
import { eachNode } from './walkDocument';

/**
 * The editor holds a whole story as one document, kicker, headline, sapo and then the body's blocks, so that
 * undo, selection and input methods work across all of it. The store keeps them as separate fields; these two
 * functions convert between the shapes.
 */
export type StoryText = Pick<Story, 'kicker' | 'headline' | 'sapo' | 'body'>;

export const sectionTypes = ['kicker', 'headline', 'sapo'] as const;
export type SectionType = (typeof sectionTypes)[number];

const textContent = (text: string): TiptapNode[] => (text ? [{ type: 'text', text }] : []);

export function toEditorDoc(story: StoryText): TiptapNode {
  const blocks = story.body.content?.length ? story.body.content : [{ type: 'paragraph' }];
  return {
    type: 'doc',
    content: [
      ...sectionTypes.map((type) => ({ type, content: textContent(story[type]) })),
      ...blocks,
    ],
  };
}

/** A node's text run together, in reading order. */
export function plainText(node: TiptapNode): string {
  const parts: string[] = [];
  eachNode(node, (each) => {
    if (typeof each.text !== 'string') return true;
    parts.push(each.text);
    return false;
  });
  return parts.join('');
}

/** Every figure (a photo with its caption) in the body, in reading order; figures do not nest. */
export function figuresOf(body: TiptapNode): TiptapNode[] {
  const found: TiptapNode[] = [];
  eachNode(body, (node) => {
    if (node.type !== 'figure') return true;
    found.push(node);
    return false;
  });
  return found;
}

/** A figure's alt text, or its caption where the reporter left the alt text empty, as the editor shows it. */
export function figureAlt(figure: TiptapNode): string {
  const alt = figure.attrs?.alt;
  return typeof alt === 'string' && alt.trim() ? alt.trim() : plainText(figure).trim();
}

export function fromEditorDoc(doc: TiptapNode): StoryText {
  const children = doc.content ?? [];
  const section = (type: SectionType) => {
    const node = children.find((child) => child.type === type);
    return node ? plainText(node) : '';
  };
  const blocks = children.filter((child) => !(sectionTypes as readonly string[]).includes(child.type));
  return {
    kicker: section('kicker'),
    headline: section('headline'),
    sapo: section('sapo'),
    body: { type: 'doc', content: blocks.length ? blocks : [{ type: 'paragraph' }] },
  };
}
