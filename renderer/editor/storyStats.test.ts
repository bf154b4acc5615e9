import { Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { toEditorDoc } from '../../shared/story/storyDocument';
import type { TiptapNode } from '../../shared/story/storySchema';
import { countStoryWords } from '../../shared/text/countStoryWords';
import { storyStats } from './storyStats';

// The story's shape as the editor's schema has it (the extensions need a window to load).
const schema = new Schema({
  nodes: {
    doc: { content: 'kicker headline sapo block+' },
    kicker: { content: 'text*', marks: '' },
    headline: { content: 'text*', marks: '' },
    sapo: { content: 'text*', marks: '' },
    paragraph: { content: 'inline*', group: 'block' },
    heading: { content: 'inline*', group: 'block', attrs: { level: { default: 2 } } },
    bulletList: { content: 'listItem+', group: 'block' },
    listItem: { content: 'paragraph block*' },
    blockquote: { content: 'block+', group: 'block' },
    horizontalRule: { group: 'block' },
    figure: { content: 'inline*', group: 'block', marks: '', attrs: { mediaId: { default: null }, credit: { default: '' }, alt: { default: '' } } },
    hardBreak: { inline: true, group: 'inline', leafText: () => '\n' },
    text: { group: 'inline' },
  },
  marks: { bold: {}, italic: {} },
});

const text = (value: string, marks?: TiptapNode['marks']): TiptapNode => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: TiptapNode[]): TiptapNode => ({ type: 'paragraph', content });

// Every kind of block a reporter writes: a subhead, a word split by a mark, a line break, lists, a quote, photos.
const story = {
  kicker: 'Giao thông',
  headline: 'Thông xe đường ven biển Hạ Long – Cẩm Phả',
  sapo: 'Sáng 12/1, tỉnh Quảng Ninh tổ chức lễ thông xe.',
  body: {
    type: 'doc',
    content: [
      paragraph(text('Tuyến đường dài 16 km, tổng vốn hơn '), text('2.000', [{ type: 'bold' }]), text(' tỷ đồng.')),
      { type: 'heading', attrs: { level: 2 }, content: [text('Giảm ùn tắc')] },
      paragraph(text('Dòng một'), { type: 'hardBreak' }, text('dòng hai.')),
      { type: 'figure', attrs: { mediaId: 'a'.repeat(64), credit: 'Ảnh: Minh Đức', alt: '' }, content: [text('Chú thích không được đếm.')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Ý một'))] }, { type: 'listItem', content: [paragraph(text('Ý hai'))] }] },
      { type: 'blockquote', content: [paragraph(text('“Giờ đi làm chỉ mất 20 phút.”'))] },
      { type: 'horizontalRule' },
      paragraph(text('Đ'), text('ảng', [{ type: 'italic' }]), text(' viên.')),
    ],
  },
};

describe('storyStats', () => {
  it('counts the story in the editor exactly as the stored story is counted everywhere else', () => {
    const doc = schema.nodeFromJSON(toEditorDoc(story));
    // Sapo 10; body 11 + 3 + 4 + 2 + 2 + 7 + 2 = 31 ("Đ" + "ảng" is one word); the headline, kicker and caption are not counted.
    expect(countStoryWords(story)).toBe(41);
    expect(storyStats(doc).words).toBe(countStoryWords(story));
    expect(storyStats(doc).figuresWithoutCaption).toBe(0);
  });
});
