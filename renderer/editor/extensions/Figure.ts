import { mergeAttributes, Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { FigureView } from '../FigureView';
import { firstBodyIndex } from './StoryDocument';

export interface FigureOptions {
  /** Attributes added to the rendered `<figure>`. @default {} */
  HTMLAttributes: Record<string, string>;
}

export interface FigureAttributes {
  /** The photo in the media library; the way a figure finds its image once media import lands. */
  mediaId?: string | null;
  /** A stand-in image address for a photo that is not in the media library. */
  src?: string | null;
  alt?: string;
  credit?: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a photo, with the caption its metadata gave or none, and puts the cursor at the caption's end. */
      insertFigure: (attributes: FigureAttributes, caption?: string | null) => ReturnType;
    };
  }
}

/**
 * A photo in the body, followed by its caption. The caption is the node's own text, edited inline under the
 * image; the credit and the alt text are attributes edited in the fields beside it.
 */
export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  marks: '',
  draggable: true,
  isolating: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-media-id'),
        renderHTML: (attributes) => (attributes.mediaId ? { 'data-media-id': attributes.mediaId } : {}),
      },
      src: {
        default: null,
        parseHTML: (element) => element.querySelector('img')?.getAttribute('src') ?? null,
        renderHTML: () => ({}),
      },
      alt: {
        default: '',
        parseHTML: (element) => element.querySelector('img')?.getAttribute('alt') ?? '',
        renderHTML: () => ({}),
      },
      credit: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-credit') ?? '',
        renderHTML: (attributes) => (attributes.credit ? { 'data-credit': attributes.credit } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure', contentElement: 'figcaption' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const image = node.attrs.src ? [['img', { src: node.attrs.src, alt: node.attrs.alt }]] : [];
    return ['figure', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), ...image, ['figcaption', 0]];
  },

  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },

  addCommands() {
    return {
      insertFigure:
        (attributes, caption) =>
        ({ tr, dispatch, state }) => {
          const figure = this.type.create(attributes, caption ? state.schema.text(caption) : null);
          const { $from } = tr.selection;
          if (dispatch) {
            const index = $from.index(0);
            let at: number;
            if (index < firstBodyIndex) {
              // A photo never goes inside the kicker, headline or sapo: it opens the body instead.
              at = 0;
              for (let i = 0; i < firstBodyIndex; i++) at += tr.doc.child(i).nodeSize;
              tr.insert(at, figure);
            } else if ($from.depth >= 1 && $from.node(1).type.name === 'paragraph' && $from.node(1).content.size === 0) {
              at = $from.before(1);
              tr.replaceWith(at, $from.after(1), figure);
            } else {
              at = $from.depth >= 1 ? $from.after(1) : $from.pos;
              tr.insert(at, figure);
            }
            // The caption is what the reporter writes or corrects next.
            tr.setSelection(TextSelection.create(tr.doc, at + 1 + figure.content.size)).scrollIntoView();
          }
          return true;
        },
    };
  },
});
