import { foldVietnamese } from './foldVietnamese';
import { toNfc } from './normalizeText';

export interface Token {
  /** NFC, lower-case, marks kept: "đảng". */
  exact: string;
  /** Marks folded away, đ as d: "dang". */
  folded: string;
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text, split where Vietnamese splits them (between syllables), with their places in it. */
export function searchTokens(text: string): Token[] {
  const composed = toNfc(text);
  const tokens: Token[] = [];
  for (const match of composed.matchAll(wordPattern)) {
    const exact = match[0].toLocaleLowerCase('vi');
    tokens.push({ exact, folded: foldVietnamese(exact), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** True when a word carries any Vietnamese mark, so the reporter meant that exact spelling. */
export function hasMarks(word: string): boolean {
  return foldVietnamese(word) !== word.toLocaleLowerCase('vi');
}
