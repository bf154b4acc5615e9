import { Extension } from '@tiptap/core';
import { AllSelection, type EditorState, type Selection } from '@tiptap/pm/state';
import { fieldAt, fieldRange, sameField, startField, type StoryField } from './storyFields';
import { BodySelection, selectionOver, WholeStorySelection } from './storySelections';

export interface FieldSelectAllOptions {
  /** The shortcut that selects the field, then the whole story. @default 'Mod-a' */
  shortcut: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    fieldSelectAll: {
      /** Selects the field holding the cursor; when it is already selected, the whole story. */
      selectFieldThenStory: () => ReturnType;
    };
  }
}

/** The selection that covers all of one field. */
export function fieldSelection(state: EditorState, field: StoryField): Selection {
  const { from, to } = fieldRange(state.doc, field);
  return selectionOver(state.doc, from, to);
}

/** The field the whole selection lies in, or null when it spans more than one. */
function fieldOfSelection(state: EditorState): StoryField | null {
  const { selection, doc } = state;
  if (selection instanceof BodySelection) return { kind: 'body' };
  if (selection instanceof AllSelection) return null;
  const field = startField(doc, selection.anchor);
  return sameField(field, startField(doc, selection.head)) && sameField(field, fieldAt(doc, selection.from)) ? field : null;
}

/**
 * Ctrl+A selects the field the cursor is in (kicker, headline, sapo, a caption or the body) and only a second
 * Ctrl+A the whole story, as Gutenberg does for blocks: one careless Ctrl+A and a keystroke can then cost a
 * field at most, never the story. The whole-story selection remembers that field, where typing over it goes.
 */
export const FieldSelectAll = Extension.create<FieldSelectAllOptions>({
  name: 'fieldSelectAll',
  // Before the core keymap, whose Mod-a selects the whole document at once.
  priority: 200,

  addOptions() {
    return { shortcut: 'Mod-a' };
  },

  addCommands() {
    return {
      selectFieldThenStory:
        () =>
        ({ state, tr, dispatch }) => {
          const { selection } = state;
          if (selection instanceof AllSelection) return true;
          const field = fieldOfSelection(state);
          if (field) {
            const whole = fieldSelection(state, field);
            if (!whole.eq(selection)) {
              if (dispatch) tr.setSelection(whole);
              return true;
            }
          }
          if (dispatch) tr.setSelection(new WholeStorySelection(state.doc, selection.anchor));
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return { [this.options.shortcut]: () => this.editor.commands.selectFieldThenStory() };
  },
});
