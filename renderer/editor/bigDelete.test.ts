import { Schema, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { bigDeletion } from './bigDelete';

const schema = new Schema({
  nodes: {
    doc: { content: 'kicker headline sapo block+' },
    kicker: { content: 'text*' },
    headline: { content: 'text*' },
    sapo: { content: 'text*' },
    paragraph: { content: 'text*', group: 'block' },
    text: {},
  },
});
const node = (type: string, text: string) => schema.node(type, null, text ? [schema.text(text)] : []);
const story = (headline: string, sapo: string, ...body: string[]) =>
  schema.node('doc', null, [node('kicker', 'Giao thông'), node('headline', headline), node('sapo', sapo), ...body.map((text) => node('paragraph', text))]);

/** Deletes from..to of the story and says what bigDeletion makes of it. */
function deleting(doc: ProseMirrorNode, from: number, to: number) {
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, from, to) });
  const tr = state.tr.deleteSelection();
  return bigDeletion(doc, tr.doc, [tr]);
}

/** Where the text of top-level child `index` starts and ends. */
function textOf(doc: ProseMirrorNode, index: number): [number, number] {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return [pos + 1, pos + doc.child(index).nodeSize - 1];
}

describe('bigDeletion', () => {
  const doc = story('Cầu mới thông xe', 'Sáng nay cầu thông xe.', 'Một hai ba bốn năm sáu bảy tám chín mười.', 'Mười một mười hai.');

  it('counts the chữ taken when more than half of the story goes', () => {
    const [from] = textOf(doc, 3);
    const [, to] = textOf(doc, 4);
    expect(deleting(doc, from, to)).toBe(14);
  });

  it('counts a field emptied, even a short one', () => {
    expect(deleting(doc, ...textOf(doc, 1))).toBe(4);
  });

  it('lets ordinary editing through: a word, or a few from a long paragraph', () => {
    const [from] = textOf(doc, 3);
    expect(deleting(doc, from, from + 4)).toBeNull();
    expect(deleting(doc, from, from + 1)).toBeNull();
    // Typing takes nothing out: no counting at all.
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, from) });
    const tr = state.tr.insertText('Thêm ');
    expect(bigDeletion(doc, tr.doc, [tr])).toBeNull();
  });
});
