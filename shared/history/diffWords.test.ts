import { describe, expect, it } from 'vitest';
import { makeStory } from '../../tests/support/seedLibrary';
import { diffStories } from './diffStories';
import { diffWords } from './diffWords';

const changed = (older: string, newer: string) => diffWords(older, newer).filter((p) => p.change !== 'same');

describe('diffWords', () => {
  it('marks whole Vietnamese words, not letters, as inserted and deleted', () => {
    expect(changed('Tỉnh ủy họp phiên thường kỳ', 'Tỉnh ủy họp phiên bất thường kỳ này')).toEqual([
      { text: 'bất ', change: 'inserted' },
      { text: ' này', change: 'inserted' },
    ]);
    expect(changed('Cầu mới thông xe', 'Cầu Bạch Đằng thông xe')).toEqual([
      { text: 'mới', change: 'deleted' },
      { text: 'Bạch Đằng', change: 'inserted' },
    ]);
  });

  it('treats a syllable whose tone mark changed as a changed word', () => {
    expect(changed('hoa nở', 'hòa nở')).toEqual([
      { text: 'hoa', change: 'deleted' },
      { text: 'hòa', change: 'inserted' },
    ]);
  });

  it('compares NFC with NFD as the same text', () => {
    expect(changed('Quảng Ninh'.normalize('NFD'), 'Quảng Ninh')).toEqual([]);
  });

  it('gives back both texts exactly: the unchanged and deleted parts make the older, unchanged and inserted the newer', () => {
    const older = 'Sáng 14/5, UBND tỉnh Quảng Ninh tổ chức hội nghị tổng kết.';
    const newer = 'Chiều 15/5, UBND tỉnh Quảng Ninh đã tổ chức hội nghị sơ kết năm.';
    const parts = diffWords(older, newer);
    expect(parts.filter((p) => p.change !== 'inserted').map((p) => p.text).join('')).toBe(older);
    expect(parts.filter((p) => p.change !== 'deleted').map((p) => p.text).join('')).toBe(newer);
  });
});

describe('diffStories', () => {
  it('compares field by field, each caption on its own', () => {
    const figure = (caption: string) => ({ type: 'figure', attrs: { mediaId: null, credit: '', alt: '' }, content: [{ type: 'text', text: caption }] });
    const older = makeStory({ headline: 'Cầu mới thông xe', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dài 16 km.' }] }, figure('Cây cầu nhìn từ trên cao.')] } });
    const newer = { ...older, headline: 'Cầu Bạch Đằng thông xe', tags: ['Hạ Long'], body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dài 16 km.' }] }, figure('Cầu nhìn từ flycam.')] } };
    const fields = Object.fromEntries(diffStories(older, newer).map((d) => [d.field, d]));
    expect(fields.headline!.changed).toBe(true);
    expect(fields.headline!.parts.filter((p) => p.change === 'inserted').map((p) => p.text)).toEqual(['Bạch Đằng']);
    expect(fields.body!.changed).toBe(false);
    expect(fields['caption:1']!.changed).toBe(true);
    expect(fields.tags).toMatchObject({ older: 'Quảng Ninh', newer: 'Hạ Long', changed: true });
    expect(fields.sapo!.changed).toBe(false);
  });
});
