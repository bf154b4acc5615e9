import { describe, expect, it } from 'vitest';
import { fromEditorDoc, toEditorDoc } from './storyDocument';

const body = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Đại tướng phát biểu.' }] },
    { type: 'figure', attrs: { mediaId: 'abc', alt: 'Hội nghị', credit: 'Ảnh: TTXVN' }, content: [{ type: 'text', text: 'Toàn cảnh hội nghị.' }] },
  ],
};

describe('the story as one editor document', () => {
  it('puts kicker, headline and sapo before the body blocks, and takes them apart again unchanged', () => {
    const story = { kicker: 'Quảng Ninh', headline: 'Thông xe đường ven biển', sapo: 'Sáng 12/1, …', body };
    const doc = toEditorDoc(story);
    expect(doc.content!.map((n) => n.type)).toEqual(['kicker', 'headline', 'sapo', 'paragraph', 'figure']);
    expect(fromEditorDoc(doc)).toEqual(story);
  });

  it('gives empty sections no text node, and an empty body one paragraph', () => {
    const doc = toEditorDoc({ kicker: '', headline: '', sapo: '', body: { type: 'doc', content: [] } });
    expect(doc.content).toEqual([
      { type: 'kicker', content: [] },
      { type: 'headline', content: [] },
      { type: 'sapo', content: [] },
      { type: 'paragraph' },
    ]);
    expect(fromEditorDoc(doc)).toEqual({ kicker: '', headline: '', sapo: '', body: { type: 'doc', content: [{ type: 'paragraph' }] } });
  });
});
