import { Node, type Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { SectionType } from '../../../shared/story/storyDocument';

export interface StorySectionOptions {
  /** Attributes added to the rendered element. @default {} */
  HTMLAttributes: Record<string, string>;
}

/** Where each child of the story document starts, so the cursor can hop between sections. */
function childStart(editor: Editor, index: number): number | null {
  const { doc } = editor.state;
  if (index < 0 || index >= doc.childCount) return null;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

function moveTo(editor: Editor, pos: number): boolean {
  const { state, view } = editor;
  view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)).scrollIntoView());
  return true;
}

/** Puts the cursor at the start of the child at `index`, making a paragraph there when the body opens with a photo. */
export function focusChildStart(editor: Editor, index: number): boolean {
  const start = childStart(editor, index);
  if (start === null) return false;
  const child = editor.state.doc.child(index);
  if (child.isTextblock) return moveTo(editor, start + 1);
  const { state, view } = editor;
  const tr = state.tr.insert(start, state.schema.nodes.paragraph!.create());
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, start + 1)).scrollIntoView());
  return true;
}

function focusChildEnd(editor: Editor, index: number): boolean {
  const start = childStart(editor, index);
  if (start === null) return false;
  return moveTo(editor, start + editor.state.doc.child(index).nodeSize - 1);
}

/**
 * A one-line section of the story (kicker, headline, sapo): plain text, one per story, in a fixed place. Enter
 * moves on to the next section and Backspace at its start moves back, rather than splitting or merging sections.
 */
export function storySectionNode(name: SectionType, index: number, tag: string) {
  return Node.create<StorySectionOptions>({
    name,
    content: 'text*',
    marks: '',
    defining: true,
    addOptions() {
      return { HTMLAttributes: {} };
    },
    parseHTML() {
      return [{ tag: `${tag}[data-story-section="${name}"]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, { ...this.options.HTMLAttributes, ...HTMLAttributes, 'data-story-section': name, class: `story-${name}` }, 0];
    },
    addKeyboardShortcuts() {
      const inThis = () => {
        const { $from, empty } = this.editor.state.selection;
        return $from.parent.type.name === name ? { atStart: empty && $from.parentOffset === 0, atEnd: empty && $from.parentOffset === $from.parent.content.size } : null;
      };
      return {
        Enter: () => (inThis() ? focusChildStart(this.editor, index + 1) : false),
        'Shift-Enter': () => (inThis() ? focusChildStart(this.editor, index + 1) : false),
        Backspace: () => {
          const at = inThis();
          if (!at?.atStart) return false;
          return index === 0 ? true : focusChildEnd(this.editor, index - 1);
        },
        Delete: () => {
          const at = inThis();
          return at?.atEnd ? focusChildStart(this.editor, index + 1) : false;
        },
      };
    },
  });
}
