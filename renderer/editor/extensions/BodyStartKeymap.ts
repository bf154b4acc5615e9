import { Extension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { firstBodyIndex } from './StoryDocument';

/**
 * Backspace at the start of the body's first block goes back to the end of the sapo instead of merging the
 * paragraph into it; an empty first paragraph with more body after it is simply removed.
 */
export const BodyStartKeymap = Extension.create({
  name: 'bodyStartKeymap',
  addKeyboardShortcuts() {
    return {
      Backspace: () => {
        const { state, view } = this.editor;
        const { $from, empty } = state.selection;
        if (!empty || $from.depth !== 1 || $from.parentOffset !== 0 || $from.index(0) !== firstBodyIndex) return false;
        const blockStart = $from.before(1);
        if ($from.parent.content.size === 0 && state.doc.childCount > firstBodyIndex + 1) {
          const tr = state.tr.delete(blockStart, $from.after(1));
          view.dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(blockStart + 1))));
          return true;
        }
        // The sapo's last position is just inside its closing token, one before this block starts.
        view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, blockStart - 1)));
        return true;
      },
    };
  },
});
