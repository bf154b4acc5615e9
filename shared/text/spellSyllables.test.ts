import { describe, expect, it } from 'vitest';
import { isSpelledCorrectly, newsroomKey, shouldCheckSyllable, spellTokens, styleSuggestions } from './spellSyllables';

// dictionary-vi 3 spells the old tone-mark placement only; a stand-in with the same habit.
const oldStyleDictionary = new Set(['bí', 'thư', 'tỉnh', 'uỷ', 'khẳng', 'định', 'hoà', 'bình', 'ngành', 'khoẻ', 'hà', 'nội']);
const known = (word: string) => oldStyleDictionary.has(word);

describe('spellTokens', () => {
  it('finds each syllable with its offsets in the text', () => {
    const text = 'Bí thư Tỉnh ủy, khẳng định.';
    const tokens = spellTokens(text);
    expect(tokens.map((t) => t.word)).toEqual(['Bí', 'thư', 'Tỉnh', 'ủy', 'khẳng', 'định']);
    for (const token of tokens) expect(text.slice(token.from, token.to).normalize('NFC')).toBe(token.word);
  });

  it('gives NFC words but offsets into the text as it is, even when it is NFD', () => {
    const text = 'Ngành hoà'.normalize('NFD');
    const tokens = spellTokens(text);
    expect(tokens.map((t) => t.word)).toEqual(['Ngành', 'hoà']);
    expect(tokens[1]!.to).toBe(text.length);
    expect(text.slice(tokens[0]!.from, tokens[0]!.to)).toBe('Ngành'.normalize('NFD'));
  });

  it('skips numbers, codes, addresses and foreign words, and checks hyphenated Vietnamese part by part', () => {
    const text = 'COVID-19 trên Facebook, iPhone, UBND, 2.000 tỷ, lúc 08:34, baoquangninh.vn, Google ở Paris, email online, khu A, Hoà-bình';
    expect(spellTokens(text).map((t) => t.word)).toEqual(['trên', 'tỷ', 'lúc', 'ở', 'khu', 'Hoà', 'bình']);
  });
});

describe('shouldCheckSyllable', () => {
  it('checks lower-case and capitalised Vietnamese syllables, misspelled ones included', () => {
    for (const word of ['nghành', 'Nghành', 'thươg', 'Nguyễn', 'Hà', 'Ở', 'đ']) expect(shouldCheckSyllable(word), word).toBe(true);
  });
  it('leaves ALL CAPS, mixed case, digits, foreign letters and foreign-shaped names alone', () => {
    for (const word of ['COVID', 'HĐND', 'iPhone', 'McDonald', 'F1', 'Facebook', 'wifi', 'Müller', 'Noël', 'Google', 'London', 'video', 'A']) {
      expect(shouldCheckSyllable(word), word).toBe(false);
    }
  });
});

describe('isSpelledCorrectly', () => {
  it('accepts a syllable in either tone-mark placement when the dictionary spells one of them', () => {
    for (const word of ['hoà', 'hòa', 'uỷ', 'ủy', 'khoẻ', 'khỏe']) expect(isSpelledCorrectly(word, known), word).toBe(true);
  });
  it('checks a capitalised syllable lower-cased, in either style', () => {
    expect(isSpelledCorrectly('Tỉnh', known)).toBe(true);
    expect(isSpelledCorrectly('Ủy', known)).toBe(true);
    expect(isSpelledCorrectly('Hòa', known)).toBe(true);
  });
  it('rejects a syllable neither style spells', () => {
    expect(isSpelledCorrectly('nghành', known)).toBe(false);
    expect(isSpelledCorrectly('Nghành', known)).toBe(false);
  });
  it('works on NFD input', () => {
    expect(isSpelledCorrectly('hòa'.normalize('NFD'), known)).toBe(true);
  });
});

describe('styleSuggestions', () => {
  it('restyles suggestions to the newsroom’s tone-mark style and drops repeats', () => {
    expect(styleSuggestions(['hoà', 'hoa', 'hòa'], 'new', 'hòaa')).toEqual(['hòa', 'hoa']);
    expect(styleSuggestions(['hoà', 'khoẻ'], 'old', 'hoàa')).toEqual(['hoà', 'khoẻ']);
    expect(styleSuggestions(['uỷ'], 'new', 'ủyy')).toEqual(['ủy']);
  });
  it('keeps the misspelled word’s capital letter', () => {
    expect(styleSuggestions(['ngành', 'nhành'], 'new', 'Nghành')).toEqual(['Ngành', 'Nhành']);
  });
});

describe('newsroomKey', () => {
  it('is the same for both tone-mark styles and any casing', () => {
    expect(newsroomKey('Thuỷ')).toBe(newsroomKey('thủy'));
    expect(newsroomKey('HOÀ'.normalize('NFD'))).toBe('hòa');
  });
});
