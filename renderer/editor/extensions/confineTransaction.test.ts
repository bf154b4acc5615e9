import { Schema, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { AllSelection, EditorState, TextSelection, type Selection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { confineTransaction, oneLineText } from './confineTransaction';
import { bodyStart, crossesFields, fieldAt } from './storyFields';
import { BodySelection, WholeStorySelection } from './storySelections';

// The story's shape as the editor's schema has it, without the React node view.
const schema = new Schema({
  nodes: {
    doc: { content: 'kicker headline sapo block+' },
    kicker: { content: 'text*', marks: '' },
    headline: { content: 'text*', marks: '' },
    sapo: { content: 'text*', marks: '' },
    paragraph: { content: 'inline*', group: 'block' },
    figure: { content: 'inline*', group: 'block', marks: '', isolating: true },
    text: { group: 'inline' },
  },
  marks: { bold: {} },
});
const t = (text: string) => (text ? [schema.text(text)] : []);

/** kicker "Giao thông", headline "Cầu mới thông xe", sapo "Sáng nay cầu thông xe.", p "Đoạn một.", figure "Chú thích.", p "Đoạn hai." */
function story(): ProseMirrorNode {
  return schema.node('doc', null, [
    schema.node('kicker', null, t('Giao thông')),
    schema.node('headline', null, t('Cầu mới thông xe')),
    schema.node('sapo', null, t('Sáng nay cầu thông xe.')),
    schema.node('paragraph', null, t('Đoạn một.')),
    schema.node('figure', null, t('Chú thích.')),
    schema.node('paragraph', null, t('Đoạn hai.')),
  ]);
}

/** The position `offset` characters into the text of the top-level child `index`. */
function at(doc: ProseMirrorNode, index: number, offset: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos + 1 + offset;
}

function texts(doc: ProseMirrorNode): string[] {
  const out: string[] = [];
  doc.forEach((child) => out.push(`${child.type.name}:${child.textContent}`));
  return out;
}

function run(doc: ProseMirrorNode, selection: (doc: ProseMirrorNode) => Selection, edit: (state: EditorState) => ReturnType<EditorState['tr']['insertText']>) {
  const state = EditorState.create({ doc, selection: selection(doc) });
  const tr = edit(state);
  const confined = confineTransaction(state, tr);
  return { confined, state: confined ? state.apply(confined) : null };
}

describe('fields of the story', () => {
  it('tells sections, captions and the body apart, and the boundaries between sections from all of them', () => {
    const doc = story();
    expect(fieldAt(doc, at(doc, 1, 2))).toEqual({ kind: 'section', index: 1 });
    expect(fieldAt(doc, at(doc, 3, 0))).toEqual({ kind: 'body' });
    expect(fieldAt(doc, bodyStart(doc))).toEqual({ kind: 'body' });
    expect(fieldAt(doc, at(doc, 4, 1)).kind).toBe('caption');
    expect(fieldAt(doc, 0)).toEqual({ kind: 'edge', index: 0 });
    expect(crossesFields(doc, at(doc, 1, 2), at(doc, 2, 2))).toBe(true);
    // A photo wholly inside a stretch of the body is part of it.
    expect(crossesFields(doc, at(doc, 3, 1), at(doc, 5, 1))).toBe(false);
    expect(crossesFields(doc, at(doc, 3, 1), at(doc, 4, 1))).toBe(true);
  });
});

describe('confineTransaction', () => {
  it('types over headline and sapo into the headline only: the sapo keeps every word', () => {
    const { state } = run(story(), (doc) => TextSelection.create(doc, at(doc, 1, 4), at(doc, 2, 5)), (s) => s.tr.insertText('X'));
    expect(texts(state!.doc)).toEqual(['kicker:Giao thông', 'headline:Cầu X', 'sapo:Sáng nay cầu thông xe.', 'paragraph:Đoạn một.', 'figure:Chú thích.', 'paragraph:Đoạn hai.']);
    expect(state!.selection.from).toBe(at(state!.doc, 1, 5));
  });

  it('deletes a backward selection from the sapo up into the headline in the sapo only', () => {
    const { state } = run(story(), (doc) => TextSelection.create(doc, at(doc, 2, 5), at(doc, 1, 4)), (s) => s.tr.deleteSelection());
    expect(texts(state!.doc).slice(0, 3)).toEqual(['kicker:Giao thông', 'headline:Cầu mới thông xe', 'sapo:nay cầu thông xe.']);
  });

  it('leaves an edit inside one field alone', () => {
    expect(run(story(), (doc) => TextSelection.create(doc, at(doc, 1, 0), at(doc, 1, 3)), (s) => s.tr.insertText('X')).confined).toBeNull();
    expect(run(story(), (doc) => TextSelection.create(doc, at(doc, 3, 2), at(doc, 5, 2)), (s) => s.tr.deleteSelection()).confined).toBeNull();
    expect(run(story(), (doc) => new BodySelection(doc), (s) => s.tr.deleteSelection()).confined).toBeNull();
  });

  it('sends typing over the whole story to the field it was widened from', () => {
    const { state } = run(story(), (doc) => new WholeStorySelection(doc, at(doc, 1, 3)), (s) => s.tr.insertText('X'));
    expect(texts(state!.doc)).toEqual(['kicker:Giao thông', 'headline:X', 'sapo:Sáng nay cầu thông xe.', 'paragraph:Đoạn một.', 'figure:Chú thích.', 'paragraph:Đoạn hai.']);
  });

  it('replaces the whole body, photos and all, when the story was widened from the body', () => {
    const { state } = run(story(), (doc) => new WholeStorySelection(doc, bodyStart(doc)), (s) => s.tr.insertText('X'));
    expect(texts(state!.doc)).toEqual(['kicker:Giao thông', 'headline:Cầu mới thông xe', 'sapo:Sáng nay cầu thông xe.', 'paragraph:X']);
  });

  it('empties only the kicker when a plain select-all is deleted', () => {
    const { state } = run(story(), (doc) => new AllSelection(doc), (s) => s.tr.deleteSelection());
    expect(texts(state!.doc)).toEqual(['kicker:', 'headline:Cầu mới thông xe', 'sapo:Sáng nay cầu thông xe.', 'paragraph:Đoạn một.', 'figure:Chú thích.', 'paragraph:Đoạn hai.']);
  });

  it('stops a body selection before the photo whose caption it reaches into', () => {
    const { state } = run(story(), (doc) => TextSelection.create(doc, at(doc, 3, 2), at(doc, 4, 4)), (s) => s.tr.insertText('X'));
    expect(texts(state!.doc).slice(3)).toEqual(['paragraph:ĐoX', 'figure:Chú thích.', 'paragraph:Đoạn hai.']);
  });

  it('keeps a caption edit in the caption, and the paragraph after it whole', () => {
    const { state } = run(story(), (doc) => TextSelection.create(doc, at(doc, 4, 3), at(doc, 5, 4)), (s) => s.tr.deleteSelection());
    expect(texts(state!.doc).slice(3)).toEqual(['paragraph:Đoạn một.', 'figure:Chú', 'paragraph:Đoạn hai.']);
  });

  it('keeps a backward body selection below the photo it started under', () => {
    const { state } = run(story(), (doc) => TextSelection.create(doc, at(doc, 5, 4), at(doc, 4, 2)), (s) => s.tr.deleteSelection());
    expect(texts(state!.doc).slice(3)).toEqual(['paragraph:Đoạn một.', 'figure:Chú thích.', 'paragraph: hai.']);
  });

  it('takes only the text of a paste into a one-line field', () => {
    const slice = new Slice(schema.node('doc', null, [schema.node('kicker'), schema.node('headline'), schema.node('sapo'), schema.node('paragraph', null, t('Một')), schema.node('paragraph', null, t('Hai'))]).content, 0, 0);
    expect(oneLineText(slice, ' ')).toBe('Một Hai');
    expect(oneLineText(new Slice(schema.node('paragraph', null, t(' ')).content, 0, 0), ' ')).toBe(' ');
    const { state } = run(story(), (doc) => TextSelection.create(doc, at(doc, 0, 0), at(doc, 1, 3)), (s) => s.tr.replaceSelection(new Slice(schema.node('paragraph', null, t('Dán')).content, 0, 0)));
    expect(texts(state!.doc).slice(0, 2)).toEqual(['kicker:Dán', 'headline:Cầu mới thông xe']);
  });

  it('carries later steps over: what a drop inserts after deleting the dragged text stays', () => {
    const { state } = run(
      story(),
      (doc) => TextSelection.create(doc, at(doc, 1, 4), at(doc, 2, 5)),
      (s) => {
        const tr = s.tr.deleteSelection();
        return tr.insertText('mới ', tr.mapping.map(at(s.doc, 5, 0)));
      },
    );
    expect(texts(state!.doc)).toEqual(['kicker:Giao thông', 'headline:Cầu ', 'sapo:Sáng nay cầu thông xe.', 'paragraph:Đoạn một.', 'figure:Chú thích.', 'paragraph:mới Đoạn hai.']);
  });
});
