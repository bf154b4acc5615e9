import type { Story, TiptapNode } from './storySchema';

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

export function plainText(node: TiptapNode): string {
  if (typeof node.text === 'string') return node.text;
  return (node.content ?? []).map(plainText).join('');
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
