import type { Editor } from '@tiptap/react';
import { applyToneStyle, type ToneStyle } from '../../shared/text/toneMarks';

/**
 * Rewrites every syllable of the story in the newsroom's tone-mark style, in one undoable step: the text of
 * every section and caption, and each photo's alt text and credit. Marks and structure are left as they are.
 */
export function applyToneStyleToStory(editor: Editor, style: ToneStyle): number {
  const { state } = editor;
  const tr = state.tr;
  let changed = 0;
  state.doc.descendants((node, pos) => {
    if (node.isText) {
      const text = applyToneStyle(node.text ?? '', style);
      if (text !== node.text) {
        const from = tr.mapping.map(pos);
        tr.replaceWith(from, tr.mapping.map(pos + node.nodeSize), state.schema.text(text, node.marks));
        changed++;
      }
    } else if (node.type.name === 'figure') {
      const alt = applyToneStyle(String(node.attrs.alt ?? ''), style);
      const credit = applyToneStyle(String(node.attrs.credit ?? ''), style);
      if (alt !== node.attrs.alt || credit !== node.attrs.credit) {
        tr.setNodeMarkup(tr.mapping.map(pos), undefined, { ...node.attrs, alt, credit });
        changed++;
      }
    }
    return true;
  });
  if (changed) editor.view.dispatch(tr);
  return changed;
}
