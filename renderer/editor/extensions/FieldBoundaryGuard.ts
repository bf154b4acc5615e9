import { Extension } from '@tiptap/core';
import { AllSelection, Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { confineTransaction, oneLineText } from './confineTransaction';
import { confineToField, crossesFields, fieldAt, isPlainField } from './storyFields';
import { selectionOver, selectionStart } from './storySelections';

export interface FieldBoundaryGuardOptions {
  /** What joins the lines of something pasted, dropped or typed across fields into a one-line field. @default ' ' */
  separator: string;
}

/** Set (to true) on a transaction that may rewrite the story across its fields as it is, e.g. a whole-story restore. */
export const acrossFieldsMeta = 'dateline:acrossFields';

/** Undo and redo put back what was there: they are never narrowed. */
const historyMeta = 'history$';

/** Whether the selection spans more than one field (a whole-story selection always does). */
export function selectionCrossesFields(state: EditorState): boolean {
  const { selection, doc } = state;
  return selection instanceof AllSelection || crossesFields(doc, selection.from, selection.to);
}

/** Whether typing over the selection is more than a change to one block's text, which the browser can do alone. */
function spansBlocks(state: EditorState): boolean {
  const { selection } = state;
  return !selection.empty && !(selection instanceof TextSelection && selection.$from.sameParent(selection.$to));
}

/** The part of ProseMirror's view that reads the page: not in its typings, but what its own key handler uses. */
interface PageObserver {
  forceFlush(): void;
  flush(): void;
}

/**
 * Takes up a selection the page shows but the editor has not read yet. Under load, Chromium can deliver a key or a
 * cut right after a click or a Shift+click, before the selectionchange event that tells ProseMirror of it; acting
 * on the selection before it, a keystroke would go to the old place, and a cut over the new one be left to the
 * browser, which edits across the fields on the page itself. ProseMirror's own reading of the page is used.
 */
function catchUpWithPage(view: EditorView): void {
  if (view.composing) return;
  const observer = (view as unknown as { domObserver?: PageObserver }).domObserver;
  observer?.forceFlush();
  observer?.flush();
}

/** Narrows a selection across fields to the part inside the field where it starts, before copying it away. */
function narrowSelection(view: EditorView): false {
  catchUpWithPage(view);
  const { state } = view;
  if (selectionCrossesFields(state)) {
    const { selection, doc } = state;
    const range = confineToField(doc, selection.from, selection.to, selectionStart(selection));
    view.dispatch(state.tr.setSelection(selectionOver(doc, range.from, range.to, selection.head < selection.anchor)));
  }
  return false;
}

/**
 * Before the browser edits the page over a selection itself: an input method does when composition starts, and
 * composition events cannot be cancelled, so this runs first. The selection is narrowed to its start field; if
 * it still spans blocks (part of the body, or all of it) it is cleared by a transaction of its own, so the browser
 * only ever composes over text inside one block, which it does well. (Clearing a whole field here instead loses
 * the first composed letter in Chromium: the composition restarts in the emptied node.)
 */
function clearSelection(view: EditorView): void {
  narrowSelection(view);
  if (spansBlocks(view.state)) view.dispatch(view.state.tr.deleteSelection().scrollIntoView());
}

const keyCodeOfInputMethod = 229;

/**
 * Keeps the story's structure, kicker → headline → sapo → body, through any edit of a selection that spans fields:
 * typing, Backspace and Delete, Enter, cut, paste, dropping, composing with an input method. The edit is narrowed
 * to the field where the selection starts, so no text moves from one field into another and no other field loses
 * a word (see confineTransaction). Copying is left alone: a copy of the whole story is still one Ctrl+A away.
 */
export const FieldBoundaryGuard = Extension.create<FieldBoundaryGuardOptions>({
  name: 'fieldBoundaryGuard',
  // Its key handler runs before every keymap's, so each of them sees the selection the page shows.
  priority: 1000,

  addOptions() {
    return { separator: ' ' };
  },

  // Every edit, whichever key, command, event or input method made it, goes through here on its way to the editor.
  dispatchTransaction({ transaction, next }) {
    if (!transaction.docChanged || transaction.getMeta(acrossFieldsMeta) || transaction.getMeta(historyMeta)) return next(transaction);
    next(confineTransaction(this.editor.state, transaction, this.options.separator) ?? transaction);
  },

  addProseMirrorPlugins() {
    const { separator } = this.options;
    return [
      new Plugin({
        key: new PluginKey('fieldBoundaryGuard'),
        props: {
          handleKeyDown: (view, event) => {
            catchUpWithPage(view);
            // A key an input method takes: composition is about to start over the selection.
            if (event.keyCode === keyCodeOfInputMethod) clearSelection(view);
            return false;
          },
          handleDOMEvents: {
            compositionstart: (view) => {
              clearSelection(view);
              return false;
            },
            beforeinput: (view, event) => {
              catchUpWithPage(view);
              if (!spansBlocks(view.state)) return false;
              if (event.inputType === 'insertCompositionText') {
                clearSelection(view);
                return false;
              }
              if (!event.cancelable) return false;
              if (event.inputType === 'insertText' || event.inputType === 'insertReplacementText') {
                const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
                view.dispatch(view.state.tr.insertText(text.normalize('NFC')).scrollIntoView());
              } else if (event.inputType.startsWith('delete') || event.inputType === 'insertParagraph' || event.inputType === 'insertLineBreak') {
                view.dispatch(view.state.tr.deleteSelection().scrollIntoView());
              } else return false;
              event.preventDefault();
              return true;
            },
            // What goes to the clipboard, or is dragged, is what the edit takes away: the narrowed selection.
            cut: narrowSelection,
            paste: narrowSelection,
            dragstart: narrowSelection,
          },
          handleDrop: (view, event, slice, moved) => {
            // Into a kicker, headline, sapo or caption only text goes, on one line, so a drop never splits them.
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (!at) return false;
            const field = fieldAt(view.state.doc, at.pos);
            const text = oneLineText(slice, separator);
            if (!isPlainField(field) || field.kind === 'edge' || !text) return false;
            const tr = view.state.tr;
            if (moved) tr.deleteSelection();
            const pos = tr.mapping.map(at.pos);
            tr.insertText(text, pos);
            tr.setSelection(TextSelection.create(tr.doc, pos, pos + text.length));
            view.focus();
            view.dispatch(tr.setMeta('uiEvent', 'drop'));
            return true;
          },
        },
      }),
    ];
  },
});
