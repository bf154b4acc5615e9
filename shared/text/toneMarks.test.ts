import { describe, expect, it } from 'vitest';
import { applyToneStyle, toneVariants } from './toneMarks';

const oldStyle = 'Bí thư Tỉnh uỷ khẳng định hoà bình';
const newStyle = 'Bí thư Tỉnh ủy khẳng định hòa bình';

describe('applyToneStyle', () => {
  it('moves the mark between the two styles in a real sentence', () => {
    expect(applyToneStyle(oldStyle, 'new')).toBe(newStyle);
    expect(applyToneStyle(newStyle, 'old')).toBe(oldStyle);
    expect(applyToneStyle(oldStyle, 'old')).toBe(oldStyle);
    expect(applyToneStyle(newStyle, 'new')).toBe(newStyle);
  });

  it('handles oe and uy with every tone mark', () => {
    expect(applyToneStyle('chăm lo sức khoẻ', 'new')).toBe('chăm lo sức khỏe');
    expect(applyToneStyle('chăm lo sức khỏe', 'old')).toBe('chăm lo sức khoẻ');
    const pairs: [old: string, new: string][] = [
      ['hoà', 'hòa'],
      ['loà', 'lòa'],
      ['xoè', 'xòe'],
      ['thuý', 'thúy'],
      ['Tuỳ', 'Tùy'],
      ['thuỷ', 'thủy'],
      ['Thuỵ', 'Thụy'],
      ['hoạ', 'họa'],
      ['toả', 'tỏa'],
      ['thoã', 'thõa'],
      ['loè', 'lòe'],
      ['đoạ', 'đọa'],
    ];
    for (const [old, next] of pairs) {
      expect(applyToneStyle(old, 'new')).toBe(next);
      expect(applyToneStyle(next, 'old')).toBe(old);
    }
  });

  it('moves a mark on a syllable with no initial consonant', () => {
    expect(applyToneStyle('Uỷ ban nhân dân tỉnh', 'new')).toBe('Ủy ban nhân dân tỉnh');
    expect(applyToneStyle('Ủy ban nhân dân tỉnh', 'old')).toBe('Uỷ ban nhân dân tỉnh');
    expect(applyToneStyle('khóc oà lên', 'new')).toBe('khóc òa lên');
  });

  it('keeps the case of every letter', () => {
    expect(applyToneStyle('HOÀ BÌNH', 'new')).toBe('HÒA BÌNH');
    expect(applyToneStyle('HÒA BÌNH', 'old')).toBe('HOÀ BÌNH');
    expect(applyToneStyle('Hoà', 'new')).toBe('Hòa');
    expect(applyToneStyle('TỈNH UỶ', 'new')).toBe('TỈNH ỦY');
    expect(applyToneStyle('hOÀ', 'new')).toBe('hÒA');
  });

  it('accepts NFD input and always returns NFC', () => {
    const result = applyToneStyle(oldStyle.normalize('NFD'), 'new');
    expect(result).toBe(newStyle);
    expect(result).toBe(result.normalize('NFC'));
    expect(applyToneStyle('Bình Định'.normalize('NFD'), 'old')).toBe('Bình Định');
  });

  it('leaves syllables that continue past oa, oe or uy exactly as they are', () => {
    const same = 'hoàn khoét thuyết huýt khoái ngoài quyển khuỷu xoáy hoặc Thuế thuở';
    expect(applyToneStyle(same, 'new')).toBe(same);
    expect(applyToneStyle(same, 'old')).toBe(same);
  });

  it('never treats the u of qu as a vowel', () => {
    const same = 'quý quỳ Quý QUỲ quỹ quỷ quy';
    expect(applyToneStyle(same, 'new')).toBe(same);
    expect(applyToneStyle(same, 'old')).toBe(same);
    expect(applyToneStyle('Ông Quý và bà Thuý', 'new')).toBe('Ông Quý và bà Thúy');
  });

  it('reads gi as a consonant', () => {
    expect(applyToneStyle('giò gió già', 'old')).toBe('giò gió già');
    expect(applyToneStyle('gioà', 'new')).toBe('giòa');
  });

  it('finds syllables between punctuation and keeps the punctuation', () => {
    expect(applyToneStyle('“Hoà-bình”, (sức khoẻ)… tuỳ!', 'new')).toBe('“Hòa-bình”, (sức khỏe)… tùy!');
  });

  it('passes English, numbers and punctuation through', () => {
    const english = 'Goa, Zoe, Chloé, Noël, Boeing 787 & guy at 08:34 — COVID-19 (2.000 ca)';
    expect(applyToneStyle(english, 'new')).toBe(english);
    expect(applyToneStyle(english, 'old')).toBe(english);
    expect(applyToneStyle('', 'new')).toBe('');
  });

  it('does not guess at a syllable carrying two tone marks', () => {
    const twice = 'hòà';
    expect(applyToneStyle(twice, 'new')).toBe(twice);
    expect(applyToneStyle(twice, 'old')).toBe(twice);
  });
});

describe('toneVariants', () => {
  it('gives both spellings, new style first, whichever one it is given', () => {
    expect(toneVariants('hoà')).toEqual(['hòa', 'hoà']);
    expect(toneVariants('hòa')).toEqual(['hòa', 'hoà']);
    expect(toneVariants('Thuý'.normalize('NFD'))).toEqual(['Thúy', 'Thuý']);
  });

  it('gives one spelling where the styles agree', () => {
    expect(toneVariants('hoàn')).toEqual(['hoàn']);
    expect(toneVariants('quý')).toEqual(['quý']);
    expect(toneVariants('hoa')).toEqual(['hoa']);
    expect(toneVariants('Boeing')).toEqual(['Boeing']);
  });

  it('returns NFC', () => {
    for (const variant of toneVariants('khoẻ'.normalize('NFD'))) expect(variant).toBe(variant.normalize('NFC'));
  });
});
