import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode, Slice } from '@tiptap/pm/model';
import { Fragment } from '@tiptap/pm/model';
import { TextSelection, type Transaction } from '@tiptap/pm/state';
import { firstBodyIndex } from '../extensions/StoryDocument';

/** A paste of more top-level blocks than this goes in by chunks. */
export const largePasteBlocks = 400;
const chunkBlocks = 250;

/**
 * Inserts a very large paste (a whole report from Word) a chunk of blocks at a time, each in its own task, so
 * the browser can paint and the reporter can keep working between them instead of waiting for one enormous
 * DOM update. The blocks go after the block holding the cursor (replacing it when it is an empty paragraph),
 * and later chunks follow the earlier ones wherever edits in between have moved them.
 */
export function insertInChunks(editor: Editor, slice: Slice): void {
  const blocks: ProseMirrorNode[] = [];
  slice.content.forEach((node) => blocks.push(node));
  const { state, view } = editor;
  const tr = state.tr;
  if (!state.selection.empty) tr.deleteSelection();
  const $at = tr.selection.$from;
  let end: number;
  // The first chunk replaces this range: the empty paragraph the cursor is in, or nothing.
  let replaceTo: number;
  if ($at.depth >= 1 && $at.index(0) >= firstBodyIndex) {
    const block = $at.node(1);
    const isEmptyParagraph = block.type.name === 'paragraph' && block.content.size === 0;
    end = isEmptyParagraph ? $at.before(1) : $at.after(1);
    replaceTo = isEmptyParagraph ? $at.after(1) : end;
  } else {
    end = 0;
    for (let i = 0; i < firstBodyIndex; i++) end += tr.doc.child(i).nodeSize;
    replaceTo = end;
  }

  const follow = ({ transaction }: { transaction: Transaction }) => {
    end = transaction.mapping.map(end);
  };
  let next = 0;
  const insertChunk = (transaction: Transaction) => {
    const chunk = Fragment.fromArray(blocks.slice(next, next + chunkBlocks));
    const at = end;
    transaction.replaceWith(at, next === 0 ? replaceTo : at, chunk);
    if (next === 0) transaction.setSelection(TextSelection.near(transaction.doc.resolve(at + chunk.size), -1));
    next += chunkBlocks;
    editor.off('transaction', follow);
    view.dispatch(transaction.scrollIntoView());
    end = at + chunk.size;
    if (next < blocks.length) {
      editor.on('transaction', follow);
      setTimeout(() => {
        if (!editor.isDestroyed) insertChunk(editor.state.tr);
      }, 0);
    }
  };
  insertChunk(tr);
}
